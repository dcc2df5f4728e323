package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.Stream.bytes;
import static dev.qapi.runtime.json.Stream.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message boundaries, the dialect, and feeding in pieces (QMP wire notes §1 Input, §5). */
class JsonStreamerTest {

    @Test
    void severalMessagesOnOneLineAndOneMessageOverSeveralLines() {
        assertEquals(List.of("value {\"execute\":\"a\"}", "value {\"execute\":\"b\"}", "value [1,2]"),
                messages("{\"execute\":\"a\"}{\"execute\":\"b\"} [1,\n2\n]\n"));
    }

    @Test
    void singleQuotedStringsAndTheApostropheEscape() {
        assertEquals(List.of("value {\"execute\":\"it's \\\"x\\\"\",\"id\":\"'\"}"),
                messages("{'execute': 'it\\'s \"x\"', \"id\": \"\\'\"}"));
    }

    @Test
    void whitespaceIsSpaceTabCrLf() {
        assertEquals(List.of("value [true,false,null]"), messages(" \t\r\n[ true\t,\rfalse\n, null ]"));
    }

    @Test
    void numbersAndKeywordsWaitForTheNextByte() {
        assertEquals(List.of(), messages("null"));
        assertEquals(List.of(), messages("123"));
        assertEquals(List.of(), messages("-1.5e3"));
        assertEquals(List.of("value null"), messages("null "));
        assertEquals(List.of("value 123"), messages("123\n"));
        assertEquals(List.of("value -1500.0"), messages("-1.5e3\r"));
    }

    @Test
    void stringsAndContainersEndAtTheirLastByte() {
        assertEquals(List.of("value \"a\""), messages("\"a\""));
        assertEquals(List.of("value {}"), messages("{}"));
        assertEquals(List.of("value []"), messages("[]"));
    }

    @Test
    void aTopLevelScalarIsAMessageOfItsOwn() {
        assertEquals(List.of("value 1", "value \"x\"", "value true", "value {}"),
                messages("1 \"x\" true {}"));
    }

    @Test
    void theByteEndingANumberCanStartTheNextToken() {
        assertEquals(List.of("value 1", "value {}"), messages("1{}"));
        assertEquals(List.of("value 123", "error JSON parse error, invalid keyword 'abc'"), messages("123abc "));
        assertEquals(List.of("value true", "value 1"), messages("true1 "));
    }

    @Test
    void anObjectSplitAtEveryBytePositionParsesTheSame() {
        byte[] input = ("{\"execute\": \"qom-set\", 'arguments': {\"path\": \"/machine\", \"value\": [1.5, -2, "
                + "true, null, \"\\u00e9\\ud83d\\ude00\u00c3\u00a9\"]}, \"id\": 18446744073709551615}\n"
                + "{\"execute\":\"x\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        List<String> whole = messages(input);
        assertEquals(2, whole.size());
        for (int cut = 0; cut <= input.length; cut++) {
            List<String> out = new ArrayList<>();
            JsonStreamer streamer = new JsonStreamer();
            streamer.feed(input, 0, cut, m -> out.add(Stream.render(m)));
            streamer.feed(input, cut, input.length - cut, m -> out.add(Stream.render(m)));
            assertEquals(whole, out, "cut at " + cut);
        }
        List<String> out = new ArrayList<>();
        JsonStreamer streamer = new JsonStreamer();
        for (int i = 0; i < input.length; i++) {
            streamer.feed(input, i, 1, m -> out.add(Stream.render(m)));
        }
        assertEquals(whole, out, "byte by byte");
    }

    @Test
    void stopsRightAfterTheByteThatCompletedAMessage() {
        byte[] input = bytes("{\"execute\":\"a\"}{\"execute\":\"b\"}  7 [\n]");
        JsonStreamer streamer = new JsonStreamer();
        List<String> out = new ArrayList<>();
        JsonStreamer.Sink stopAfterEach = m -> out.add(Stream.render(m)) && false;
        int at = 0;
        List<Integer> stops = new ArrayList<>();
        while (at < input.length) {
            at += streamer.feed(input, at, input.length - at, stopAfterEach);
            stops.add(at);
        }
        // 7 ends at the space after it; the last stop is the end of input, with no message.
        assertEquals(List.of(15, 30, 34, 37), stops);
        assertEquals(List.of("value {\"execute\":\"a\"}", "value {\"execute\":\"b\"}", "value 7", "value []"), out);
    }

    @Test
    void aByteThatEndsTwoMessagesDeliversBothBeforeStopping() {
        byte[] input = bytes("nul\u001b{}");
        JsonStreamer streamer = new JsonStreamer();
        List<String> out = new ArrayList<>();
        int n = streamer.feed(input, m -> out.add(Stream.render(m)) && false);
        assertEquals(4, n);
        assertEquals(List.of("error JSON parse error, invalid keyword 'nul'", "error JSON parse error, stray '\u001b'"),
                out);
    }

    @Test
    void byteBufferFeedingAdvancesByWhatWasConsumed() {
        for (ByteBuffer buf : new ByteBuffer[] {ByteBuffer.allocate(64), ByteBuffer.allocateDirect(64)}) {
            buf.put(bytes("xx{\"a\": 1}{\"b\": 2}")).flip();
            buf.position(2);
            JsonStreamer streamer = new JsonStreamer();
            List<String> out = new ArrayList<>();
            assertEquals(8, streamer.feed(buf, m -> out.add(Stream.render(m)) && false));
            assertEquals(10, buf.position());
            assertEquals(8, streamer.feed(buf, m -> out.add(Stream.render(m))));
            assertEquals(List.of("value {\"a\":1}", "value {\"b\":2}"), out);
            assertEquals(0, buf.remaining());
        }
    }

    @Test
    void resetDropsPartialInput() {
        JsonStreamer streamer = new JsonStreamer();
        List<String> out = new ArrayList<>();
        streamer.feed(bytes("{\"execute\": \"a"), m -> out.add(Stream.render(m)));
        streamer.reset();
        streamer.feed(bytes("{\"execute\": \"b\"}"), m -> out.add(Stream.render(m)));
        assertEquals(List.of("value {\"execute\":\"b\"}"), out);
    }

    @Test
    void objectsKeepTheirInputOrder() {
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(bytes("{\"b\":1,\"a\":2,\"execute\":3}"), out::add);
        ObjectNode o = (ObjectNode) assertInstanceOf(JsonMessage.Parsed.class, out.get(0)).value();
        assertEquals(List.of("b", "a", "execute"), List.copyOf(iterable(o)));
    }

    private static List<String> iterable(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
