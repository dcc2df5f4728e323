package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Turns a number token into a value the way QEMU's parser builds a QNum: an integer that fits int64
 * becomes a {@link LongNode}, a non-negative one that fits uint64 a {@link BigIntegerNode}, anything
 * else (fraction, exponent, out of range) a {@link DoubleNode} rounded as C's {@code strtod} rounds it
 * (correctly, to nearest; overflow gives an infinity, underflow zero or a subnormal).
 */
final class NumberToken {

    /** Significant digits kept for rounding; any double's rounding is decided within 768 of them. */
    private static final int MAX_DIGITS = 800;

    /** Longer tokens are shortened to {@link #MAX_DIGITS} digits (plus a sticky digit) before parsing. */
    private static final int SHORT_TOKEN = 1000;

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private NumberToken() {
    }

    /** Integer tokens of at most this many digits always fit int64 (see {@link #smallInteger}). */
    static final int SMALL_DIGITS = 18;

    /** The value of an integer token ({@code -?(0|[1-9][0-9]*)}). */
    static JsonNode integer(byte[] token, int length) {
        boolean negative = token[0] == '-';
        int digits = negative ? length - 1 : length;
        if (digits <= SMALL_DIGITS) {
            return smallInteger(token, 0, length);
        }
        if (digits <= 20) {
            BigInteger v = new BigInteger(new String(token, 0, length, StandardCharsets.ISO_8859_1));
            if (v.bitLength() <= 63) {
                return LongNode.valueOf(v.longValue());
            }
            if (!negative && v.compareTo(UINT64_MAX) <= 0) {
                return BigIntegerNode.valueOf(v);
            }
        }
        return DoubleNode.valueOf(strtod(token, length));
    }

    /**
     * The value of the integer token at {@code buf[from, to)} with at most {@link #SMALL_DIGITS} digits,
     * which always fits int64.
     */
    static JsonNode smallInteger(byte[] buf, int from, int to) {
        boolean negative = buf[from] == '-';
        long v = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        return LongNode.valueOf(negative ? -v : v);
    }

    /** The value of a float token, or of an integer token out of 64-bit range. */
    static JsonNode floating(byte[] token, int length) {
        return DoubleNode.valueOf(strtod(token, length));
    }

    /** {@code strtod} of a JSON number: the nearest double, ties to even. */
    static double strtod(byte[] token, int length) {
        // Double.parseDouble rounds correctly; only very long tokens need shortening first.
        String text = length <= SHORT_TOKEN
                ? new String(token, 0, length, StandardCharsets.ISO_8859_1)
                : shorten(token, length);
        return Double.parseDouble(text);
    }

    /**
     * An equivalent of a long number token with at most {@link #MAX_DIGITS} significant digits: dropped
     * digits that are not all zero are replaced by one trailing 1, which rounds the same way, and the
     * exponent is clamped far beyond where every double overflows or underflows.
     */
    private static String shorten(byte[] token, int length) {
        StringBuilder digits = new StringBuilder(MAX_DIGITS + 1);
        boolean sticky = false;
        long exponent = 0; // value = 0.DIGITS * 10^exponent
        int i = 0;
        boolean negative = token[0] == '-';
        if (negative) {
            i++;
        }
        for (; i < length && isDigit(token[i]); i++) {
            if (digits.length() == 0 && token[i] == '0') {
                continue;
            }
            exponent++;
            if (digits.length() < MAX_DIGITS) {
                digits.append((char) token[i]);
            } else {
                sticky |= token[i] != '0';
            }
        }
        if (i < length && token[i] == '.') {
            for (i++; i < length && isDigit(token[i]); i++) {
                if (digits.length() == 0 && token[i] == '0') {
                    exponent--;
                } else if (digits.length() < MAX_DIGITS) {
                    digits.append((char) token[i]);
                } else {
                    sticky |= token[i] != '0';
                }
            }
        }
        if (i < length) { // [eE][-+]?[0-9]+
            i++;
            boolean negativeExponent = token[i] == '-';
            if (token[i] == '-' || token[i] == '+') {
                i++;
            }
            long e = 0;
            for (; i < length; i++) {
                e = Math.min(e * 10 + (token[i] - '0'), 1_000_000_000L);
            }
            exponent += negativeExponent ? -e : e;
        }
        if (digits.length() == 0) {
            return negative ? "-0" : "0";
        }
        if (sticky) {
            digits.append('1');
        }
        exponent = Math.max(-100_000, Math.min(100_000, exponent));
        return (negative ? "-0." : "0.") + digits + "e" + exponent;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
