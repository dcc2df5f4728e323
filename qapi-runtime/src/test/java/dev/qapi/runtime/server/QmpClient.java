package dev.qapi.runtime.server;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A raw test client: sends bytes, reads CRLF-terminated messages as exact strings. Non-blocking
 * throughout, so that one thread may send while another reads, and a hung server fails the test.
 */
final class QmpClient implements AutoCloseable {
    private static final long TIMEOUT_NANOS = 10_000_000_000L;

    private final SocketChannel channel;
    private final Selector readable;
    private final ByteBuffer buf = ByteBuffer.allocate(64 << 10);
    /** Received bytes not yet returned: {@code data[start, end)}. */
    private byte[] data = new byte[64 << 10];
    private int start;
    private int end;

    QmpClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        channel.configureBlocking(false);
        readable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
    }

    /** A client past the greeting and {@code qmp_capabilities} (with {@code oob} enabled or not). */
    static QmpClient negotiated(Path socket, boolean oob) throws IOException {
        QmpClient c = new QmpClient(socket);
        String greeting = c.read();
        if (greeting == null || !greeting.startsWith("{\"QMP\"")) {
            c.close();
            throw new IOException("no greeting: " + greeting);
        }
        c.send(oob ? "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}\n"
                : "{\"execute\": \"qmp_capabilities\"}\n");
        String answer = c.read();
        if (!"{\"return\": {}}".equals(answer)) {
            c.close();
            throw new IOException("negotiation failed: " + answer);
        }
        return c;
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends every byte, waiting while the server does not read (an interrupt ends the wait). */
    void send(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while sending", e);
                }
            }
        }
    }

    /** The next message, without its CRLF, or null at end of file. Times out after 10 s. */
    String read() throws IOException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        int scanned = start;
        int depth = 0;
        boolean inString = false;
        while (true) {
            // A CRLF ends a message when the braces before it balance (pretty output has inner CRLFs).
            for (int i = scanned; i < end; i++) {
                byte c = data[i];
                if (inString) {
                    if (c == '\\') {
                        if (i + 1 >= end) {
                            break;
                        }
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                } else if (c == '\r' && depth == 0 && i + 1 < end && data[i + 1] == '\n') {
                    String message = new String(data, start, i - start, StandardCharsets.ISO_8859_1);
                    start = i + 2;
                    return message;
                } else if (c == '\r' && i + 1 >= end) {
                    break;
                }
                scanned = i + 1;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timeout; have: " + new String(data, start, end - start, StandardCharsets.ISO_8859_1));
            }
            int offset = scanned - start;
            int n = readWithin(deadline);
            scanned = start + offset;
            if (n < 0) {
                if (end == start) {
                    return null;
                }
                String rest = new String(data, start, end - start, StandardCharsets.ISO_8859_1);
                start = end;
                return rest;
            }
        }
    }

    /** One read, waiting no later than {@code deadline}; appends to {@code data}. */
    private int readWithin(long deadline) throws IOException {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
        readable.select(left);
        readable.selectedKeys().clear();
        return readNow();
    }

    private int readNow() throws IOException {
        buf.clear();
        int n = channel.read(buf);
        if (n > 0) {
            if (end + n > data.length) {
                if (end - start + n <= data.length / 2) {
                    System.arraycopy(data, start, data, 0, end - start);
                } else {
                    byte[] bigger = Arrays.copyOf(data, Math.max(data.length * 2, end - start + n));
                    System.arraycopy(bigger, start, bigger, 0, end - start);
                    data = bigger;
                }
                end -= start;
                start = 0;
            }
            System.arraycopy(buf.array(), 0, data, end, n);
            end += n;
        }
        return n;
    }

    /**
     * Whatever arrives within {@code ms} milliseconds (a whole message, partial bytes, or end of file as
     * {@code "<end of file>"}), or null when nothing does. What it returns is not consumed, except the
     * end of file.
     */
    String poll(long ms) throws IOException {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        while (true) {
            if (end > start) {
                return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            readable.select(left);
            readable.selectedKeys().clear();
            if (readNow() < 0) {
                return "<end of file>";
            }
        }
    }

    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        readable.close();
        channel.close();
    }
}
