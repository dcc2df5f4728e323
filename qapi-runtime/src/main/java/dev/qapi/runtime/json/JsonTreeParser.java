package dev.qapi.runtime.json;

import static dev.qapi.runtime.json.JsonLexer.COLON;
import static dev.qapi.runtime.json.JsonLexer.COMMA;
import static dev.qapi.runtime.json.JsonLexer.FLOAT;
import static dev.qapi.runtime.json.JsonLexer.INTEGER;
import static dev.qapi.runtime.json.JsonLexer.KEYWORD;
import static dev.qapi.runtime.json.JsonLexer.LCURLY;
import static dev.qapi.runtime.json.JsonLexer.LSQUARE;
import static dev.qapi.runtime.json.JsonLexer.RCURLY;
import static dev.qapi.runtime.json.JsonLexer.RSQUARE;
import static dev.qapi.runtime.json.JsonLexer.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * QEMU's JSON grammar, fed one token at a time, so that a message's tokens need not be kept.
 *
 * <p>QEMU queues a message's tokens and parses them by recursive descent once the message is complete.
 * This parser consumes the same tokens in the same order as they arrive, so it stops at the same token
 * with the same first error; the error is only reported by {@link #finish()}, when QEMU would have
 * parsed. After an error the remaining tokens of the message are ignored and the partial value is
 * dropped.
 *
 * <p>Not thread-safe; one per {@link JsonStreamer}.
 */
final class JsonTreeParser {

    // What the innermost open container expects next.
    private static final byte ARRAY_FIRST = 0;   // after '[': a value or ']'
    private static final byte ARRAY_VALUE = 1;   // after ',': a value
    private static final byte ARRAY_SEP = 2;     // after a value: ',' or ']'
    private static final byte OBJECT_FIRST = 3;  // after '{': a key or '}'
    private static final byte OBJECT_KEY = 4;    // after ',': a key
    private static final byte OBJECT_COLON = 5;  // after a key: ':'
    private static final byte OBJECT_VALUE = 6;  // after ':': a value
    private static final byte OBJECT_SEP = 7;    // after a value: ',' or '}'

    private static final int INITIAL_DEPTH = 4;
    private static final int RETAINED_DEPTH = 64;

    /** QEMU formats the message after {@code JSON parse error, } into a 1024-byte buffer. */
    private static final int MAX_DETAIL = 1023;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonParseError PREMATURE_EOI = new JsonParseError("JSON parse error, premature EOI");

    private final StringToken strings = new StringToken();
    private ContainerNode<?>[] containers = new ContainerNode<?>[INITIAL_DEPTH];
    private byte[] expect = new byte[INITIAL_DEPTH];
    private String[] keys = new String[INITIAL_DEPTH];
    private int depth;
    private JsonNode result;
    private JsonParseError error;

    /** Takes the message's next token (not {@link JsonLexer#ERROR}). */
    void accept(int type, byte[] text, int length) {
        if (error != null) {
            return;
        }
        if (result != null) {
            // The streamer ends a message at the token that completes its value.
            throw new IllegalStateException("token after a complete JSON value");
        }
        if (depth == 0) {
            value(type, text, length);
            return;
        }
        switch (expect[depth - 1]) {
            case ARRAY_FIRST -> {
                if (type == RSQUARE) {
                    close();
                } else {
                    value(type, text, length);
                }
            }
            case OBJECT_FIRST -> {
                if (type == RCURLY) {
                    close();
                } else {
                    value(type, text, length);
                }
            }
            case ARRAY_SEP -> {
                if (type == RSQUARE) {
                    close();
                } else if (type == COMMA) {
                    expect[depth - 1] = ARRAY_VALUE;
                } else {
                    fail("expected separator in list");
                }
            }
            case OBJECT_COLON -> {
                if (type == COLON) {
                    expect[depth - 1] = OBJECT_VALUE;
                } else {
                    fail("missing : in object pair");
                }
            }
            case OBJECT_SEP -> {
                if (type == RCURLY) {
                    close();
                } else if (type == COMMA) {
                    expect[depth - 1] = OBJECT_KEY;
                } else {
                    fail("expected separator in dict");
                }
            }
            default -> value(type, text, length);
        }
    }

    /**
     * Ends the message: its value, or the first error in it. QEMU's "premature EOI" is unreachable from
     * the streamer (a message ends only once its value is complete or wrong) but kept for completeness.
     */
    JsonMessage finish() {
        JsonMessage message = error != null ? error
                : result != null ? new JsonMessage.Parsed(result)
                : PREMATURE_EOI;
        reset();
        return message;
    }

    /** Drops the message in progress. */
    void reset() {
        result = null;
        error = null;
        dropContainers();
    }

    private void value(int type, byte[] text, int length) {
        switch (type) {
            case LCURLY -> open(NODES.objectNode(), OBJECT_FIRST);
            case LSQUARE -> open(NODES.arrayNode(), ARRAY_FIRST);
            case STRING -> {
                String s = strings.decode(text, length);
                if (s == null) {
                    fail(strings.error());
                } else if (depth > 0 && (expect[depth - 1] == OBJECT_FIRST || expect[depth - 1] == OBJECT_KEY)) {
                    keys[depth - 1] = s;
                    expect[depth - 1] = OBJECT_COLON;
                } else {
                    complete(TextNode.valueOf(s));
                }
            }
            case INTEGER -> complete(NumberToken.integer(text, length));
            case FLOAT -> complete(NumberToken.floating(text, length));
            case KEYWORD -> keyword(text, length);
            default -> fail("expecting value");
        }
    }

    private void keyword(byte[] text, int length) {
        if (is(text, length, "true")) {
            complete(BooleanNode.TRUE);
        } else if (is(text, length, "false")) {
            complete(BooleanNode.FALSE);
        } else if (is(text, length, "null")) {
            complete(NullNode.getInstance());
        } else {
            // Cut here already, so that a huge keyword is not copied just to be cut by fail().
            byte[] head = "invalid keyword '".getBytes(StandardCharsets.US_ASCII);
            int shown = Math.min(length, MAX_DETAIL);
            byte[] detail = Arrays.copyOf(head, head.length + shown + 1);
            System.arraycopy(text, 0, detail, head.length, shown);
            detail[detail.length - 1] = '\'';
            fail(detail);
        }
    }

    private void open(ContainerNode<?> container, byte expecting) {
        if (depth == containers.length) {
            int n = depth * 2;
            containers = Arrays.copyOf(containers, n);
            expect = Arrays.copyOf(expect, n);
            keys = Arrays.copyOf(keys, n);
        }
        containers[depth] = container;
        expect[depth] = expecting;
        depth++;
    }

    private void close() {
        depth--;
        JsonNode container = containers[depth];
        containers[depth] = null;
        complete(container);
    }

    /** A value is complete: it is the result, an array element, an object key or an object member. */
    private void complete(JsonNode value) {
        if (depth == 0) {
            result = value;
            return;
        }
        int d = depth - 1;
        switch (expect[d]) {
            case ARRAY_FIRST, ARRAY_VALUE -> {
                ((ArrayNode) containers[d]).add(value);
                expect[d] = ARRAY_SEP;
            }
            // Only a non-string gets here as a key (strings are taken in value()); QEMU parses the
            // whole value before it looks at its type.
            case OBJECT_FIRST, OBJECT_KEY -> fail("key is not a string in object");
            default -> { // OBJECT_VALUE
                ObjectNode object = (ObjectNode) containers[d];
                if (object.putIfAbsent(keys[d], value) != null) {
                    fail("duplicate key");
                } else {
                    keys[d] = null;
                    expect[d] = OBJECT_SEP;
                }
            }
        }
    }

    private void fail(String detail) {
        fail(detail.getBytes(StandardCharsets.US_ASCII));
    }

    /** Records the first error; {@code detail} may hold raw input bytes (shown as QEMU's writer would). */
    private void fail(byte[] detail) {
        int n = Math.min(detail.length, MAX_DETAIL);
        error = new JsonParseError("JSON parse error, " + ModifiedUtf8.toDisplayString(detail, 0, n));
        dropContainers();
    }

    private void dropContainers() {
        if (containers.length > RETAINED_DEPTH) {
            containers = new ContainerNode<?>[INITIAL_DEPTH];
            expect = new byte[INITIAL_DEPTH];
            keys = new String[INITIAL_DEPTH];
        } else {
            Arrays.fill(containers, 0, depth, null);
            Arrays.fill(keys, 0, depth, null);
        }
        depth = 0;
    }

    private static boolean is(byte[] text, int length, String keyword) {
        if (length != keyword.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[i] != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
