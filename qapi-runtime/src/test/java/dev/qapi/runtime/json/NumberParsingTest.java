package dev.qapi.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers become what QEMU's QNum would hold: int64, else uint64, else a double from strtod. */
class NumberParsingTest {

    private static JsonNode parse(String number) {
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(Stream.bytes(number + " "), out::add);
        assertEquals(1, out.size(), number);
        return assertInstanceOf(JsonMessage.Parsed.class, out.get(0)).value();
    }

    @Test
    void integersThatFitInt64AreLongNodes() {
        for (String n : List.of("0", "7", "-7", "1000000000000000000", "9223372036854775807", "-9223372036854775808")) {
            JsonNode v = parse(n);
            assertInstanceOf(LongNode.class, v, n);
            assertEquals(Long.parseLong(n), v.longValue());
        }
        assertEquals(LongNode.valueOf(0), parse("-0"));
    }

    @Test
    void largerNonNegativeIntegersThatFitUint64AreBigIntegerNodes() {
        for (String n : List.of("9223372036854775808", "18446744073709551615")) {
            JsonNode v = parse(n);
            assertInstanceOf(BigIntegerNode.class, v, n);
            assertEquals(new BigInteger(n), v.bigIntegerValue());
        }
    }

    @Test
    void everythingElseIsADouble() {
        assertEquals(DoubleNode.valueOf(1.8446744073709552e19), parse("18446744073709551616"));
        assertEquals(DoubleNode.valueOf(-9.2233720368547758e18), parse("-9223372036854775809"));
        assertEquals(DoubleNode.valueOf(1e30), parse("1000000000000000000000000000000"));
        assertEquals(DoubleNode.valueOf(1.0), parse("1.0"));
        assertEquals(DoubleNode.valueOf(100.0), parse("1e2"));
        assertEquals(DoubleNode.valueOf(-0.0), parse("-0.0"));
        assertEquals(DoubleNode.valueOf(0.1), parse("0.1"));
    }

    @Test
    void outOfRangeDoublesBecomeInfinityOrZero() {
        assertEquals(DoubleNode.valueOf(Double.POSITIVE_INFINITY), parse("1e400"));
        assertEquals(DoubleNode.valueOf(Double.NEGATIVE_INFINITY), parse("-1E+400"));
        assertEquals(DoubleNode.valueOf(0.0), parse("1e-400"));
        assertEquals(DoubleNode.valueOf(-0.0), parse("-1e-400"));
        assertEquals(DoubleNode.valueOf(Double.POSITIVE_INFINITY), parse("1" + "0".repeat(2000)));
        assertEquals(DoubleNode.valueOf(Double.POSITIVE_INFINITY), parse("1e" + "9".repeat(2000)));
        assertEquals(DoubleNode.valueOf(0.0), parse("1e-" + "9".repeat(2000)));
        assertEquals(DoubleNode.valueOf(0.0), parse("0.0e" + "9".repeat(2000)));
        assertEquals(DoubleNode.valueOf(0.0), parse("0." + "0".repeat(1500) + "1"));
    }

    @Test
    void zeroTakesNoExponentInQemusLexer() {
        // QEMU's lexer goes from "0" only to "." (RFC 8259 would allow 0e5): the e starts a keyword.
        assertEquals(List.of("value 0", "error JSON parse error, invalid keyword 'e'", "value 5"),
                Stream.messages("0e5 "));
        assertEquals(List.of("value 0", "error JSON parse error, invalid keyword 'e'", "value 5"),
                Stream.messages("-0e5 "));
        assertEquals(List.of("value 0.0"), Stream.messages("0.0e5 "));
    }

    @Test
    void longTokensRoundLikeShortOnes() {
        assertEquals(DoubleNode.valueOf(1.0), parse("1." + "0".repeat(1500) + "1"));
        assertEquals(DoubleNode.valueOf(0.1), parse("0.1" + "0".repeat(1500)));
        assertEquals(DoubleNode.valueOf(123.456), parse("0.00" + "0".repeat(1500) + "123456e1505"));
        assertEquals(DoubleNode.valueOf(1e-5), parse("0.0000" + "0".repeat(1500) + "1" + "e+1500"));
        assertEquals(DoubleNode.valueOf(1e300), parse("1" + "0".repeat(1500) + "e-1200"));
    }

    @Test
    void strtodMatchesGlibc() {
        int checked = 0;
        int longOnes = 0;
        for (String[] line : Reference.lines("strtod.txt")) {
            byte[] token = line[0].getBytes(StandardCharsets.US_ASCII);
            double expected = Reference.fromHex(line[1]);
            double actual = NumberToken.strtod(token, token.length);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), line[0]);
            checked++;
            if (token.length > 1000) {
                longOnes++;
            }
        }
        assertTrue(checked > 4000 && longOnes >= 400, checked + " lines, " + longOnes + " long");
    }
}
