package dev.qapi.runtime.json;

import java.util.Arrays;
import java.util.List;

/**
 * The bytes of one token as the lexer received them, kept in fixed-size chunks, so that a token of
 * tens of megabytes is never copied into ever larger arrays while it arrives, and costs its own size
 * (plus at most one chunk) for as long as it is held. Immutable once built.
 */
final class TokenText {

    /** Chunk size: a token up to this size is one array. */
    static final int CHUNK = 64 << 10;

    private final byte[][] chunks;
    private final long length;

    /**
     * The token made of {@code full} (each exactly {@link #CHUNK} bytes) followed by
     * {@code last[0, lastLength)}; the arrays are taken over, not copied.
     */
    TokenText(List<byte[]> full, byte[] last, int lastLength) {
        chunks = full.toArray(new byte[full.size() + 1][]);
        chunks[full.size()] = last.length == lastLength ? last : Arrays.copyOf(last, lastLength);
        length = (long) full.size() * CHUNK + lastLength;
    }

    /** A small token, copied from {@code text[0, length)}. */
    static TokenText copyOf(byte[] text, int length) {
        return new TokenText(List.of(), Arrays.copyOf(text, length), length);
    }

    long length() {
        return length;
    }

    /**
     * Copies up to {@code len} bytes from token offset {@code from} into {@code dst[off]}.
     *
     * @return the number of bytes copied (less than {@code len} only at the token's end)
     */
    int copy(long from, byte[] dst, int off, int len) {
        int n = (int) Math.min(len, length - from);
        int done = 0;
        while (done < n) {
            long at = from + done;
            byte[] chunk = chunks[(int) (at / CHUNK)];
            int in = (int) (at % CHUNK);
            int k = Math.min(n - done, chunk.length - in);
            System.arraycopy(chunk, in, dst, off + done, k);
            done += k;
        }
        return n;
    }

    /** The whole token in one array; only for tokens below 2 GiB, which every token is. */
    byte[] toArray() {
        byte[] all = new byte[(int) length];
        copy(0, all, 0, all.length);
        return all;
    }
}
