package dev.qapi.runtime.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that {@link JsonWriter} appends to; reuse one per connection to write
 * responses without allocating. Its content is always ASCII.
 *
 * <p>Not thread-safe.
 */
public final class JsonBuffer {

    private byte[] bytes;
    private int length;

    /** An empty buffer with room for 256 bytes. */
    public JsonBuffer() {
        this(256);
    }

    /** An empty buffer with room for {@code capacity} bytes. */
    public JsonBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** The number of bytes written. */
    public int length() {
        return length;
    }

    /** Forgets the content; the capacity stays. */
    public void clear() {
        length = 0;
    }

    /** Forgets the content and gives back capacity beyond {@code capacity} bytes. */
    public void clear(int capacity) {
        length = 0;
        if (bytes.length > capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** A read-only view of the content, valid until the buffer is next written or cleared. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, length).asReadOnlyBuffer();
    }

    /**
     * Copies bytes from index {@code from} into {@code dst}, as many as fit.
     *
     * @return the number of bytes copied
     */
    public int copyTo(int from, ByteBuffer dst) {
        int n = Math.min(length - from, dst.remaining());
        dst.put(bytes, from, n);
        return n;
    }

    /** Writes the content to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** The content as text. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    /** Appends bytes that are ASCII (a piece of a message written elsewhere). */
    public void append(byte[] ascii) {
        put(ascii);
    }

    // Writer side: ensure() then put directly into array() from position().

    /** Makes room for {@code n} more bytes. */
    void ensure(int n) {
        if (bytes.length - length < n) {
            long wanted = Math.max((long) length + n, 2L * bytes.length);
            if (wanted > Integer.MAX_VALUE - 8) {
                wanted = (long) length + n;
                if (wanted > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("JSON text larger than 2 GiB");
                }
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    byte[] array() {
        return bytes;
    }

    int position() {
        return length;
    }

    void position(int length) {
        this.length = length;
    }

    void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    /** Appends an ASCII string. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) drops high bytes: none in ASCII
    void put(String ascii) {
        int n = ascii.length();
        ensure(n);
        ascii.getBytes(0, n, bytes, length);
        length += n;
    }

    void put(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
    }
}
