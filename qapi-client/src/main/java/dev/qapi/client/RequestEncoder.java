package dev.qapi.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.qapi.runtime.json.JsonBuffer;
import dev.qapi.runtime.json.JsonWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a request's wire bytes: {@code {"execute": NAME, "arguments": ARGS, "id": N}} and a newline
 * ({@code exec-oob} instead of {@code execute} out of band). One per thread, so callers encode in
 * parallel and outside the connection's lock; the bytes are valid until the next {@link #encode} on
 * the same thread.
 */
final class RequestEncoder {
    private static final ThreadLocal<RequestEncoder> PER_THREAD = ThreadLocal.withInitial(RequestEncoder::new);
    private static final byte[] EXECUTE = ascii("{\"execute\": ");
    private static final byte[] EXEC_OOB = ascii("{\"exec-oob\": ");
    private static final byte[] ARGUMENTS = ascii(", \"arguments\": ");
    private static final byte[] ID = ascii(", \"id\": ");
    private static final byte[] END = ascii("}\n");
    /** Beyond this, the buffer is given back after use rather than kept for the thread. */
    private static final int KEEP = 64 << 10;

    private final JsonWriter writer = JsonWriter.compact();
    private final JsonBuffer json = new JsonBuffer();
    private ByteBuffer out = ByteBuffer.allocate(512);
    /** The command last encoded and its encoded name: callers mostly repeat the same few commands. */
    private String lastCommand;
    private byte[] lastName;
    private final byte[] digits = new byte[20];

    static RequestEncoder get() {
        return PER_THREAD.get();
    }

    /** The request's bytes, flipped for writing. */
    ByteBuffer encode(String command, ObjectNode arguments, long id, boolean oob) {
        out.clear();
        put(oob ? EXEC_OOB : EXECUTE);
        if (!command.equals(lastCommand)) {
            json.clear();
            writer.write(TextNode.valueOf(command), json);
            lastName = new byte[json.length()];
            json.copyTo(0, ByteBuffer.wrap(lastName));
            lastCommand = command;
        }
        put(lastName);
        if (arguments != null) {
            put(ARGUMENTS);
            putJson(arguments);
        }
        put(ID);
        putLong(id);
        put(END);
        out.flip();
        return out;
    }

    /** Gives back a large buffer once its request is written. */
    void release() {
        if (out.capacity() > KEEP) {
            out = ByteBuffer.allocate(512);
        }
        json.clear(KEEP);
    }

    private void putJson(com.fasterxml.jackson.databind.JsonNode value) {
        json.clear();
        writer.write(value, json);
        ensure(json.length());
        json.copyTo(0, out);
    }

    /** A request id: never negative. */
    private void putLong(long v) {
        int i = digits.length;
        do {
            digits[--i] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        ensure(digits.length - i);
        out.put(digits, i, digits.length - i);
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        out.put(bytes);
    }

    private void ensure(int n) {
        if (out.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + n));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
