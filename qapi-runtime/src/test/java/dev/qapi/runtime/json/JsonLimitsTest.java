package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.Stream.bytes;
import static dev.qapi.runtime.json.Stream.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streamer's three limits at their exact boundaries, and what follows a limit error (QMP wire notes
 * §5 Limits). The token size tests allocate a few hundred MiB once each.
 */
class JsonLimitsTest {

    private static final String SIZE = "error JSON token size limit exceeded";
    private static final String COUNT = "error JSON token count limit exceeded";
    private static final String NESTING = "error JSON nesting depth limit exceeded";
    private static final String EXPECTING = "error JSON parse error, expecting value";

    // Token bytes before the id string: {"execute":"query-name","id": is 29 bytes of tokens, and
    // the whitespace around them does not count. With the id's quotes and the closing brace the
    // message has 29 + LARGEST_ID + 3 = 2^26 - 1 token bytes, the most the check allows.
    private static final String HEAD = "{\"execute\": \"query-name\",  \"id\" : \"";
    private static final int LARGEST_ID = 67_108_831;

    private static byte[] request(int idLength) {
        byte[] head = bytes(HEAD);
        byte[] input = new byte[head.length + idLength + 2];
        System.arraycopy(head, 0, input, 0, head.length);
        Arrays.fill(input, head.length, head.length + idLength, (byte) 'a');
        input[input.length - 2] = '"';
        input[input.length - 1] = '}';
        return input;
    }

    @Test
    void tokenSize_theLargestMessagePasses() {
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(request(LARGEST_ID), out::add);
        assertEquals(1, out.size());
        JsonNode value = assertInstanceOf(JsonMessage.Parsed.class, out.get(0)).value();
        assertEquals(LARGEST_ID, value.get("id").textValue().length());
    }

    @Test
    void tokenSize_oneMoreByteFailsAtTheClosingBraceWithNoFollowUp() {
        // The notes' example: 67,108,832 'a's.
        assertEquals(List.of(SIZE), messages(request(LARGEST_ID + 1)));
    }

    @Test
    void tokenSize_twoMoreBytesFailAtTheStringAndTheBraceIsThenAMessageOfItsOwn() {
        assertEquals(List.of(SIZE, EXPECTING), messages(request(LARGEST_ID + 2)));
    }

    @Test
    void tokenSize_aSingleTokenFailsAtItsByteBeyond64MiBAndTheRestIsLexedAfresh() {
        int size = (int) JsonStreamer.MAX_TOKEN_SIZE;
        byte[] input = new byte[1 + size + 5];
        input[0] = '"';
        Arrays.fill(input, 1, 1 + size, (byte) 'a');
        System.arraycopy(bytes("xyz\"\n"), 0, input, 1 + size, 5);
        // The 67,108,865th byte is the last 'a'; "xyz" is then a keyword, ended by a '"' that opens a
        // string, which the newline breaks.
        JsonStreamer streamer = new JsonStreamer();
        List<String> out = new ArrayList<>();
        List<Integer> stops = new ArrayList<>();
        int at = 0;
        while (at < input.length) {
            at += streamer.feed(input, at, input.length - at, m -> out.add(Stream.render(m)) && false);
            stops.add(at);
        }
        assertEquals(List.of(SIZE, "error JSON parse error, invalid keyword 'xyz'", "error JSON parse error, stray '\"\n'"),
                out);
        assertEquals(List.of(size + 1, size + 5, size + 6), stops);
    }

    @Test
    void tokenSize_aWholeTokenOfExactly64MiBIsTooLargeForAMessage() {
        int size = (int) JsonStreamer.MAX_TOKEN_SIZE;
        byte[] input = new byte[size + 1];
        input[0] = '"';
        Arrays.fill(input, 1, size - 1, (byte) 'a');
        input[size - 1] = '"';
        input[size] = ' ';
        assertEquals(List.of(SIZE), messages(input));
        assertEquals(1, messages(Arrays.copyOfRange(input, 1, input.length)).size()); // 64 MiB - 1 is fine
    }

    /** The one value parsed from {@code input}, written back compactly (Jackson's toString stops at depth 1000). */
    private static String compact(String input) {
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(bytes(input), out::add);
        assertEquals(1, out.size());
        return JsonWriter.compact().toJson(assertInstanceOf(JsonMessage.Parsed.class, out.get(0)).value());
    }

    @Test
    void tokenCount_2097152TokensPassAndOneMoreFails() {
        // [ + (2^20 - 2) * "1," + []] is 1 + 2^21 - 4 + 3 = 2^21 tokens.
        String ok = "[" + "1,".repeat((1 << 20) - 2) + "[]]";
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(bytes(ok), out::add);
        assertEquals(1, out.size());
        assertEquals((1 << 20) - 1, assertInstanceOf(JsonMessage.Parsed.class, out.get(0)).value().size());

        // One more token: the 2,097,153rd is the ',' after the last 1; what follows is a new message.
        String tooMany = "[" + "1,".repeat((1 << 20) - 1) + "1,2]";
        assertEquals(List.of(COUNT, "value 2", EXPECTING), messages(tooMany));
    }

    @Test
    void nesting_1024LevelsParse() {
        String ok = "[".repeat(1024) + "]".repeat(1024);
        assertEquals(ok, compact(ok));
        String mixed = "{\"a\": [".repeat(512) + "]}".repeat(512);
        assertEquals(mixed, compact(mixed));
    }

    @Test
    void nesting_the1025thOpenBracketFailsAndEverySurplusCloserIsAnError() {
        String input = "[".repeat(1025) + "1" + "]".repeat(1025);
        List<String> expected = new ArrayList<>();
        expected.add(NESTING);
        expected.add("value 1");
        expected.addAll(Collections.nCopies(1025, EXPECTING));
        assertEquals(expected, messages(input));

        String braces = "{\"a\":[".repeat(512) + "{";
        assertEquals(List.of(NESTING), messages(braces));
    }

    @Test
    void aLimitErrorDoesNotPutTheLexerIntoRecovery() {
        List<String> out = messages("[".repeat(1025) + "\"x\" 2 true ]}");
        assertEquals(List.of(NESTING, "value \"x\"", "value 2", "value true", EXPECTING, EXPECTING), out);
    }

}
