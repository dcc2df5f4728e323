package dev.qapi.runtime.json;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Turns one connection's input bytes into JSON messages exactly as QEMU 10.0's QMP monitor does:
 * same dialect, same message boundaries, same error texts, same recovery after errors, same limits.
 *
 * <p>Feed it bytes as they arrive; it calls the {@link Sink} once per message, in input order, with a
 * {@link JsonMessage.Parsed} value or a {@link JsonParseError}. The sink's answer says whether to go on:
 * QEMU reads its monitor one byte at a time and stops reading while a request is queued, so it stops
 * exactly after the byte that completed a message. {@link #feed} does the same and returns how many
 * bytes it consumed; feed the rest later. It always finishes the byte it is on, so one byte can still
 * deliver several messages after the sink said stop (e.g. {@code nul\x1b} ends a keyword and is a
 * lexical error itself); QEMU queues all of them too.
 *
 * <p>Dialect: strings in single or double quotes, {@code \'} as an escape, whitespace space, tab, CR
 * and LF; no interpolation. Numbers and keywords are delivered only when the next byte arrives.
 *
 * <p>Limits, as in QEMU: a message's tokens may total less than {@link #MAX_TOKEN_SIZE} bytes
 * (whitespace excluded); a single token may not exceed it; at most {@link #MAX_TOKEN_COUNT} tokens;
 * at most {@link #MAX_NESTING} open brackets. After a limit error the rest of the message is parsed as
 * new input.
 *
 * <p>Memory: tokens are parsed as they arrive, so only the current token's bytes and the value being
 * built are kept. An idle streamer holds well under a kilobyte; buffers grown by a large message are
 * released when it ends.
 *
 * <p>Not thread-safe: one per connection, fed from one thread at a time.
 */
public final class JsonStreamer {

    /** QEMU's {@code MAX_TOKEN_SIZE}, 64 MiB. */
    public static final long MAX_TOKEN_SIZE = 64L << 20;
    /** QEMU's {@code MAX_TOKEN_COUNT}, 2,097,152 tokens per message. */
    public static final int MAX_TOKEN_COUNT = 2 << 20;
    /** QEMU's {@code MAX_NESTING}, 1024 open brackets (braces and square brackets together). */
    public static final int MAX_NESTING = 1 << 10;

    /**
     * Receives the messages of a stream. It is called from within {@link #feed}; if it throws, the
     * exception propagates and the streamer must be {@link #reset()} before it is fed again.
     */
    @FunctionalInterface
    public interface Sink {
        /**
         * Takes one message.
         *
         * @return {@code true} to keep reading; {@code false} to make {@link #feed} return after the
         *     current byte
         */
        boolean accept(JsonMessage message);
    }

    /** The largest chunk copied out of a direct buffer at a time. */
    private static final int DIRECT_CHUNK = 8 << 10;

    private final MessageAssembler assembler = new MessageAssembler();
    private final JsonLexer lexer = new JsonLexer(assembler);
    private final SimpleRequest simple = new SimpleRequest();

    /**
     * Consumes {@code buf[off, off + len)}, or a prefix of it if the sink asks to stop.
     *
     * @return the number of bytes consumed; less than {@code len} only if the sink returned false
     */
    public int feed(byte[] buf, int off, int len, Sink sink) {
        Objects.checkFromIndexSize(off, len, buf.length);
        assembler.sink(Objects.requireNonNull(sink, "sink"));
        try {
            int end = off + len;
            int i = off;
            while (i < end) {
                if (lexer.betweenTokens() && assembler.betweenMessages()) {
                    // Whitespace between messages is nothing to the lexer; then the common request
                    // may be taken whole without it.
                    i = JsonLexer.skipWhitespace(buf, i, end);
                    int next = simple.match(buf, i, end);
                    assembler.pauseAtMessageEnds(next >= 0);
                    if (next >= 0) {
                        i = next;
                        if (!sink.accept(new JsonMessage.Parsed(simple.value()))) {
                            break;
                        }
                        continue;
                    }
                }
                // While the fast path succeeds, the lexer returns after the byte that ends a message,
                // so that the next one may be taken by the fast path again.
                i += lexer.feed(buf, i, end - i);
                if (assembler.stopRequested()) {
                    break;
                }
            }
            return i - off;
        } finally {
            assembler.sink(null);
        }
    }

    /** {@link #feed(byte[], int, int, Sink)} of a whole array. */
    public int feed(byte[] buf, Sink sink) {
        return feed(buf, 0, buf.length, sink);
    }

    /**
     * Consumes the remaining bytes of {@code buf}, or a prefix of them if the sink asks to stop, and
     * advances its position past what was consumed.
     *
     * @return the number of bytes consumed
     */
    public int feed(ByteBuffer buf, Sink sink) {
        if (buf.hasArray()) {
            int n = feed(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining(), sink);
            buf.position(buf.position() + n);
            return n;
        }
        byte[] chunk = new byte[Math.min(buf.remaining(), DIRECT_CHUNK)];
        int total = 0;
        while (buf.hasRemaining()) {
            int len = Math.min(buf.remaining(), chunk.length);
            buf.get(buf.position(), chunk, 0, len);
            int n = feed(chunk, 0, len, sink);
            buf.position(buf.position() + n);
            total += n;
            if (n < len) {
                break;
            }
        }
        return total;
    }

    /**
     * About how many bytes of memory the message in progress holds: its tokens' bytes, the value being
     * built (estimated per token) and the token still being read. 0 between messages.
     */
    public long held() {
        return lexer.held() + assembler.held();
    }

    /**
     * Whether no message is in progress: the next byte fed starts a new one (after whitespace). Where
     * this holds, a reader may take a whole message it recognises itself, such as a {@link SimpleReply},
     * and feed only what follows it.
     */
    public boolean betweenMessages() {
        return lexer.betweenTokens() && assembler.betweenMessages();
    }

    /** Drops any partial input, as QEMU does when a client disconnects. */
    public void reset() {
        lexer.reset();
        assembler.restart();
    }
}
