package dev.qapi.runtime.server;

import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.json.EscapedText;
import dev.qapi.runtime.json.JsonBuffer;
import dev.qapi.runtime.json.JsonParseError;
import dev.qapi.runtime.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * QEMU's answer to input that is not JSON, {@code {"error": {"class": "GenericError", "desc": DESC}}},
 * written from the {@link JsonParseError} a piece at a time: the desc may quote a stray token of up to
 * 64 MiB, so the reply is never built whole (it would cost the token's size several times over and
 * hold the event loop while built). The frame around the desc is what {@link JsonWriter} writes for
 * that message, cut where the desc goes, so both formats and the member order are the writer's own.
 */
final class ParseErrorReply implements SocketChardev.Stream {
    /** Replies quoting more input than this are streamed; smaller ones are written at once. */
    static final long STREAM_ABOVE = 64 << 10;

    private static final byte[][] COMPACT = frame(JsonWriter.compact());
    private static final byte[][] PRETTY = frame(JsonWriter.pretty());

    private final byte[][] frame;
    private final EscapedText desc;
    private int stage;

    ParseErrorReply(JsonParseError error, boolean pretty) {
        this.frame = pretty ? PRETTY : COMPACT;
        this.desc = error.escapedDesc();
    }

    /** Whether this error's reply is large enough to be streamed rather than written at once. */
    static boolean large(JsonParseError error) {
        return error.quotedBytes() > STREAM_ABOVE;
    }

    /** Writes the whole reply to {@code out}. */
    void writeAll(JsonBuffer out) {
        while (!writeTo(out, 4096)) {
            // next piece
        }
    }

    @Override
    public boolean writeTo(JsonBuffer out, int max) {
        if (stage == 0) {
            out.append(frame[0]);
            stage = 1;
        }
        if (stage == 1) {
            if (!desc.writeTo(out, max)) {
                return false;
            }
            stage = 2;
        }
        out.append(frame[1]);
        return true;
    }

    @Override
    public long remaining() {
        return (stage == 0 ? frame[0].length : 0) + desc.remaining() + frame[1].length;
    }

    /** The writer's bytes for the reply with an empty desc, cut in two where the desc's text goes. */
    private static byte[][] frame(JsonWriter writer) {
        byte[] whole = writer.toMessageBytes(QmpDispatcher.error(QmpException.generic(""), null, null));
        String text = new String(whole, StandardCharsets.US_ASCII);
        int at = text.indexOf("\"desc\": \"\"") + "\"desc\": \"".length();
        return new byte[][] {Arrays.copyOfRange(whole, 0, at), Arrays.copyOfRange(whole, at, whole.length)};
    }
}
