package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.Stream.messages;
import static dev.qapi.runtime.json.Stream.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strings: escapes, {@code \\u} escapes and surrogates, and modified UTF-8 validation (QMP wire notes §5). */
class StringDecodingTest {

    /** The string value of a one-string message, or its error. */
    private static String string(String latin1Body) {
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(Stream.bytes("\"" + latin1Body + "\""), out::add);
        assertEquals(1, out.size());
        if (out.get(0) instanceof JsonParseError e) {
            return "error " + e.desc();
        }
        return ((TextNode) ((JsonMessage.Parsed) out.get(0)).value()).textValue();
    }

    private static String invalidCharacter(String escape) {
        return "error JSON parse error, " + escape + " is not a valid Unicode character";
    }

    @Test
    void simpleEscapes() {
        assertEquals("\"'\\/\b\f\n\r\t", string("\\\"\\'\\\\\\/\\b\\f\\n\\r\\t"));
        assertEquals(List.of("value \"a'b\""), messages("'a\\'b'"));
        assertEquals(List.of("value \"a\\\"b\""), messages("'a\"b'"));
    }

    @Test
    void otherEscapesAreInvalid() {
        for (String e : List.of("\\x", "\\U0041", "\\0", "\\a", "\\ ", "\\\u00c3\u00a9")) {
            assertEquals("error JSON parse error, invalid escape sequence in string", string(e), e);
        }
    }

    @Test
    void unicodeEscapes() {
        assertEquals("\u0000", string("\\u0000"));
        assertEquals("A\u00e9\u20ac", string("\\u0041\\u00e9\\u20AC"));
        assertEquals("\ud83d\ude00", string("\\ud83d\\ude00"));
        assertEquals("\ud83d\ude00", string("\\uD83D\\uDE00"));
        assertEquals("\udbff\udffd", string("\\udbff\\udffd"));
    }

    @Test
    void invalidUnicodeEscapesAreQuotedAsWritten() {
        assertEquals(invalidCharacter("\\ud800"), string("\\ud800"));
        assertEquals(invalidCharacter("\\uD800"), string("\\uD800x"));
        assertEquals(invalidCharacter("\\udc00"), string("\\udc00"));
        assertEquals(invalidCharacter("\\ud800"), string("\\ud800\\u0041"));
        assertEquals(invalidCharacter("\\ud800"), string("\\ud800\\ud800"));
        assertEquals(invalidCharacter("\\ud800"), string("\\ud800\\u12"));
        assertEquals(invalidCharacter("\\u12G4"), string("\\u12G4"));
        assertEquals(invalidCharacter("\\ufdd0"), string("\\ufdd0"));
        assertEquals(invalidCharacter("\\uFDEF"), string("\\uFDEF"));
        assertEquals(invalidCharacter("\\ufffe"), string("\\ufffe"));
        assertEquals(invalidCharacter("\\uFFFF"), string("\\uFFFF"));
        // A pair is combined first; U+1FFFE is a noncharacter, so all twelve bytes are quoted.
        assertEquals(invalidCharacter("\\uD83F\\uDFFE"), string("\\uD83F\\uDFFE"));
        assertEquals(invalidCharacter("\\udbff\\udfff"), string("\\udbff\\udfff"));
        // A short escape runs into the closing quote; the quote is cut at the end of the token.
        assertEquals(invalidCharacter("\\u12\""), string("\\u12"));
        assertEquals(invalidCharacter("\\u\""), string("\\u"));
        assertEquals(invalidCharacter("\\u12'"), messages("'\\u12'").get(0));
        // Raw bytes in the escape are shown as QEMU's writer shows them.
        assertEquals(invalidCharacter("\\u1\u00e9x"), string("\\u1\u00c3\u00a9x"));
        assertEquals(invalidCharacter("\\u1\ufffd\""), string("\\u1\u00c3"));
    }

    @Test
    void onTheWireTheBackslashIsDoubled() {
        assertEquals("\"JSON parse error, \\\\ud800 is not a valid Unicode character\"",
                wire("JSON parse error, \\ud800 is not a valid Unicode character"));
    }

    @Test
    void validUtf8() {
        assertEquals("\u00e9\u20ac\ud83d\ude00\u007f", string("\u00c3\u00a9\u00e2\u0082\u00ac\u00f0\u009f\u0098\u0080\u007f"));
        assertEquals("\udbff\udffd", string("\u00f4\u008f\u00bf\u00bd"));
    }

    @Test
    void theOverlongNulC080IsAllowed() {
        assertEquals("a\u0000b", string("a\u00c0\u0080b"));
    }

    @Test
    void invalidUtf8() {
        String[] cases = {
            "\u00c1\u0081",                     // overlong 'A'
            "\u00e0\u0080\u0080",               // overlong NUL, 3 bytes
            "\u00e0\u009f\u00bf",               // overlong U+07FF
            "\u00f0\u0080\u0080\u0080",         // overlong, 4 bytes
            "\u00f0\u008f\u00bf\u00bf",         // overlong U+FFFF
            "\u00ed\u00a0\u0080",               // surrogate U+D800
            "\u00ed\u00bf\u00bf",               // surrogate U+DFFF
            "\u00ef\u00b7\u0090",               // noncharacter U+FDD0
            "\u00ef\u00bf\u00be",               // noncharacter U+FFFE
            "\u00ef\u00bf\u00bf",               // noncharacter U+FFFF
            "\u00f0\u009f\u00bf\u00be",         // noncharacter U+1FFFE
            "\u00f4\u008f\u00bf\u00bf",         // noncharacter U+10FFFF
            "\u00f4\u0090\u0080\u0080",         // beyond U+10FFFF
            "\u00f8\u0088\u0080\u0080\u0080",   // five bytes
            "\u00fc\u0084\u0080\u0080\u0080\u0080", // six bytes
            "\u00c3(",                          // missing continuation byte
            "\u00e2\u0082(",
            "\u0080",                           // stray continuation byte
            "\u00bf",
            "\u00c3",                           // cut by the closing quote
            "\u00f0\u009f\u0098",
            "ok\u00c3\u00a9then\u0080",         // the first bad sequence counts
        };
        for (String c : cases) {
            assertEquals("error JSON parse error, invalid UTF-8 sequence in string", string(c), c);
        }
    }

    @Test
    void bytesFeAndFfAreLexicalErrorsNotUtf8Errors() {
        assertEquals(List.of("error JSON parse error, stray '\"a\ufffd'"), messages("\"a\u00fe\""));
    }

    @Test
    void theFirstProblemInAStringWins() {
        assertEquals("error JSON parse error, invalid UTF-8 sequence in string", string("\u0080\\ud800"));
        assertEquals(invalidCharacter("\\ud800"), string("\\ud800\u0080"));
        assertEquals("error JSON parse error, invalid escape sequence in string", string("\\x\\ud800"));
    }
}
