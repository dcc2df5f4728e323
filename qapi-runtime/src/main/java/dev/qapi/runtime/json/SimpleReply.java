package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;

/**
 * Recognises, straight from the input bytes, the message a QMP client receives most of the time: a
 * successful reply {@code {"return": VALUE, "id": ID}}, where ID is a non-negative integer of at most 18
 * digits and VALUE is made of objects, arrays, double-quoted printable ASCII strings without escapes,
 * integers of at most 18 digits, {@code true}, {@code false} and {@code null}, nested at most
 * {@link #MAX_DEPTH} deep, with any of QEMU's whitespace between the tokens. It builds the value the
 * lexer and parser would build for the same bytes (same node types, same member order); anything else
 * (an error reply, an event, an escape, a fraction, a duplicate key, a reply cut short by the end of the
 * input) is left to them: nothing is consumed then.
 *
 * <p>The client's counterpart of {@link SimpleRequest}, and the reason is the same: a reply read token
 * by token through the lexer's state machine costs several times what this costs. Only to be tried
 * where the stream is {@linkplain JsonStreamer#betweenMessages() between messages}: then the reply's
 * bytes mean the same to both. Not thread-safe; one per connection.
 */
public final class SimpleReply {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] RETURN = "\"return\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "\"id\"".getBytes(StandardCharsets.US_ASCII);
    /** Deeper values are left to the parser, which knows the nesting limit. */
    static final int MAX_DEPTH = 32;
    private static final int FAIL = -1;

    private JsonNode result;
    private long id;
    /** The node of the last scalar or container matched by {@link #value}. */
    private JsonNode node;
    // The last string matched: from, to (exclusive, without quotes).
    private int stringFrom;
    private int stringTo;

    /**
     * Matches a whole successful reply at {@code buf[i]}, after whitespace.
     *
     * @return the index after its closing brace, or -1 if the bytes up to {@code limit} are not such a
     *     reply (nothing is consumed then)
     */
    public int match(byte[] buf, int i, int limit) {
        result = null;
        node = null;
        i = JsonLexer.skipWhitespace(buf, i, limit);
        if (i >= limit || buf[i] != '{') {
            return FAIL;
        }
        i = SimpleRequest.literal(buf, JsonLexer.skipWhitespace(buf, i + 1, limit), limit, RETURN);
        i = SimpleRequest.colon(buf, i, limit);
        if (i < 0) {
            return FAIL;
        }
        i = value(buf, i, limit, 0);
        if (i < 0) {
            return FAIL;
        }
        JsonNode value = node;
        i = JsonLexer.skipWhitespace(buf, i, limit);
        if (i >= limit || buf[i] != ',') {
            return FAIL;
        }
        i = SimpleRequest.literal(buf, JsonLexer.skipWhitespace(buf, i + 1, limit), limit, ID);
        i = SimpleRequest.colon(buf, i, limit);
        if (i < 0 || i >= limit || buf[i] == '-') {
            return FAIL;
        }
        i = integer(buf, i, limit);
        if (i < 0) {
            return FAIL;
        }
        long n = node.longValue();
        i = JsonLexer.skipWhitespace(buf, i, limit);
        if (i >= limit || buf[i] != '}') {
            return FAIL;
        }
        result = value;
        id = n;
        return i + 1;
    }

    /** The {@code return} value of the reply matched by the last successful {@link #match}. */
    public JsonNode result() {
        return result;
    }

    /** The id of the reply matched by the last successful {@link #match}. */
    public long id() {
        return id;
    }

    /** A value at {@code buf[i]} (no whitespace before it); leaves its node in {@link #node}. */
    private int value(byte[] buf, int i, int limit, int depth) {
        if (i >= limit) {
            return FAIL;
        }
        switch (buf[i]) {
            case '{' -> {
                return object(buf, i, limit, depth + 1);
            }
            case '[' -> {
                return array(buf, i, limit, depth + 1);
            }
            case '"' -> {
                i = string(buf, i, limit);
                if (i >= 0) {
                    node = TextNode.valueOf(StringToken.plain(buf, stringFrom, stringTo - stringFrom));
                }
                return i;
            }
            case 't' -> {
                return keyword(buf, i, limit, "true", BooleanNode.TRUE);
            }
            case 'f' -> {
                return keyword(buf, i, limit, "false", BooleanNode.FALSE);
            }
            case 'n' -> {
                return keyword(buf, i, limit, "null", NullNode.getInstance());
            }
            default -> {
                return integer(buf, i, limit);
            }
        }
    }

    private int object(byte[] buf, int i, int limit, int depth) {
        if (depth > MAX_DEPTH) {
            return FAIL;
        }
        ObjectNode object = NODES.objectNode();
        i = JsonLexer.skipWhitespace(buf, i + 1, limit);
        if (i < limit && buf[i] == '}') {
            node = object;
            return i + 1;
        }
        while (true) {
            i = string(buf, i, limit);
            if (i < 0) {
                return FAIL;
            }
            String key = StringToken.plain(buf, stringFrom, stringTo - stringFrom);
            i = SimpleRequest.colon(buf, i, limit);
            if (i < 0) {
                return FAIL;
            }
            i = value(buf, i, limit, depth);
            // A duplicate key is the parser's error to report.
            if (i < 0 || object.putIfAbsent(key, node) != null) {
                return FAIL;
            }
            i = JsonLexer.skipWhitespace(buf, i, limit);
            if (i >= limit) {
                return FAIL;
            }
            if (buf[i] == '}') {
                node = object;
                return i + 1;
            }
            if (buf[i] != ',') {
                return FAIL;
            }
            i = JsonLexer.skipWhitespace(buf, i + 1, limit);
        }
    }

    private int array(byte[] buf, int i, int limit, int depth) {
        if (depth > MAX_DEPTH) {
            return FAIL;
        }
        ArrayNode array = NODES.arrayNode();
        i = JsonLexer.skipWhitespace(buf, i + 1, limit);
        if (i < limit && buf[i] == ']') {
            node = array;
            return i + 1;
        }
        while (true) {
            i = value(buf, i, limit, depth);
            if (i < 0) {
                return FAIL;
            }
            array.add(node);
            i = JsonLexer.skipWhitespace(buf, i, limit);
            if (i >= limit) {
                return FAIL;
            }
            if (buf[i] == ']') {
                node = array;
                return i + 1;
            }
            if (buf[i] != ',') {
                return FAIL;
            }
            i = JsonLexer.skipWhitespace(buf, i + 1, limit);
        }
    }

    /** {@code word} followed by a byte that ends it as the lexer would end it here. */
    private int keyword(byte[] buf, int i, int limit, String word, JsonNode value) {
        int end = i + word.length();
        if (end >= limit) {
            return FAIL;
        }
        for (int k = 0; k < word.length(); k++) {
            if (buf[i + k] != word.charAt(k)) {
                return FAIL;
            }
        }
        if (!endsScalar(buf[end])) {
            return FAIL;
        }
        node = value;
        return end;
    }

    /** A double-quoted string of printable ASCII without escapes; records where its content is. */
    private int string(byte[] buf, int i, int limit) {
        if (i >= limit || buf[i] != '"') {
            return FAIL;
        }
        int close = SimpleRequest.plainStringEnd(buf, i + 1, limit);
        if (close < 0) {
            return FAIL;
        }
        stringFrom = i + 1;
        stringTo = close;
        return close + 1;
    }

    /**
     * {@code -?(0|[1-9][0-9]*)} of at most {@link NumberToken#SMALL_DIGITS} digits, followed by a byte
     * that ends it as the lexer would end it here; leaves its node in {@link #node}.
     */
    private int integer(byte[] buf, int i, int limit) {
        int from = i < limit && buf[i] == '-' ? i + 1 : i;
        int k = from;
        while (k < limit && buf[k] >= '0' && buf[k] <= '9' && k - from <= NumberToken.SMALL_DIGITS) {
            k++;
        }
        int digits = k - from;
        if (digits == 0 || digits > NumberToken.SMALL_DIGITS || k >= limit
                || (buf[from] == '0' && digits > 1) || !endsScalar(buf[k])) {
            return FAIL;
        }
        node = NumberToken.smallInteger(buf, i, k);
        return k;
    }

    /** Whether {@code b}, after a number or keyword, ends it and is not part of a longer token. */
    private static boolean endsScalar(byte b) {
        return b == ',' || b == '}' || b == ']' || JsonLexer.isWhitespace(b);
    }
}
