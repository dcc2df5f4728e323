package dev.qapi.runtime.json;

/**
 * QEMU's JSON streamer ({@code qobject/json-streamer.c} behaviour): groups tokens into messages,
 * enforces the per-message limits and hands each finished message, or error, to the sink.
 *
 * <p>A message ends after a token when neither {@code {}} nor {@code []} depth is positive, or either
 * has gone negative: so after a top-level scalar, after the bracket that closes the outermost container,
 * or at a stray closing bracket ({@code {]} ends at {@code ]}). The limits are checked for every token,
 * the closing one included; an error ends the message at once and the following tokens start a new one
 * (the lexer is not put into recovery).
 */
final class MessageAssembler implements JsonLexer.TokenSink {

    private static final JsonParseError TOKEN_SIZE = new JsonParseError(JsonParseError.TOKEN_SIZE_LIMIT);
    private static final JsonParseError TOKEN_COUNT = new JsonParseError(JsonParseError.TOKEN_COUNT_LIMIT);
    private static final JsonParseError NESTING = new JsonParseError(JsonParseError.NESTING_LIMIT);

    private final JsonTreeParser parser = new JsonTreeParser();
    private JsonStreamer.Sink sink;
    private int braces;
    private int brackets;
    private int tokenCount;
    private long tokenBytes;
    private boolean stopRequested;
    private boolean pauseAtMessageEnds;

    /** Where messages go until the next call; set for each feed. */
    void sink(JsonStreamer.Sink sink) {
        this.sink = sink;
    }

    @Override
    public boolean token(int type, byte[] text, int length) {
        switch (type) {
            case JsonLexer.LCURLY -> braces++;
            case JsonLexer.RCURLY -> braces--;
            case JsonLexer.LSQUARE -> brackets++;
            case JsonLexer.RSQUARE -> brackets--;
            default -> {
            }
        }
        if (tokenBytes + length + 1 > JsonStreamer.MAX_TOKEN_SIZE) {
            return end(TOKEN_SIZE);
        }
        if (tokenCount + 1 > JsonStreamer.MAX_TOKEN_COUNT) {
            return end(TOKEN_COUNT);
        }
        if (braces + brackets > JsonStreamer.MAX_NESTING) {
            return end(NESTING);
        }
        tokenBytes += length;
        tokenCount++;
        parser.accept(type, text, length);
        if ((braces > 0 || brackets > 0) && braces >= 0 && brackets >= 0) {
            return true;
        }
        return end(parser.finish());
    }

    @Override
    public boolean error(TokenText text) {
        // QEMU quotes the whole token; the reply is written from its bytes, never built as one text.
        return end(JsonParseError.stray(text));
    }

    @Override
    public boolean tokenTooLong() {
        // QEMU passes the oversized token on; the size check is bound to reject it.
        return end(TOKEN_SIZE);
    }

    /**
     * About how much memory the message in progress holds, not counting the lexer's current token:
     * its tokens' bytes, plus a node's worth for each token (the value being built).
     */
    long held() {
        return tokenBytes + 16L * tokenCount;
    }

    /** Drops the message in progress. */
    void reset() {
        braces = 0;
        brackets = 0;
        tokenCount = 0;
        tokenBytes = 0;
        parser.reset();
    }

    /**
     * Whether no message is in progress: the last token, if any, ended one. Then the next byte starts a
     * new message, whoever reads it.
     */
    boolean betweenMessages() {
        return tokenCount == 0 && braces == 0 && brackets == 0;
    }

    /** Drops the message in progress and a pending stop request: the stream starts over. */
    void restart() {
        reset();
        stopRequested = false;
    }

    /** Whether the sink asked to stop at the last message; clears the request. */
    boolean stopRequested() {
        boolean stop = stopRequested;
        stopRequested = false;
        return stop;
    }

    /**
     * Whether to pause the lexer at every message end (after the current byte), so that the streamer
     * sees each boundary and can try its fast path on the next message; worth it only while the fast
     * path keeps succeeding, as the pause costs a little on every message.
     */
    void pauseAtMessageEnds(boolean pause) {
        pauseAtMessageEnds = pause;
    }

    /**
     * Hands a finished message to the sink; the lexer stops after the current byte if the sink asks to
     * (kept for {@link #stopRequested()}) or pauses there if {@link #pauseAtMessageEnds}. (The lexer
     * still finishes its byte, which may end further messages.)
     */
    private boolean end(JsonMessage message) {
        reset();
        if (!sink.accept(message)) {
            stopRequested = true;
            return false;
        }
        return !pauseAtMessageEnds;
    }
}
