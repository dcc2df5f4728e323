package dev.qapi.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QEMU's output format (QMP wire notes §1 Output, §3 id echo). */
class JsonWriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonWriter COMPACT = JsonWriter.compact();
    private static final JsonWriter PRETTY = JsonWriter.pretty();

    /** The value of one message of input. */
    private static JsonNode parse(String input) {
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(input.getBytes(StandardCharsets.UTF_8), out::add);
        assertEquals(1, out.size(), input);
        return ((JsonMessage.Parsed) out.get(0)).value();
    }

    /** How QEMU echoes the id of {@code request}. */
    private static String echo(String id) {
        return COMPACT.toJson(parse("{\"execute\": \"query-name\", \"id\": " + id + "}").get("id"));
    }

    @Test
    void writeReturnIsWriteMessageOfTheResponseObject() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode version = f.objectNode();
        version.putObject("qemu").put("major", 10).put("minor", 0).put("micro", 13);
        version.put("package", "");
        JsonNode[] results = {f.objectNode(), f.arrayNode(), version, f.arrayNode().add(version).add(f.objectNode()),
            f.textNode("x"), f.numberNode(1.5)};
        JsonNode[] ids = {null, f.numberNode(7), f.textNode("cookie#1"), f.objectNode().put("b", 1).put("a", 2),
            f.arrayNode().add(f.nullNode()), f.nullNode()};
        for (JsonWriter w : new JsonWriter[] {JsonWriter.compact(), JsonWriter.pretty()}) {
            for (JsonNode result : results) {
                for (JsonNode id : ids) {
                    ObjectNode response = f.objectNode();
                    response.set("return", result);
                    if (id != null) {
                        response.set("id", id);
                    }
                    JsonBuffer direct = new JsonBuffer();
                    w.writeReturn(result, id, direct);
                    assertEquals(new String(w.toMessageBytes(response), StandardCharsets.UTF_8), direct.toString());
                }
            }
        }
    }

    @Test
    void idEchoOfNumbers() {
        assertEquals("1", echo("1.0"));
        assertEquals("0.10000000000000001", echo("0.1"));
        assertEquals("-9.2233720368547758e+18", echo("-9223372036854775809"));
        assertEquals("inf", echo("1e400"));
        assertEquals("-inf", echo("-1e400"));
        assertEquals("18446744073709551615", echo("18446744073709551615"));
        assertEquals("1.8446744073709552e+19", echo("18446744073709551616"));
        assertEquals("-9223372036854775808", echo("-9223372036854775808"));
        assertEquals("0", echo("-0"));
        assertEquals("-0", echo("-0.0"));
        assertEquals("100", echo("1e2"));
    }

    @Test
    void idEchoOfStrings() {
        assertEquals("\"\\u00E9\"", echo("\"\\u00e9\""));
        assertEquals("\"\\u00E9\"", echo("\"\u00e9\""));
        assertEquals("\"single\"", echo("'single'"));
        assertEquals("\"it's \\\"q\\\"\"", echo("'it\\'s \"q\"'"));
        assertEquals("\"a/b\"", echo("\"a\\/b\""));
        assertEquals("\"\\uD83D\\uDE00\"", echo("\"\\ud83d\\ude00\""));
        assertEquals("\"\\u0000\"", echo("\"\\u0000\""));
    }

    @Test
    void idEchoOfObjectsUsesQDictOrder() {
        assertEquals("{\"a\": 2, \"execute\": 3, \"b\": 1}", echo("{\"b\":1,\"a\":2,\"execute\":3}"));
        assertEquals("[{\"a\": null, \"b\": [true, false]}, []]", echo("[{\"b\":[true,false],\"a\":null},[]]"));
    }

    @Test
    void responseShapes() {
        ObjectNode ok = NODES.objectNode();
        ok.set("id", TextNode.valueOf("cookie#1"));
        ok.set("return", NODES.objectNode());
        assertEquals("{\"return\": {}, \"id\": \"cookie#1\"}", COMPACT.toJson(ok));

        ObjectNode error = NODES.objectNode();
        error.put("class", "GenericError");
        error.put("desc", "Parameter 'command-line' is missing");
        ObjectNode failed = NODES.objectNode();
        failed.set("error", error);
        failed.put("id", 2);
        assertEquals("{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'command-line' is missing\"}}",
                COMPACT.toJson(failed));

        ObjectNode timestamp = NODES.objectNode();
        timestamp.put("microseconds", 802384);
        timestamp.put("seconds", 1258551470L);
        ObjectNode event = NODES.objectNode();
        event.put("event", "POWERDOWN");
        event.set("data", NODES.objectNode().put("reason", "host-signal"));
        event.set("timestamp", timestamp);
        assertEquals("{\"timestamp\": {\"seconds\": 1258551470, \"microseconds\": 802384}, \"event\": \"POWERDOWN\", "
                + "\"data\": {\"reason\": \"host-signal\"}}", COMPACT.toJson(event));
    }

    @Test
    void greeting() {
        ObjectNode qemu = NODES.objectNode().put("major", 10).put("minor", 0).put("micro", 13);
        ObjectNode version = NODES.objectNode();
        version.set("qemu", qemu);
        version.put("package", "");
        ObjectNode qmp = NODES.objectNode();
        qmp.set("version", version);
        qmp.set("capabilities", NODES.arrayNode().add("oob"));
        ObjectNode greeting = NODES.objectNode();
        greeting.set("QMP", qmp);
        assertEquals("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 13, \"minor\": 0, \"major\": 10}, \"package\": \"\"}, "
                + "\"capabilities\": [\"oob\"]}}", COMPACT.toJson(greeting));
    }

    @Test
    void wireMessagesEndInCrLf() {
        ObjectNode ok = NODES.objectNode();
        ok.set("return", NODES.objectNode());
        assertArrayEquals("{\"return\": {}}\r\n".getBytes(StandardCharsets.US_ASCII), COMPACT.toMessageBytes(ok));
    }

    @Test
    void prettyEmptyReturn() {
        ObjectNode ok = NODES.objectNode();
        ok.set("return", NODES.objectNode());
        assertEquals("{\n    \"return\": {\n    }\n}", PRETTY.toJson(ok));
        assertArrayEquals("{\r\n    \"return\": {\r\n    }\r\n}\r\n".getBytes(StandardCharsets.US_ASCII),
                PRETTY.toMessageBytes(ok));
    }

    @Test
    void prettyNesting() {
        JsonNode v = parse("{\"return\": [1, [], {\"b\": null, \"a\": \"x\\ny\"}, [[2]]], \"id\": 5}");
        assertEquals("{\n"
                + "    \"return\": [\n"
                + "        1,\n"
                + "        [\n"
                + "        ],\n"
                + "        {\n"
                + "            \"a\": \"x\\ny\",\n"
                + "            \"b\": null\n"
                + "        },\n"
                + "        [\n"
                + "            [\n"
                + "                2\n"
                + "            ]\n"
                + "        ]\n"
                + "    ],\n"
                + "    \"id\": 5\n"
                + "}", PRETTY.toJson(v));
        assertEquals(PRETTY.toJson(v).replace("\n", "\r\n") + "\r\n",
                new String(PRETTY.toMessageBytes(v), StandardCharsets.US_ASCII));
    }

    @Test
    void prettyScalarsAndEmptyTopLevelContainers() {
        assertEquals("1", PRETTY.toJson(IntNode.valueOf(1)));
        assertEquals("\"s\"", PRETTY.toJson(TextNode.valueOf("s")));
        assertEquals("[\n]", PRETTY.toJson(NODES.arrayNode()));
        assertEquals("{\n}", PRETTY.toJson(NODES.objectNode()));
        assertEquals("[]", COMPACT.toJson(NODES.arrayNode()));
        assertEquals("{}", COMPACT.toJson(NODES.objectNode()));
    }

    @Test
    void stringEscapes() {
        assertEquals("\"\\\" \\\\ / \\b \\f \\n \\r \\t\"", COMPACT.toJson(TextNode.valueOf("\" \\ / \b \f \n \r \t")));
        assertEquals("\"\\u0000\\u0001\\u001F \\u007F\\u0080\\u00FF\\u20AC\\uFFFD\"",
                COMPACT.toJson(TextNode.valueOf("\u0000\u0001\u001f \u007f\u0080\u00ff\u20ac\ufffd")));
        assertEquals("\"\\uD83D\\uDE00\\uDBFF\\uDFFD\"", COMPACT.toJson(TextNode.valueOf("\ud83d\ude00\udbff\udffd")));
    }

    @Test
    void charactersQemuCannotHoldBecomeReplacementCharacters() {
        // A lone surrogate, noncharacters in and beyond the BMP: invalid modified UTF-8 for QEMU.
        assertEquals("\"a\\uFFFDb\\uFFFDc\"", COMPACT.toJson(TextNode.valueOf("a\ud800b\udc00c")));
        assertEquals("\"\\uFFFD\\uFFFD\\uFFFD\\uFFFD\"", COMPACT.toJson(TextNode.valueOf("\ufdd0\ufdef\ufffe\uffff")));
        assertEquals("\"\\uFFFD\\uFFFD\"", COMPACT.toJson(TextNode.valueOf("\ud83f\udffe\udbff\udfff")));
        assertEquals("\"\\uFDCF\\uFDF0\"", COMPACT.toJson(TextNode.valueOf("\ufdcf\ufdf0")));
        assertEquals("\"\\uFFFD\"", COMPACT.toJson(TextNode.valueOf("\ud800")));
    }

    @Test
    void longStringsCrossTheEscapingChunks() {
        String s = "\u00e9".repeat(5000) + "\ud83d\ude00" + "x".repeat(4095) + "\ud83d\ude00";
        String expected = "\"" + "\\u00E9".repeat(5000) + "\\uD83D\\uDE00" + "x".repeat(4095) + "\\uD83D\\uDE00\"";
        assertEquals(expected, COMPACT.toJson(TextNode.valueOf(s)));
        String pairOnBoundary = "x".repeat(4095) + "\ud83d\ude00";
        assertEquals("\"" + "x".repeat(4095) + "\\uD83D\\uDE00\"", COMPACT.toJson(TextNode.valueOf(pairOnBoundary)));
    }

    @Test
    void parseErrorDescsOnTheWire() {
        List<JsonMessage> out = new ArrayList<>();
        new JsonStreamer().feed(Stream.bytes("{'bad \u00ff\"\\ud800\""), out::add);
        ObjectNode error = NODES.objectNode();
        error.put("class", "GenericError");
        error.put("desc", ((JsonParseError) out.get(0)).desc());
        ObjectNode response = NODES.objectNode();
        response.set("error", error);
        assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray ''bad \\uFFFD'\"}}\r\n",
                new String(COMPACT.toMessageBytes(response), StandardCharsets.US_ASCII));
    }

    @Test
    void numberNodes() {
        assertEquals("[1, -2, 3, -9223372036854775808, 9223372036854775807]", COMPACT.toJson(NODES.arrayNode()
                .add(IntNode.valueOf(1)).add(ShortNode.valueOf((short) -2)).add(LongNode.valueOf(3))
                .add(LongNode.valueOf(Long.MIN_VALUE)).add(LongNode.valueOf(Long.MAX_VALUE))));
        ArrayNode big = NODES.arrayNode()
                .add(BigIntegerNode.valueOf(new BigInteger("18446744073709551615")))
                .add(BigIntegerNode.valueOf(BigInteger.valueOf(-5)))
                .add(BigIntegerNode.valueOf(new BigInteger("18446744073709551616")))
                .add(BigIntegerNode.valueOf(new BigInteger("-9223372036854775809")));
        assertEquals("[18446744073709551615, -5, 1.8446744073709552e+19, -9.2233720368547758e+18]", COMPACT.toJson(big));
        assertEquals("[0.10000000149011612, 0.10000000000000001, 2.5, -nan]", COMPACT.toJson(NODES.arrayNode()
                .add(FloatNode.valueOf(0.1f)).add(DecimalNode.valueOf(new BigDecimal("0.1")))
                .add(DoubleNode.valueOf(2.5)).add(DoubleNode.valueOf(Double.longBitsToDouble(0xfff8000000000000L)))));
    }

    @Test
    void doublesMatchGlibc() {
        for (String[] line : Reference.lines("printf-17g.txt")) {
            assertEquals(line[1], COMPACT.toJson(DoubleNode.valueOf(Reference.fromHex(line[0]))), line[0]);
        }
    }

    @Test
    void keysAreEscapedLikeValues() {
        ObjectNode o = NODES.objectNode().put("\u00e9\n", 1);
        assertEquals("{\"\\u00E9\\n\": 1}", COMPACT.toJson(o));
    }

    @Test
    void nodesWithoutAQObjectEquivalentAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> COMPACT.toJson(MissingNode.getInstance()));
        assertThrows(IllegalArgumentException.class, () -> COMPACT.toJson(NODES.binaryNode(new byte[] {1})));
        assertThrows(IllegalArgumentException.class, () -> COMPACT.toJson(NODES.pojoNode(new Object())));
    }

    @Test
    void aWriterAndABufferCanBeReused() {
        JsonBuffer buf = new JsonBuffer(16);
        JsonWriter writer = JsonWriter.compact();
        JsonNode v = parse("{\"b\": [1, {\"d\": 1, \"c\": 2}], \"a\": {\"y\": 1, \"x\": 2}}");
        writer.write(v, buf);
        String once = buf.toString();
        buf.clear();
        assertThrows(IllegalArgumentException.class, () -> writer.write(NODES.objectNode().set("a", MissingNode.getInstance()), buf));
        buf.clear();
        writer.write(v, buf);
        writer.writeMessage(v, buf);
        assertEquals(once + once + "\r\n", buf.toString());
        assertEquals(buf.length(), buf.toByteArray().length);
        assertEquals(buf.length(), buf.asByteBuffer().remaining());
    }

    @Test
    void deepNestingWrites() {
        String deep = "[".repeat(1024) + "]".repeat(1024);
        assertEquals(deep, COMPACT.toJson(parse(deep)));
    }
}
