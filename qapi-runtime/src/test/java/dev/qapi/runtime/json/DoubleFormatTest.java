package dev.qapi.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code %.17g} as glibc prints it. */
class DoubleFormatTest {

    @Test
    void theNotesExamples() {
        assertEquals("1", DoubleFormat.format(1.0));
        assertEquals("0.10000000000000001", DoubleFormat.format(0.1));
        assertEquals("-9.2233720368547758e+18", DoubleFormat.format(-9223372036854775809.0));
        assertEquals("inf", DoubleFormat.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void specialValues() {
        assertEquals("-inf", DoubleFormat.format(Double.NEGATIVE_INFINITY));
        assertEquals("nan", DoubleFormat.format(Double.NaN));
        assertEquals("-nan", DoubleFormat.format(Double.longBitsToDouble(0xfff8000000000000L)));
        assertEquals("0", DoubleFormat.format(0.0));
        assertEquals("-0", DoubleFormat.format(-0.0));
    }

    @Test
    void notationSwitchesAtExponentsMinus5And17() {
        assertEquals("0.0001", DoubleFormat.format(1e-4));
        assertEquals("1.0000000000000001e-05", DoubleFormat.format(1e-5));
        assertEquals("10000000000000000", DoubleFormat.format(1e16));
        assertEquals("1e+17", DoubleFormat.format(1e17));
        assertEquals("1.2345678901234568e+17", DoubleFormat.format(123456789012345678.0));
        assertEquals("4.9406564584124654e-324", DoubleFormat.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", DoubleFormat.format(Double.MAX_VALUE));
    }

    @Test
    void tiesRoundToEven() {
        // 2^-25 = 2.98023223876953125e-08 exactly: the 18th digit is a 5 with nothing after it.
        assertEquals("2.9802322387695312e-08", DoubleFormat.format(Math.scalb(1.0, -25)));
    }

    @Test
    void matchesGlibcPrintf() {
        List<String[]> lines = Reference.lines("printf-17g.txt");
        for (String[] line : lines) {
            assertEquals(line[1], DoubleFormat.format(Reference.fromHex(line[0])), line[0]);
        }
        assertTrue(lines.size() > 16000, lines.size() + " lines");
    }
}
