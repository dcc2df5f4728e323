package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: feeds input to a fresh {@link JsonStreamer} and renders what comes out. */
final class Stream {

    private Stream() {
    }

    /** Bytes from a string whose chars are all below U+0100, one byte per char ({@code "\u00FF"} is 0xFF). */
    static byte[] bytes(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("not a byte string: " + latin1);
            }
        }
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The messages for {@code input} fed in one piece, rendered by {@link #render}. */
    static List<String> messages(String latin1) {
        return messages(bytes(latin1));
    }

    static List<String> messages(byte[] input) {
        List<String> out = new ArrayList<>();
        JsonStreamer streamer = new JsonStreamer();
        int n = streamer.feed(input, m -> out.add(render(m)));
        if (n != input.length) {
            throw new AssertionError("consumed " + n + " of " + input.length);
        }
        return out;
    }

    /**
     * {@code value <JSON in input order>} (Jackson's rendering) or {@code error <desc>}, the desc as the
     * Java string (use {@link #wire} to see QEMU's escaping).
     */
    static String render(JsonMessage m) {
        if (m instanceof JsonParseError e) {
            return "error " + e.desc();
        }
        return "value " + ((JsonMessage.Parsed) m).value();
    }

    /** The desc of a parse error as QEMU's writer puts it on the wire, quotes included. */
    static String wire(String desc) {
        return JsonWriter.compact().toJson(TextNode.valueOf(desc));
    }

    /** The message with every node's class, so that a LongNode cannot pass for an IntNode. */
    static String typed(JsonMessage m) {
        if (m instanceof JsonParseError e) {
            return "error " + e.desc();
        }
        return typed(((JsonMessage.Parsed) m).value());
    }

    /** The value with every node's class. */
    static String typed(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        typed(node, sb);
        return sb.toString();
    }

    private static void typed(JsonNode node, StringBuilder sb) {
        sb.append(node.getClass().getSimpleName()).append('(');
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                sb.append(wire(e.getKey())).append('=');
                typed(e.getValue(), sb);
                sb.append(';');
            }
        } else if (node.isArray()) {
            for (var e : node) {
                typed(e, sb);
                sb.append(';');
            }
        } else {
            sb.append(node);
        }
        sb.append(')');
    }
}
