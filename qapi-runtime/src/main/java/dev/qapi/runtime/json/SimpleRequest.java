package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;

/**
 * Recognises, straight from the input bytes, the request most QMP clients send most of the time:
 * {@code {"execute": "NAME"}} or {@code {"execute": "NAME", "id": ID}}, where NAME and a string ID are
 * double-quoted printable ASCII without escapes and an integer ID has at most 18 digits, with any of
 * QEMU's whitespace between the tokens. It builds the value the lexer and parser would build for the
 * same bytes; anything else, including a request cut short by the end of the input, is left to them.
 *
 * <p>Only to be tried where the lexer is between tokens and no message is in progress: then the
 * request's bytes mean the same to both. One per {@link JsonStreamer}; not thread-safe.
 */
final class SimpleRequest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] EXECUTE = "\"execute\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "\"id\"".getBytes(StandardCharsets.US_ASCII);
    /** Longer strings are left to the lexer, which knows the token size limit. */
    private static final int MAX_STRING = 4096;

    private JsonNode value;
    // The last string matched: from, to (exclusive, without quotes).
    private int stringFrom;
    private int stringTo;

    /**
     * Matches a whole request at {@code buf[i]}.
     *
     * @return the index after its closing brace, or -1 if the bytes up to {@code limit} are not such a
     *     request (nothing is consumed then)
     */
    int match(byte[] buf, int i, int limit) {
        value = null;
        if (i >= limit || buf[i] != '{') {
            return -1;
        }
        i = literal(buf, JsonLexer.skipWhitespace(buf, i + 1, limit), limit, EXECUTE);
        i = colon(buf, i, limit);
        i = string(buf, i, limit);
        if (i < 0) {
            return -1;
        }
        int commandFrom = stringFrom;
        int commandTo = stringTo;
        i = JsonLexer.skipWhitespace(buf, i, limit);
        if (i >= limit) {
            return -1;
        }
        JsonNode id = null;
        if (buf[i] == ',') {
            i = literal(buf, JsonLexer.skipWhitespace(buf, i + 1, limit), limit, ID);
            i = colon(buf, i, limit);
            if (i < 0 || i >= limit) {
                return -1;
            }
            if (buf[i] == '"') {
                i = string(buf, i, limit);
                if (i < 0) {
                    return -1;
                }
                id = TextNode.valueOf(new String(buf, stringFrom, stringTo - stringFrom, StandardCharsets.ISO_8859_1));
            } else {
                i = integer(buf, i, limit);
                if (i < 0) {
                    return -1;
                }
                id = value;
            }
            i = JsonLexer.skipWhitespace(buf, i, limit);
            if (i >= limit) {
                return -1;
            }
        }
        if (buf[i] != '}') {
            return -1;
        }
        ObjectNode request = NODES.objectNode();
        request.set("execute", TextNode.valueOf(StringToken.plain(buf, commandFrom, commandTo - commandFrom)));
        if (id != null) {
            request.set("id", id);
        }
        value = request;
        return i + 1;
    }

    /** The request matched by the last successful {@link #match}. */
    JsonNode value() {
        return value;
    }

    /** {@code text} at {@code buf[i]} (-1: fail on); the index after it, or -1. */
    static int literal(byte[] buf, int i, int limit, byte[] text) {
        if (i < 0 || limit - i < text.length) {
            return -1;
        }
        for (int k = 0; k < text.length; k++) {
            if (buf[i + k] != text[k]) {
                return -1;
            }
        }
        return i + text.length;
    }

    /** Whitespace, a colon, whitespace at {@code buf[i]} (-1: fail on); the index after them, or -1. */
    static int colon(byte[] buf, int i, int limit) {
        if (i < 0) {
            return -1;
        }
        i = JsonLexer.skipWhitespace(buf, i, limit);
        if (i >= limit || buf[i] != ':') {
            return -1;
        }
        return JsonLexer.skipWhitespace(buf, i + 1, limit);
    }

    /** A double-quoted string of printable ASCII without escapes; records where its content is. */
    private int string(byte[] buf, int i, int limit) {
        if (i < 0 || i >= limit || buf[i] != '"') {
            return -1;
        }
        int close = plainStringEnd(buf, i + 1, limit);
        if (close < 0) {
            return -1;
        }
        stringFrom = i + 1;
        stringTo = close;
        return close + 1;
    }

    /**
     * The closing quote of a double-quoted string of printable ASCII without escapes whose content
     * starts at {@code buf[from]}, or -1 if it is not such a string (or longer than the lexer's to check).
     */
    static int plainStringEnd(byte[] buf, int from, int limit) {
        int end = Math.min(limit, from + MAX_STRING);
        for (int k = from; k < end; k++) {
            byte b = buf[k];
            if (b == '"') {
                return k;
            }
            if (b < 0x20 || b > 0x7E || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * {@code -?(0|[1-9][0-9]*)} of at most {@link NumberToken#SMALL_DIGITS} digits, followed by a byte
     * that ends it as the lexer would end it here (whitespace or the closing brace); leaves its node in
     * {@link #value}.
     */
    private int integer(byte[] buf, int i, int limit) {
        int from = buf[i] == '-' ? i + 1 : i;
        int k = from;
        while (k < limit && buf[k] >= '0' && buf[k] <= '9' && k - from < NumberToken.SMALL_DIGITS) {
            k++;
        }
        int digits = k - from;
        if (digits == 0 || k >= limit || (buf[from] == '0' && digits > 1)) {
            return -1;
        }
        byte next = buf[k];
        if (next != '}' && !JsonLexer.isWhitespace(next)) {
            return -1;
        }
        value = NumberToken.smallInteger(buf, i, k);
        return k;
    }
}
