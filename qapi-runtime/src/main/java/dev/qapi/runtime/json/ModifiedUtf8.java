package dev.qapi.runtime.json;

/**
 * QEMU's reading of "modified UTF-8" ({@code util/unicode.c}): UTF-8 in which U+0000 is also written as
 * {@code C0 80}, and in which surrogates, the 66 noncharacters and overlong forms (but {@code C0 80}) are
 * invalid. QEMU strings are NUL-terminated byte strings in this encoding, so a 0 byte ends them.
 */
final class ModifiedUtf8 {

    /** The smallest code point that needs 2, 3, 4, 5 and 6 bytes. */
    private static final int[] MIN_CODEPOINT = {0x80, 0x800, 0x10000, 0x200000, 0x4000000};

    private ModifiedUtf8() {
    }

    /** Whether QEMU accepts {@code cp} as a character: in range, not a surrogate, not a noncharacter. */
    static boolean isValidCodepoint(int cp) {
        if (cp < 0 || cp > 0x10FFFF) {
            return false;
        }
        if (cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE) {
            return false;
        }
        return cp < 0xD800 || cp > 0xDFFF;
    }

    /**
     * Decodes the sequence at {@code s[i]} (which must be below {@code limit}, the end of the C string).
     * Invalid sequences give code point -1. How far an invalid sequence reaches follows QEMU: one byte
     * for 0xFE, 0xFF or a stray continuation byte; the lead byte and the continuation bytes present when
     * one is missing; the whole sequence otherwise.
     *
     * @return {@code (long) nextIndex << 32 | (codepoint & 0xFFFFFFFFL)}; see {@link #codepoint} and
     *     {@link #next}
     */
    static long decode(byte[] s, int i, int limit) {
        int b = s[i] & 0xFF;
        int p = i + 1;
        int cp;
        if (b < 0x80) {
            cp = b;
        } else if (b >= 0xFE || (b & 0x40) == 0) {
            cp = -1;
        } else {
            int length = 0;
            int mask = 0x80;
            while ((b & mask) != 0) {
                length++;
                mask >>= 1;
            }
            cp = b & (mask - 1);
            for (int k = 1; k < length; k++) {
                int c = p < limit ? s[p] & 0xFF : 0;
                if ((c & 0xC0) != 0x80) {
                    return pack(p, -1);
                }
                p++;
                cp = cp << 6 | c & 0x3F;
            }
            if (!isValidCodepoint(cp) || cp < MIN_CODEPOINT[length - 2] && !(cp == 0 && length == 2)) {
                cp = -1;
            }
        }
        return pack(p, cp);
    }

    /** The code point of a {@link #decode} result, or -1 if the sequence was invalid. */
    static int codepoint(long decoded) {
        return (int) decoded;
    }

    /** The index after the sequence of a {@link #decode} result. */
    static int next(long decoded) {
        return (int) (decoded >>> 32);
    }

    /**
     * The text QEMU's JSON writer prints for the C string in {@code s[off, end)} (cut at its first 0
     * byte): each valid sequence as its character, each invalid one as U+FFFD.
     */
    static String toDisplayString(byte[] s, int off, int end) {
        StringBuilder out = new StringBuilder(end - off);
        int i = off;
        while (i < end && s[i] != 0) {
            long d = decode(s, i, end);
            int cp = codepoint(d);
            out.appendCodePoint(cp < 0 ? 0xFFFD : cp);
            i = next(d);
        }
        return out.toString();
    }

    private static long pack(int next, int cp) {
        return (long) next << 32 | cp & 0xFFFFFFFFL;
    }
}
