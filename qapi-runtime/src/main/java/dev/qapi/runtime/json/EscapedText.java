package dev.qapi.runtime.json;

/**
 * The inside of a JSON string (no quotes) exactly as {@link JsonWriter} writes it, produced a piece at
 * a time: for a text that quotes megabytes of client input (QEMU's {@code JSON parse error, stray '…'}
 * echoes the whole offending token), so that the reply never exists whole and its writing can be
 * spread over many turns of an event loop. The text is a head, optionally the display form of a token
 * (each valid modified UTF-8 sequence as its character, each invalid one as U+FFFD, cut at a NUL byte,
 * as {@link ModifiedUtf8#toDisplayString} reads it), and a tail.
 *
 * <p>One use only; not thread-safe.
 */
public final class EscapedText {

    /** Bytes of token decoded per window; sequences (at most 6 bytes) never straddle its end. */
    private static final int WINDOW = 8 << 10;
    private static final int SEQUENCE_MAX = 8;
    /** The most one code point takes when escaped (a surrogate pair). */
    private static final int ESCAPE_MAX = 12;

    private final String head;
    private final TokenText token;
    private final String tail;
    private int headAt;
    private int tailAt;
    /** Token bytes before the window. */
    private long windowStart;
    private final byte[] window;
    private int windowLength;
    /** Where decoding goes on in the window, and where it must refill (the window's last sequence may be cut). */
    private int at;
    private int refillAt;
    private boolean tokenDone;

    EscapedText(String head, TokenText token, String tail) {
        this.head = head;
        this.token = token;
        this.tail = tail;
        this.tokenDone = token == null;
        this.window = token == null ? null : new byte[(int) Math.min(WINDOW + SEQUENCE_MAX, token.length())];
    }

    /** The escaped inside of {@code text}. */
    public static EscapedText of(String text) {
        return new EscapedText(text, null, "");
    }

    /**
     * About how many bytes are still to come: at least that many, but for a NUL byte that ends the
     * token (not shown, as QEMU's {@code %s} stops there); exact for ASCII text that needs no escapes.
     */
    public long remaining() {
        long tokenLeft = tokenDone ? 0 : token.length() - windowStart - at;
        return head.length() - headAt + tokenLeft + tail.length() - tailAt;
    }

    /**
     * Appends the next bytes to {@code out}: about {@code max} of them (at least one code point's
     * worth, at most {@code max} + 12).
     *
     * @return whether everything has now been written
     */
    public boolean writeTo(JsonBuffer out, int max) {
        out.ensure(max + ESCAPE_MAX);
        byte[] a = out.array();
        int p = out.position();
        int end = p + Math.max(max, 1);
        while (p < end && headAt < head.length()) {
            int cp = head.codePointAt(headAt);
            headAt += Character.charCount(cp);
            p = JsonWriter.escape(a, p, cp);
        }
        while (p < end && !tokenDone) {
            if (at >= refillAt && !refill()) {
                break;
            }
            int limit = Math.min(refillAt, at + end - p);
            while (at < limit) {
                // The common case: printable ASCII, copied as it is.
                int b = window[at];
                if (b < 0x20 || b == 0x7F || b == '"' || b == '\\') {
                    break;
                }
                a[p++] = (byte) b;
                at++;
            }
            if (at < refillAt && p < end) {
                if (window[at] == 0) {
                    tokenDone = true; // %s stops at a NUL byte
                    break;
                }
                long d = ModifiedUtf8.decode(window, at, windowLength);
                int cp = ModifiedUtf8.codepoint(d);
                p = JsonWriter.escape(a, p, cp < 0 ? 0xFFFD : cp);
                at = ModifiedUtf8.next(d);
            }
        }
        while (p < end && tokenDone && tailAt < tail.length()) {
            int cp = tail.codePointAt(tailAt);
            tailAt += Character.charCount(cp);
            p = JsonWriter.escape(a, p, cp);
        }
        out.position(p);
        return headAt == head.length() && tokenDone && tailAt == tail.length();
    }

    /** Moves the window on; false (and the token done) at its end. */
    private boolean refill() {
        windowStart += at;
        at = 0;
        windowLength = token.copy(windowStart, window, 0, window.length);
        if (windowLength == 0) {
            tokenDone = true;
            return false;
        }
        boolean last = windowStart + windowLength == token.length();
        refillAt = last ? windowLength : windowLength - SEQUENCE_MAX;
        return true;
    }
}
