package dev.qapi.runtime.json;

import java.nio.charset.StandardCharsets;

/**
 * Decodes a string token (quotes included) as QEMU's JSON parser does: the escapes of RFC 8259 plus
 * {@code \'}, {@code \\u} escapes combined into surrogate pairs, and modified UTF-8 validated byte by
 * byte. The first problem ends decoding; {@link #error()} then holds the detail of QEMU's message.
 *
 * <p>One instance per parser; not thread-safe.
 */
final class StringToken {

    private byte[] error;

    /**
     * The string's value, or {@code null} if it is invalid; then {@link #error()} says why.
     *
     * @param token the token bytes, starting and ending with the same quote character
     * @param length the token length
     */
    String decode(byte[] token, int length) {
        error = null;
        int end = length - 1; // the closing quote
        int i = 1;
        while (i < end && token[i] >= 0 && token[i] != '\\') {
            i++;
        }
        if (i == end) {
            return plain(token, 1, end - 1);
        }
        // At most one char per input byte: escapes and multi-byte sequences are never shorter in UTF-16.
        char[] out = new char[end - 1];
        int n = i - 1;
        for (int k = 1; k < i; k++) {
            out[k - 1] = (char) token[k];
        }
        while (i < end) {
            int b = token[i] & 0xFF;
            if (b == '\\') {
                int begin = i;
                int c = token[i + 1];
                i += 2;
                int cp;
                switch (c) {
                    case '"', '\'', '\\', '/' -> cp = c;
                    case 'b' -> cp = '\b';
                    case 'f' -> cp = '\f';
                    case 'n' -> cp = '\n';
                    case 'r' -> cp = '\r';
                    case 't' -> cp = '\t';
                    case 'u' -> {
                        cp = hex4(token, i, length);
                        i += 4;
                        if (cp >= 0xD800 && cp <= 0xDBFF && at(token, i, length) == '\\'
                                && at(token, i + 1, length) == 'u') {
                            int trailing = hex4(token, i + 2, length);
                            if (trailing >= 0xDC00 && trailing <= 0xDFFF) {
                                cp = 0x10000 + ((cp & 0x3FF) << 10) | trailing & 0x3FF;
                                i += 6;
                            } else {
                                cp = -1;
                            }
                        }
                        if (!ModifiedUtf8.isValidCodepoint(cp)) {
                            // The escape as written: six bytes, or twelve for a pair, cut at the token's end.
                            invalidEscape(token, begin, Math.min(i, length));
                            return null;
                        }
                    }
                    default -> {
                        error = ascii("invalid escape sequence in string");
                        return null;
                    }
                }
                n += Character.toChars(cp, out, n);
            } else if (b < 0x80) {
                out[n++] = (char) b;
                i++;
            } else {
                long d = ModifiedUtf8.decode(token, i, end);
                int cp = ModifiedUtf8.codepoint(d);
                if (cp < 0) {
                    error = ascii("invalid UTF-8 sequence in string");
                    return null;
                }
                n += Character.toChars(cp, out, n);
                i = ModifiedUtf8.next(d);
            }
        }
        return new String(out, 0, n);
    }

    /**
     * A string of {@code length} ASCII bytes at {@code buf[from]}: short ones come from a memo shared by
     * every parser, because the same few (member names, command names) recur in every request and a
     * memoised string is neither copied again nor hashed again when it is looked up.
     */
    static String plain(byte[] buf, int from, int length) {
        if (length > MEMO_LENGTH) {
            return new String(buf, from, length, StandardCharsets.ISO_8859_1);
        }
        int h = 0;
        for (int k = from; k < from + length; k++) {
            h = 31 * h + buf[k];
        }
        int slot = (h ^ h >>> 16) & (MEMO.length - 1);
        String m = MEMO[slot];
        if (m != null && m.hashCode() == h && m.length() == length && sameChars(m, buf, from)) {
            return m;
        }
        String s = new String(buf, from, length, StandardCharsets.ISO_8859_1);
        MEMO[slot] = s;
        return s;
    }

    private static boolean sameChars(String s, byte[] buf, int from) {
        for (int k = 0, n = s.length(); k < n; k++) {
            if (s.charAt(k) != buf[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static final int MEMO_LENGTH = 32;
    // Shared by all threads without locking: a slot holds an immutable String, so a reader sees an old
    // or a new one, and checks that it is the right one; a miss only costs the copy.
    private static final String[] MEMO = new String[1024];

    /** Why the last {@link #decode} failed: the message after {@code JSON parse error, }, as bytes. */
    byte[] error() {
        return error;
    }

    private void invalidEscape(byte[] token, int from, int to) {
        byte[] suffix = ascii(" is not a valid Unicode character");
        byte[] detail = new byte[to - from + suffix.length];
        System.arraycopy(token, from, detail, 0, to - from);
        System.arraycopy(suffix, 0, detail, to - from, suffix.length);
        error = detail;
    }

    /** Four hex digits at {@code s[i]}, or -1 if one of them is not a hex digit (or lies past the token). */
    private static int hex4(byte[] s, int i, int length) {
        int cp = 0;
        for (int k = i; k < i + 4; k++) {
            int c = at(s, k, length);
            if (c >= '0' && c <= '9') {
                cp = cp << 4 | c - '0';
            } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                cp = cp << 4 | (c | 0x20) - 'a' + 10;
            } else {
                return -1;
            }
        }
        return cp;
    }

    /** The byte at {@code i}, or 0 (QEMU's terminating NUL) at or past the token's end. */
    private static int at(byte[] s, int i, int length) {
        return i < length ? s[i] & 0xFF : 0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
