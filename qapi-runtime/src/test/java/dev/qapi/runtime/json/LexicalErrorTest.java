package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.Stream.messages;
import static dev.qapi.runtime.json.Stream.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lexical errors ({@code stray '…'}) and the recovery after them (QMP wire notes §5, §10 rows 3–8). */
class LexicalErrorTest {

    /** The probe QEMU's qmp-test sends after each bad input to check that the parser recovered. */
    private static final String PROBE = "{\"execute\": \"no-such-cmd\"}\n";
    private static final String PROBED = "value {\"execute\":\"no-such-cmd\"}";

    @Test
    void qmpTestRow3_mismatchedBrackets() {
        assertEquals(List.of("error JSON parse error, expecting value", PROBED), messages("{]\n" + PROBE));
    }

    @Test
    void qmpTestRow4_byteFF() {
        List<String> out = messages("{\u00ff" + PROBE);
        assertEquals(List.of("error JSON parse error, stray '\ufffd'", PROBED), out);
        assertEquals("\"JSON parse error, stray '\\uFFFD'\"", wire("JSON parse error, stray '\ufffd'"));
    }

    @Test
    void qmpTestRow5_controlByte() {
        assertEquals(List.of("error JSON parse error, stray '\u0001'", PROBED), messages("{\u0001" + PROBE));
        assertEquals("\"JSON parse error, stray '\\u0001'\"", wire("JSON parse error, stray '\u0001'"));
    }

    @Test
    void qmpTestRow6_byteFFInsideAString() {
        assertEquals(List.of("error JSON parse error, stray ''bad \ufffd'", PROBED), messages("{'bad \u00ff" + PROBE));
        assertEquals("\"JSON parse error, stray ''bad \\uFFFD'\"", wire("JSON parse error, stray ''bad \ufffd'"));
    }

    @Test
    void qmpTestRow7_newlineInsideAString() {
        assertEquals(List.of("error JSON parse error, stray ''\n'", PROBED),
                messages("{'execute': 'nonexistent', 'id':'\n" + PROBE));
        assertEquals("\"JSON parse error, stray ''\\n'\"", wire("JSON parse error, stray ''\n'"));
    }

    @Test
    void qmpTestRow8_percentIsAnErrorAndTheNextByteIsSkipped() {
        assertEquals(List.of("error JSON parse error, stray '%'", PROBED), messages("%p" + PROBE));
    }

    @Test
    void theTokenSoFarIsQuotedWithTheBadByte() {
        assertEquals(List.of("error JSON parse error, stray '01'"), messages("01"));
        assertEquals(List.of("error JSON parse error, stray '-x'"), messages("-x"));
        assertEquals(List.of("error JSON parse error, stray '1.e'"), messages("1.e"));
        assertEquals(List.of("error JSON parse error, stray '1e+,'"), messages("1e+,"));
        assertEquals(List.of("error JSON parse error, stray '- '"), messages("- "));
        assertEquals(List.of("error JSON parse error, stray '\"a\t'"), messages("\"a\tb\""));
        assertEquals(List.of("error JSON parse error, stray '\"\\\u0001'"), messages("\"\\\u0001"));
        // Outside a string a byte >= 0x80 is an error on its own; the rest of its sequence is skipped.
        assertEquals(List.of("error JSON parse error, stray '\ufffd'", "error JSON parse error, stray '\u0002'"),
                messages("\u00c3\u00a9\u0002"));
        assertEquals(List.of("error JSON parse error, stray '\"\u00e9\u0002'"), messages("\"\u00c3\u00a9\u0002"));
        assertEquals(List.of("error JSON parse error, stray '\"\ufffd(\u0003'"), messages("\"\u00c3(\u0003"));
    }

    @Test
    void aNulByteTruncatesTheQuotedText() {
        assertEquals(List.of("error JSON parse error, stray ''"), messages("\u0000"));
        assertEquals(List.of("error JSON parse error, stray '\"ab'"), messages("\"ab\u0000"));
    }

    @Test
    void anErrorDropsThePartialMessage() {
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, expecting value"),
                messages("{\"a\": %}"));
    }

    @Test
    void recoverySkipsUntilAStructuralCharacter() {
        assertEquals(List.of("error JSON parse error, stray '%'"), messages("%ab true \"x\" 1 "));
        assertEquals(List.of("error JSON parse error, stray '%'", "value {}"), messages("%ab true \"x{}"));
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, expecting value"),
                messages("%p,"));
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, expecting value"),
                messages("%p}"));
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, expecting value"),
                messages("%p:"));
        assertEquals(List.of("error JSON parse error, stray '%'", "value [1]"), messages("%p[1]"));
    }

    @Test
    void tabKeepsRecoveringButCrAndLfEndItWithoutAnError() {
        assertEquals(List.of("error JSON parse error, stray '%'"), messages("%a\ttrue "));
        assertEquals(List.of("error JSON parse error, stray '%'", "value true"), messages("%a\ntrue "));
        assertEquals(List.of("error JSON parse error, stray '%'", "value true"), messages("%a\rtrue "));
    }

    @Test
    void aControlByteDuringRecoveryIsOneMoreErrorAndRecoveryGoesOn() {
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, stray '\u0001'"),
                messages("%abc\u0001def "));
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, stray '\u001b'",
                "value {}"), messages("%abc\u001bdef{}"));
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, stray '\ufffd'"),
                messages("%abc\u00fetrue "));
        assertEquals(List.of("error JSON parse error, stray '%'", "error JSON parse error, stray '\ufffd'"),
                messages("%abc\u00fftrue "));
    }

    @Test
    void aControlByteAfterAKeywordGivesTwoErrors() {
        assertEquals(List.of("error JSON parse error, invalid keyword 'nul'", "error JSON parse error, stray '\u001b'"),
                messages("nul\u001b"));
    }

    @Test
    void aControlByteAfterANumberEndsIt() {
        assertEquals(List.of("value 12", "error JSON parse error, stray '\u0001'"), messages("12\u0001"));
    }

    @Test
    void aControlByteResynchronizesAnUnfinishedMessage() {
        assertEquals(List.of("error JSON parse error, stray '\u0001'", PROBED),
                messages("{\"execute\": [\"abc\", {\u0001" + PROBE));
    }
}
