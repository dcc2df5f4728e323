package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.Stream.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path for the common request must be invisible: whatever the input, feeding it whole (where
 * the fast path can see complete requests) gives the same messages, the same node types and the same
 * stop positions as feeding it one byte at a time (where only the lexer and parser ever run).
 */
class SimpleRequestTest {

    private static final List<String> CASES = List.of(
            "{\"execute\": \"query-version\", \"id\": 12345}\n",
            "{\"execute\":\"x\"}",
            "{ \"execute\" : \"x\" , \"id\" : \"abc\" }\r\n",
            "\t\r\n {\"execute\": \"x\"}{\"execute\": \"y\", \"id\": 2}   {\"execute\": \"z\"}",
            "{\"execute\": \"x\", \"id\": -0}",
            "{\"execute\": \"x\", \"id\": 0}",
            "{\"execute\": \"x\", \"id\": -12}",
            "{\"execute\": \"x\", \"id\": 01}",
            "{\"execute\": \"x\", \"id\": 1.5}",
            "{\"execute\": \"x\", \"id\": 1e5}",
            "{\"execute\": \"x\", \"id\": 2E5}",
            "{\"execute\": \"x\", \"id\": -}",
            "{\"execute\": \"x\", \"id\": 123456789012345678}",
            "{\"execute\": \"x\", \"id\": 1234567890123456789}",
            "{\"execute\": \"x\", \"id\": 99999999999999999999}",
            "{\"execute\": \"x\", \"id\": -9223372036854775809}",
            "{\"execute\": \"x\", \"id\": \"a\\\"b\"}",
            "{\"execute\": \"x\\u0041\"}",
            "{\"execute\": \"x\u00e9\"}",
            "{\"execute\": \"x\u00c3\u00a9\", \"id\": \"\u00c3\u00a9\"}",
            "{\"execute\": \"x\u0001\"}",
            "{\"execute\": \"x\u007f\"}",
            "{\"execute\": \"x\", \"arguments\": {}}",
            "{\"execute\": \"x\", \"id\": 1, \"id\": 2}",
            "{\"execute\": \"x\", \"execute\": \"y\"}",
            "{\"execute\": \"x\",}",
            "{\"execute\": 'x'}",
            "{'execute': \"x\"}",
            "{\"id\": 1, \"execute\": \"x\"}",
            "{\"execute\": \"x\", \"id\": true}",
            "{\"execute\": \"x\", \"id\": null}",
            "{\"execute\": \"x\", \"id\": [1]}",
            "{\"execute\": \"x\", \"id\": {\"a\": 1}}",
            "{\"execute\": \"x\", \"id\": 5",
            "{\"execute\": \"x\"",
            "{\"execute\"",
            "]{\"execute\": \"x\"}",
            "nul{\"execute\": \"x\"}",
            "5{\"execute\": \"x\"}",
            "\"abc{\"execute\": \"x\"}\"{\"execute\": \"x\"}",
            "{\"execute\": \"x\"}}{\"execute\": \"x\"}",
            "{{\"execute\": \"x\"}}",
            "[{\"execute\": \"x\"}]",
            "{\"execute\": \"x\"}\u0000{\"execute\": \"x\"}",
            "\u00ff{\"execute\": \"x\"}",
            "{\"execute\"  \n:\t\"x\"\r,\n\"id\"\t:  7  }",
            "{\"execute\": \"" + "a".repeat(5000) + "\", \"id\": 1}");

    @Test
    void theCommonShapesAreTakenByTheFastPath() {
        SimpleRequest simple = new SimpleRequest();
        for (String s : List.of("{\"execute\": \"query-version\", \"id\": 12345}", "{\"execute\":\"x\"}",
                "{ \"execute\" : \"x\" , \"id\" : \"abc\" }", "{\"execute\": \"x\", \"id\": -7}")) {
            byte[] b = bytes(s);
            assertEquals(b.length, simple.match(b, 0, b.length), s);
        }
        for (String s : List.of("{\"execute\": \"x\", \"id\": 5", "{\"execute\": \"x\", \"arguments\": {}}",
                "{\"execute\": \"x\", \"id\": 1.5}", "{\"execute\": \"x\\u0041\"}")) {
            byte[] b = bytes(s);
            assertEquals(-1, simple.match(b, 0, b.length), s);
        }
    }

    @Test
    void listedCasesGiveWhatTheLexerGives() {
        for (String s : CASES) {
            assertSameAsByteByByte(bytes(s));
        }
    }

    @Test
    void randomMixturesGiveWhatTheLexerGives() {
        String[] pieces = {"{", "}", "\"execute\"", "\"id\"", ":", ",", " ", "\n", "\r", "\t", "\"x\"",
            "\"query-version\"", "12", "-3", "0", "01", "1.5", "e", "'a'", "\\", "[", "]", "\"\\u0041\"",
            "\u00e9", "\u0001", "true", "nul", "\"id\": 5}", "{\"execute\": \"a\", \"id\": 7}",
            "{\"execute\": \"b\"}", "\"arguments\": {}", "\""};
        Random random = new Random(20261125);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameAsByteByByte(bytes(sb.toString()));
        }
    }

    /** Messages and stop positions: the input fed whole (stopping at each message) vs byte by byte. */
    private static void assertSameAsByteByByte(byte[] input) {
        List<String> expected = new ArrayList<>();
        JsonStreamer reference = new JsonStreamer();
        for (int i = 0; i < input.length; i++) {
            int end = i + 1;
            reference.feed(input, i, 1, m -> expected.add(Stream.typed(m) + " @" + end));
        }
        List<String> actual = new ArrayList<>();
        JsonStreamer streamer = new JsonStreamer();
        int pos = 0;
        while (pos < input.length) {
            List<JsonMessage> got = new ArrayList<>();
            int n = streamer.feed(input, pos, input.length - pos, m -> {
                got.add(m);
                return false;
            });
            assertTrue(n > 0 || got.isEmpty());
            pos += n;
            for (JsonMessage m : got) {
                actual.add(Stream.typed(m) + " @" + pos);
            }
            if (n == 0) {
                break;
            }
        }
        assertEquals(expected, actual, () -> "input: " + Stream.wire(new String(input, java.nio.charset.StandardCharsets.ISO_8859_1)));
        // And fed whole without stopping.
        List<String> whole = new ArrayList<>();
        new JsonStreamer().feed(input, m -> whole.add(Stream.typed(m)));
        assertEquals(expected.stream().map(s -> s.substring(0, s.lastIndexOf(" @"))).toList(), whole);
    }
}
