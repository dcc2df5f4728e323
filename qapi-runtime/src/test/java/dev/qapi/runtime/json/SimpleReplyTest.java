package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.Stream.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The client's fast path for the common reply must be invisible: wherever it takes a reply, the lexer
 * and parser fed the same bytes one at a time deliver that reply as their first message, ending at the
 * same byte, with the same node types; wherever they would not, it takes nothing.
 */
class SimpleReplyTest {

    private static final String VERSION = "{\"return\": {\"qemu\": {\"micro\": 13, \"minor\": 0, \"major\": 10},"
            + " \"package\": \"\"}, \"id\": 5}";

    private static final List<String> CASES = List.of(
            VERSION + "\r\n",
            "{\"return\": {}, \"id\": 1}",
            "\r\n {\"return\":{},\"id\":0}",
            "{ \"return\" : [ 1 , -2 , true , false , null , \"x\" , [ ] , { } ] , \"id\" : 7 }",
            "{\"return\": [{\"name\": \"a\", \"type\": \"b\"}, {\"name\": \"c\"}], \"id\": 123456789012345678}",
            "{\"return\": {}, \"id\": 1234567890123456789}",
            "{\"return\": {}, \"id\": -1}",
            "{\"return\": {}, \"id\": 01}",
            "{\"return\": {}, \"id\": \"a\"}",
            "{\"return\": {}, \"id\": 1.5}",
            "{\"return\": {}}",
            "{\"id\": 1, \"return\": {}}",
            "{\"return\": {}, \"id\": 1, \"x\": 2}",
            "{\"return\": {\"a\": 1, \"a\": 2}, \"id\": 1}",
            "{\"return\": 1.5, \"id\": 1}",
            "{\"return\": 1e3, \"id\": 1}",
            "{\"return\": -0, \"id\": 1}",
            "{\"return\": -, \"id\": 1}",
            "{\"return\": 12345678901234567890, \"id\": 1}",
            "{\"return\": \"a\\\"b\", \"id\": 1}",
            "{\"return\": \"\\u0041\", \"id\": 1}",
            "{\"return\": \"\u00c3\u00a9\", \"id\": 1}",
            "{\"return\": \"\u0001\", \"id\": 1}",
            "{\"return\": \"\u007f\", \"id\": 1}",
            "{\"return\": 'x', \"id\": 1}",
            "{'return': {}, \"id\": 1}",
            "{\"return\": truex, \"id\": 1}",
            "{\"return\": true1, \"id\": 1}",
            "{\"return\": nul, \"id\": 1}",
            "{\"return\": [1,], \"id\": 1}",
            "{\"return\": {\"a\": 1,}, \"id\": 1}",
            "{\"return\": {\"a\" 1}, \"id\": 1}",
            "{\"return\": {1: 1}, \"id\": 1}",
            "{\"return\": [1 2], \"id\": 1}",
            "{\"return\": 12a, \"id\": 1}",
            "{\"return\": {}, \"id\": 1",
            "{\"return\": {}, \"id\": 1}}",
            "{\"return\": {}, \"id\": 1]",
            "{\"return\": " + "[".repeat(40) + "]".repeat(40) + ", \"id\": 1}",
            "{\"return\": " + "[".repeat(31) + "]".repeat(31) + ", \"id\": 1}",
            "{\"return\": \"" + "a".repeat(5000) + "\", \"id\": 1}",
            "{\"error\": {\"class\": \"GenericError\", \"desc\": \"x\"}, \"id\": 1}",
            "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"STOP\"}",
            "{\"return\"\n:\t{\"a\"\r:\n[\t]\n}\r,\n\"id\"\t:  7  }");

    @Test
    void theCommonRepliesAreTakenByTheFastPath() {
        SimpleReply simple = new SimpleReply();
        byte[] b = bytes(VERSION);
        assertEquals(b.length, simple.match(b, 0, b.length));
        assertEquals(5, simple.id());
        assertEquals("{\"qemu\":{\"micro\":13,\"minor\":0,\"major\":10},\"package\":\"\"}", simple.result().toString());
        for (String s : List.of("{\"return\": {}, \"id\": 1}", "  {\"return\": [true, null], \"id\": 2}")) {
            byte[] r = bytes(s);
            assertEquals(r.length, simple.match(r, 0, r.length), s);
        }
        for (String s : List.of("{\"return\": {}, \"id\": 1", "{\"return\": 1.5, \"id\": 1}",
                "{\"error\": {\"class\": \"GenericError\", \"desc\": \"x\"}, \"id\": 1}")) {
            byte[] r = bytes(s);
            assertEquals(-1, simple.match(r, 0, r.length), s);
        }
    }

    @Test
    void aReplyCutShortIsNotTaken() {
        SimpleReply simple = new SimpleReply();
        byte[] b = bytes(VERSION);
        for (int len = 0; len < b.length; len++) {
            assertEquals(-1, simple.match(b, 0, len), "prefix of " + len + " bytes");
        }
    }

    @Test
    void listedCasesGiveWhatTheLexerGives() {
        for (String s : CASES) {
            assertSameAsLexer(bytes(s));
        }
    }

    @Test
    void randomMixturesGiveWhatTheLexerGives() {
        String[] pieces = {"{", "}", "[", "]", "\"return\"", "\"id\"", "\"a\"", "\"b\"", ":", ",", " ", "\n", "\r",
            "\t", "12", "-3", "0", "01", "1.5", "e", "-", "'a'", "\\", "\"\\u0041\"", "\u00e9", "\u0001", "true",
            "false", "null", "nul", "\"id\": 5}", "{\"return\": ", "{\"return\": {}, \"id\": 7}", "\"", "x"};
        Random random = new Random(20261206);
        int taken = 0;
        for (int round = 0; round < 50_000; round++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "{\"return\": " : "");
            int n = 1 + random.nextInt(20);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextBoolean()) {
                sb.append(", \"id\": ").append(random.nextInt(1000)).append('}');
            }
            taken += assertSameAsLexer(bytes(sb.toString())) ? 1 : 0;
        }
        assertTrue(taken > 500, "the mixtures should exercise the fast path too: " + taken);
    }

    /**
     * Where the fast path takes a reply, the lexer fed byte by byte gives the same value as its first
     * message, ending at the same byte.
     *
     * @return whether the fast path took one
     */
    private static boolean assertSameAsLexer(byte[] input) {
        SimpleReply simple = new SimpleReply();
        int end = simple.match(input, 0, input.length);
        if (end < 0) {
            return false;
        }
        List<String> expected = new ArrayList<>();
        JsonStreamer reference = new JsonStreamer();
        for (int i = 0; i < end && expected.isEmpty(); i++) {
            int at = i + 1;
            reference.feed(input, i, 1, m -> expected.add(Stream.typed(m) + " @" + at));
        }
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.set("return", simple.result());
        reply.set("id", LongNode.valueOf(simple.id()));
        assertEquals(expected, List.of(Stream.typed(reply) + " @" + end),
                () -> "input: " + Stream.wire(new String(input, StandardCharsets.ISO_8859_1)));
        assertTrue(reference.betweenMessages());
        return true;
    }
}
