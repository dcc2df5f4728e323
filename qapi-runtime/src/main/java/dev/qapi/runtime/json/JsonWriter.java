package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link JsonNode} byte for byte as QEMU 10.0 writes the equivalent QObject
 * ({@code qobject_to_json} / {@code qobject_to_json_pretty}).
 *
 * <ul>
 *   <li>Compact: {@code {"a": 1, "b": [1, 2]}}, empty containers {@code {}} and {@code []}.
 *   <li>Pretty: every member or element on its own line, indented 4 spaces per level, no space after
 *       {@code ,}; the closing bracket always on its own line, even for an empty container
 *       ({@code {"return": {}}} is {@code {\n    "return": {\n    }\n}}).
 *   <li>Object members in {@link QDictOrder QDict order}, not insertion order.
 *   <li>Strings in double quotes, pure ASCII: {@code \" \\ \b \f \n \r \t}; any other character below
 *       U+0020 or from U+007F on as {@code \}{@code uXXXX} with uppercase hex; characters beyond the BMP
 *       as surrogate pairs; {@code /} unescaped. What QEMU would find invalid in its modified UTF-8
 *       (a lone surrogate, a noncharacter such as U+FFFE or U+1FFFF) becomes {@code \}{@code uFFFD}.
 *   <li>Numbers: {@code LongNode}, {@code IntNode}, {@code ShortNode} exactly; a {@code BigIntegerNode}
 *       exactly when it fits int64 or uint64 (QNum's range), else as the double QEMU would hold;
 *       {@code DoubleNode}, {@code FloatNode} and {@code DecimalNode} as C's {@code %.17g} of the
 *       double ({@code 1}, {@code 0.10000000000000001}, {@code inf}, {@code -nan}).
 * </ul>
 *
 * <p>{@link #writeMessage} writes what QEMU's monitor puts on the wire: the text followed by a newline,
 * with every newline (pretty ones too) sent as CRLF.
 *
 * <p>Values are written into a reusable {@link JsonBuffer} without allocating per character or per
 * number (doubles with a fraction aside). Binary, POJO and missing nodes have no QObject equivalent
 * and are rejected with {@link IllegalArgumentException}.
 *
 * <p>Not thread-safe (it keeps scratch space for ordering members): use one per thread or connection.
 */
public final class JsonWriter {

    private static final byte[] LF = {'\n'};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] RETURN_KEY = "\"return\": ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ID_KEY = "\"id\": ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The characters written as a backslash and one letter: the letter, by character (else 0). */
    private static final byte[] SHORT_ESCAPES = new byte[128];

    static {
        SHORT_ESCAPES['"'] = '"';
        SHORT_ESCAPES['\\'] = '\\';
        SHORT_ESCAPES['\b'] = 'b';
        SHORT_ESCAPES['\f'] = 'f';
        SHORT_ESCAPES['\n'] = 'n';
        SHORT_ESCAPES['\r'] = 'r';
        SHORT_ESCAPES['\t'] = 't';
    }

    /** Characters escaped per capacity check; each needs at most 6 bytes. */
    private static final int STRING_CHUNK = 4096;

    private final boolean pretty;
    // A stack of the members of the objects being written, each object's slice in QDict order.
    private Map.Entry<String, JsonNode>[] members = newMembers(16);
    private long[] order = new long[16];
    private int top;

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** A writer for QEMU's compact format, as used by QMP monitors by default. */
    public static JsonWriter compact() {
        return new JsonWriter(false);
    }

    /** A writer for QEMU's pretty format, as used by monitors with {@code pretty=on}. */
    public static JsonWriter pretty() {
        return new JsonWriter(true);
    }

    /** Whether this writer writes the pretty format. */
    public boolean isPretty() {
        return pretty;
    }

    /** Appends QEMU's JSON text of {@code value} (pretty newlines as LF, no terminator). */
    public void write(JsonNode value, JsonBuffer out) {
        Objects.requireNonNull(value, "value");
        value(value, out, 0, LF);
    }

    /**
     * Appends the bytes QEMU sends for {@code value} as one QMP message: the JSON text with every
     * newline as CRLF, then CRLF.
     */
    public void writeMessage(JsonNode value, JsonBuffer out) {
        Objects.requireNonNull(value, "value");
        value(value, out, 0, CRLF);
        out.put(CRLF);
    }

    /**
     * Appends what {@link #writeMessage} appends for QEMU's success response
     * {@code {"return": RESULT, "id": ID}} ({@code id} left out when null), without building that
     * object: {@code return} comes before {@code id} in QDict order.
     */
    public void writeReturn(JsonNode result, JsonNode id, JsonBuffer out) {
        Objects.requireNonNull(result, "result");
        out.put((byte) '{');
        separator(0, out, 1, CRLF);
        out.put(RETURN_KEY);
        value(result, out, 1, CRLF);
        if (id != null) {
            separator(1, out, 1, CRLF);
            out.put(ID_KEY);
            value(id, out, 1, CRLF);
        }
        if (pretty) {
            indent(out, 0, CRLF);
        }
        out.put((byte) '}');
        out.put(CRLF);
    }

    /** QEMU's JSON text of {@code value}, as {@link #write} appends it. */
    public String toJson(JsonNode value) {
        JsonBuffer out = new JsonBuffer();
        write(value, out);
        return out.toString();
    }

    /** The wire bytes of {@code value} as one message, as {@link #writeMessage} appends them. */
    public byte[] toMessageBytes(JsonNode value) {
        JsonBuffer out = new JsonBuffer();
        writeMessage(value, out);
        return out.toByteArray();
    }

    private void value(JsonNode v, JsonBuffer out, int depth, byte[] newline) {
        switch (v.getNodeType()) {
            case OBJECT -> object((ObjectNode) v, out, depth, newline);
            case ARRAY -> array((ArrayNode) v, out, depth, newline);
            case STRING -> string(v.textValue(), out);
            case NUMBER -> number(v, out);
            case BOOLEAN -> out.put(v.booleanValue() ? "true" : "false");
            case NULL -> out.put("null");
            default -> throw new IllegalArgumentException("no JSON form for a " + v.getNodeType() + " node");
        }
    }

    private void object(ObjectNode o, JsonBuffer out, int depth, byte[] newline) {
        out.put((byte) '{');
        int n = o.size();
        int from = top;
        if (n > 0) {
            if (members.length - top < n) {
                int capacity = Math.max(top + n, 2 * members.length);
                members = Arrays.copyOf(members, capacity);
                order = Arrays.copyOf(order, capacity);
            }
            int i = from;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                members[i++] = e;
            }
            top += n;
            QDictOrder.sortKeys(members, order, from, n);
        }
        try {
            for (int i = 0; i < n; i++) {
                Map.Entry<String, JsonNode> member = members[QDictOrder.index(order[from + i])];
                separator(i, out, depth + 1, newline);
                key(member.getKey(), out);
                value(member.getValue(), out, depth + 1, newline);
            }
        } finally {
            Arrays.fill(members, from, from + n, null);
            top = from;
        }
        if (pretty) {
            indent(out, depth, newline);
        }
        out.put((byte) '}');
    }

    private void array(ArrayNode a, JsonBuffer out, int depth, byte[] newline) {
        out.put((byte) '[');
        int n = a.size();
        for (int i = 0; i < n; i++) {
            separator(i, out, depth + 1, newline);
            value(a.get(i), out, depth + 1, newline);
        }
        if (pretty) {
            indent(out, depth, newline);
        }
        out.put((byte) ']');
    }

    /** What comes before the i-th member or element of a container whose contents are at {@code depth}. */
    private void separator(int i, JsonBuffer out, int depth, byte[] newline) {
        if (i > 0) {
            out.put((byte) ',');
        }
        if (pretty) {
            indent(out, depth, newline);
        } else if (i > 0) {
            out.put((byte) ' ');
        }
    }

    private static void indent(JsonBuffer out, int depth, byte[] newline) {
        int spaces = 4 * depth;
        out.ensure(newline.length + spaces);
        out.put(newline);
        int p = out.position();
        Arrays.fill(out.array(), p, p + spaces, (byte) ' ');
        out.position(p + spaces);
    }

    private static void number(JsonNode v, JsonBuffer out) {
        switch (v.numberType()) {
            case INT, LONG -> putLong(v.longValue(), out);
            case BIG_INTEGER -> {
                BigInteger b = v.bigIntegerValue();
                if (b.bitLength() <= 63 || b.signum() > 0 && b.bitLength() <= 64) {
                    out.put(b.toString());
                } else {
                    out.put(DoubleFormat.format(b.doubleValue()));
                }
            }
            default -> out.put(DoubleFormat.format(v.doubleValue()));
        }
    }

    private static void putLong(long value, JsonBuffer out) {
        if (value == Long.MIN_VALUE) {
            out.put(Long.toString(value));
            return;
        }
        out.ensure(20);
        byte[] a = out.array();
        int p = out.position();
        long v = value;
        if (v < 0) {
            a[p++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = p + digits;
        for (int k = end - 1; k >= p; k--) {
            a[k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        out.position(end);
    }

    /** {@code "KEY": }: short keys come from a memo of their bytes, as the same few recur in every answer. */
    private static void key(String key, JsonBuffer out) {
        if (key.length() > MEMO_KEY_LENGTH) {
            string(key, out);
            out.put(": ");
            return;
        }
        int slot = key.hashCode() & (KEYS.length - 1);
        EncodedKey e = KEYS[slot];
        if (e == null || (e.key != key && !e.key.equals(key))) {
            JsonBuffer b = new JsonBuffer(key.length() + 8);
            string(key, b);
            b.put(": ");
            e = new EncodedKey(key, b.toByteArray());
            KEYS[slot] = e;
        }
        out.put(e.bytes);
    }

    /** A key and its bytes as written, {@code "KEY": }. */
    private record EncodedKey(String key, byte[] bytes) {
    }

    private static final int MEMO_KEY_LENGTH = 40;
    // Shared by all threads without locking: a slot holds an immutable record (its array is never
    // written after construction), so a reader sees an old or a new entry; a miss only costs encoding.
    private static final EncodedKey[] KEYS = new EncodedKey[512];

    private static void string(String s, JsonBuffer out) {
        out.put((byte) '"');
        int n = s.length();
        int i = 0;
        while (i < n) {
            int chunkEnd = Math.min(n, i + STRING_CHUNK);
            // 6 bytes per char, and one more pair may straddle the chunk's end.
            out.ensure(6 * (chunkEnd - i) + 12);
            byte[] a = out.array();
            int p = out.position();
            for (; i < chunkEnd; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                    a[p++] = (byte) c;
                    continue;
                }
                int cp = c;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, s.charAt(++i));
                }
                p = escape(a, p, cp);
            }
            out.position(p);
        }
        out.put((byte) '"');
    }

    /**
     * Writes code point {@code cp} as QEMU's writer does inside a string, at most 12 bytes: printable
     * ASCII as itself, {@code "} and {@code \\} and the C escapes with a backslash, everything else as
     * {@code \}{@code uXXXX} (a surrogate pair beyond the BMP); what QEMU cannot hold (a surrogate, a
     * noncharacter) as {@code \}{@code uFFFD}.
     *
     * @return the position after what was written
     */
    static int escape(byte[] a, int p, int cp) {
        if (cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\') {
            a[p] = (byte) cp;
            return p + 1;
        }
        if (cp < SHORT_ESCAPES.length && SHORT_ESCAPES[cp] != 0) {
            a[p] = '\\';
            a[p + 1] = SHORT_ESCAPES[cp];
            return p + 2;
        }
        if (cp >= 0x10000) {
            if ((cp & 0xFFFE) == 0xFFFE) {
                return unicode(a, p, 0xFFFD);
            }
            return unicode(a, unicode(a, p, Character.highSurrogate(cp)), Character.lowSurrogate(cp));
        }
        if (cp >= 0xD800 && cp <= 0xDFFF || cp >= 0xFDD0 && cp <= 0xFDEF || cp >= 0xFFFE) {
            return unicode(a, p, 0xFFFD);
        }
        return unicode(a, p, cp);
    }

    private static int unicode(byte[] a, int p, int c) {
        a[p] = '\\';
        a[p + 1] = 'u';
        a[p + 2] = HEX[c >> 12 & 0xF];
        a[p + 3] = HEX[c >> 8 & 0xF];
        a[p + 4] = HEX[c >> 4 & 0xF];
        a[p + 5] = HEX[c & 0xF];
        return p + 6;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map.Entry<String, JsonNode>[] newMembers(int n) {
        return new Map.Entry[n];
    }
}
