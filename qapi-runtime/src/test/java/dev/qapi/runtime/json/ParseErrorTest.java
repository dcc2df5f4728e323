package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.Stream.bytes;
import static dev.qapi.runtime.json.Stream.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser's errors (QMP wire notes §5): texts, which error wins, and when it is reported. */
class ParseErrorTest {

    private static String error(String detail) {
        return "error JSON parse error, " + detail;
    }

    @Test
    void expectingValue() {
        for (String input : List.of("{]", "{\"a\":}", "}", "]", ":", ",", "[,]", "[1,]", "{\"a\":1,}", "{,}")) {
            assertEquals(List.of(error("expecting value")), messages(input), input);
        }
        assertEquals(List.of(error("expecting value")), messages("{\"a\":[}]"));
        assertEquals(List.of(error("expecting value")), messages("[}"));
    }

    @Test
    void keyIsNotAStringInObject() {
        assertEquals(List.of(error("key is not a string in object")), messages("{1:2}"));
        assertEquals(List.of(error("key is not a string in object")), messages("{null:2}"));
        // QEMU parses the whole key before it looks at its type.
        assertEquals(List.of(error("key is not a string in object")), messages("{{\"a\":1}:2}"));
        assertEquals(List.of(error("missing : in object pair")), messages("{{\"a\" 1}:2}"));
        assertEquals(List.of(error("invalid keyword 'nul'")), messages("{nul:2}"));
    }

    @Test
    void missingColon() {
        assertEquals(List.of(error("missing : in object pair")), messages("{\"a\" 1}"));
        assertEquals(List.of(error("missing : in object pair")), messages("{\"a\",1}"));
    }

    @Test
    void duplicateKey() {
        assertEquals(List.of(error("duplicate key")), messages("{\"a\":1,\"a\":2}"));
        assertEquals(List.of(error("duplicate key")), messages("{\"a\":1,'a':2}"));
        assertEquals(List.of(error("duplicate key")), messages("{\"a\":1,\"\\u0061\":2}"));
        // The value is parsed first, so its own error comes first.
        assertEquals(List.of(error("invalid keyword 'nul'")), messages("{\"a\":1,\"a\":nul}"));
        assertEquals(List.of("value {\"a\":{\"a\":1}}"), messages("{\"a\":{\"a\":1}}"));
    }

    @Test
    void separators() {
        assertEquals(List.of(error("expected separator in dict")), messages("{\"a\":1 \"b\":2}"));
        assertEquals(List.of(error("expected separator in dict")), messages("{\"a\":1]"));
        assertEquals(List.of(error("expected separator in list")), messages("[1 2]"));
        assertEquals(List.of(error("expected separator in list")), messages("[1:2]"));
        assertEquals(List.of(error("expected separator in list")), messages("[1}"));
    }

    @Test
    void invalidKeyword() {
        assertEquals(List.of(error("invalid keyword 'nul'")), messages("nul "));
        assertEquals(List.of(error("invalid keyword 'truex'")), messages("[truex]"));
        assertEquals(List.of(error("invalid keyword 'nan'")), messages("nan\n"));
    }

    @Test
    void theMessageAfterThePrefixIsCutTo1023Bytes() {
        String fits = "k".repeat(1023 - "invalid keyword ''".length());
        assertEquals(List.of(error("invalid keyword '" + fits + "'")), messages(fits + " "));
        String cut = fits + "k";
        assertEquals(List.of(error("invalid keyword '" + fits + "k")), messages(cut + " "));
        assertEquals(List.of(error("invalid keyword '" + fits + "k")), messages(cut + "k".repeat(5000) + " "));
        assertEquals(1041, messages(cut + " ").get(0).length() - "error ".length());
    }

    @Test
    void theFirstErrorWins() {
        assertEquals(List.of(error("invalid keyword 'nul'")), messages("[nul, {1:2}, [3 4]]"));
        assertEquals(List.of(error("key is not a string in object")), messages("[{1:2}, nul]"));
    }

    @Test
    void anErrorIsReportedWhenTheMessageEnds() {
        byte[] input = bytes("[nul, [1, 2], {\"a\": 3}] 5 ");
        JsonStreamer streamer = new JsonStreamer();
        List<String> out = new ArrayList<>();
        int n = streamer.feed(input, m -> out.add(Stream.render(m)) && false);
        assertEquals(23, n); // right after the closing bracket
        assertEquals(List.of(error("invalid keyword 'nul'")), out);
        streamer.feed(input, n, input.length - n, m -> out.add(Stream.render(m)));
        assertEquals(List.of(error("invalid keyword 'nul'"), "value 5"), out);
    }

    @Test
    void anErrorDoesNotDisturbTheNextMessage() {
        assertEquals(List.of(error("key is not a string in object"), "value {\"a\":1}"), messages("{1:2}{\"a\":1}"));
    }

    @Test
    void prematureEndOfInputIsNotReachable() {
        // QEMU's parser only runs on messages whose brackets closed or went negative; every such
        // unfinished value has an error before its end. A few near misses:
        assertEquals(List.of(error("expecting value")), messages("{[}]"));
        assertEquals(List.of(error("expected separator in list")), messages("[{}}"));
        assertEquals(List.of(error("expecting value")), messages("[{\"a\":]}"));
    }
}
