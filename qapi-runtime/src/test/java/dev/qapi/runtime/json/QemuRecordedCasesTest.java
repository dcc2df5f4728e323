package dev.qapi.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays inputs whose answers were recorded from a real QEMU (7.2, whose JSON layer and writer match
 * 10.0) by {@code tools/json-reference/qemu_json_cases.py}, and compares the bytes we would send.
 *
 * <p>The requests in the recording only reach the first steps of QEMU's dispatcher before negotiation,
 * which a few lines below stand in for: not an object, no {@code execute}, {@code qmp_capabilities}, or
 * a command refused with the id echoed. Everything else on those lines is this package's output, from
 * a compact and from a pretty monitor.
 */
class QemuRecordedCasesTest {

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] END = "{\"execute\": \"end-marker\", \"id\": \"__end__\"}\n"
            .getBytes(StandardCharsets.US_ASCII);

    record Case(String name, byte[] input, List<String> responses) {
    }

    @TestFactory
    Stream<DynamicTest> compactMonitor() throws IOException {
        List<Case> cases = load("qemu-cases.txt");
        assertEquals(114, cases.size(), "cases in the recording");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertEquals(c.responses(), replay(c.input(), JsonWriter.compact()))));
    }

    @TestFactory
    Stream<DynamicTest> prettyMonitor() throws IOException {
        List<Case> cases = load("qemu-cases-pretty.txt");
        assertEquals(7, cases.size(), "cases in the recording");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertEquals(c.responses(), replay(c.input(), JsonWriter.pretty()))));
    }

    /** The lines we would send for {@code input}, followed by a newline (as the recorder sends it). */
    private static List<String> replay(byte[] input, JsonWriter writer) {
        JsonStreamer streamer = new JsonStreamer();
        JsonBuffer out = new JsonBuffer();
        JsonStreamer.Sink sink = m -> {
            writer.writeMessage(respond(m), out);
            return true;
        };
        streamer.feed(input, sink);
        streamer.feed(NEWLINE, sink);
        String text = out.toString();
        streamer.feed(END, sink);
        assertEquals(true, out.toString().substring(text.length()).contains("\"__end__\""), "end marker answered");
        if (text.isEmpty()) {
            return List.of();
        }
        assertEquals(true, text.endsWith("\r\n"), "every message ends in CRLF");
        return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
    }

    /** The few steps of qmp_dispatch() that the recorded requests reach before negotiation. */
    private static JsonNode respond(JsonMessage message) {
        if (message instanceof JsonParseError e) {
            return error("GenericError", e.desc(), null);
        }
        JsonNode request = ((JsonMessage.Parsed) message).value();
        if (!request.isObject()) {
            return error("GenericError", "QMP input must be a JSON object", null);
        }
        if (request.isEmpty()) {
            return error("GenericError", "QMP input lacks member 'execute'", null);
        }
        if (request.path("execute").asText().equals("qmp_capabilities")) {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.set("return", JsonNodeFactory.instance.objectNode());
            if (request.has("id")) {
                response.set("id", request.get("id"));
            }
            return response;
        }
        if (!request.path("execute").isTextual() || !Set.of("execute", "id").containsAll(QDictOrder.keys((ObjectNode) request))) {
            throw new AssertionError("request outside what this test stands in for: " + request);
        }
        return error("CommandNotFound", "Expecting capabilities negotiation with 'qmp_capabilities'", request.get("id"));
    }

    private static ObjectNode error(String errorClass, String desc, JsonNode id) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("class", errorClass);
        error.put("desc", desc);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("error", error);
        if (id != null) {
            response.set("id", id);
        }
        return response;
    }

    private static List<Case> load(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = QemuRecordedCasesTest.class.getResourceAsStream("/json/" + resource)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String name = null;
            byte[] input = null;
            List<String> responses = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("# Recorded")) {
                    continue;
                }
                if (line.startsWith("# ")) {
                    if (name != null) {
                        cases.add(new Case(name, input, responses));
                    }
                    name = line.substring(2);
                    responses = new ArrayList<>();
                } else if (line.startsWith("> ")) {
                    input = decode(line.substring(2));
                } else if (line.startsWith("< ")) {
                    responses.add(line.substring(2));
                } else if (line.startsWith("<*")) {
                    int space = line.indexOf(' ');
                    int count = Integer.parseInt(line.substring(2, space));
                    for (int i = 0; i < count; i++) {
                        responses.add(line.substring(space + 1));
                    }
                } else {
                    throw new IllegalStateException("bad line: " + line);
                }
            }
            cases.add(new Case(name, input, responses));
        }
        return cases;
    }

    /** Space-separated segments, each {@code HEX} or {@code HEX*COUNT}. */
    private static byte[] decode(String segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String segment : segments.split(" ")) {
            int star = segment.indexOf('*');
            byte[] unit = HexFormat.of().parseHex(star < 0 ? segment : segment.substring(0, star));
            int count = star < 0 ? 1 : Integer.parseInt(segment.substring(star + 1));
            for (int i = 0; i < count; i++) {
                out.writeBytes(unit);
            }
        }
        return out.toByteArray();
    }
}
