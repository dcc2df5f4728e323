package dev.qapi.runtime.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A raw test client: sends bytes, reads CRLF-terminated messages as exact strings. */
final class QmpClient implements AutoCloseable {
    private final SocketChannel channel;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteBuffer buf = ByteBuffer.allocate(64 << 10);

    QmpClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** The next message, without its CRLF, or null at end of file. Times out after 10 s. */
    String read() throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            byte[] have = pending.toByteArray();
            for (int i = 0; i + 1 < have.length; i++) {
                if (have[i] == '\r' && have[i + 1] == '\n' && completes(have, i)) {
                    pending.reset();
                    pending.write(have, i + 2, have.length - i - 2);
                    return new String(have, 0, i, StandardCharsets.ISO_8859_1);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timeout; have: " + new String(have, StandardCharsets.ISO_8859_1));
            }
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
                return have.length == 0 ? null : new String(have, StandardCharsets.ISO_8859_1);
            }
            pending.write(buf.array(), 0, n);
        }
    }

    /** A CRLF ends a message when the braces before it balance (pretty output has inner CRLFs). */
    private static boolean completes(byte[] b, int end) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < end; i++) {
            byte c = b[i];
            if (inString) {
                if (c == '\\') {
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
            }
        }
        return depth == 0;
    }

    /**
     * Whatever arrives within {@code ms} milliseconds (a whole message, partial bytes, or end of file as
     * {@code "<end of file>"}), or null when nothing does.
     */
    String poll(long ms) throws IOException {
        channel.configureBlocking(false);
        try {
            long deadline = System.nanoTime() + ms * 1_000_000L;
            while (System.nanoTime() < deadline) {
                buf.clear();
                int n = channel.read(buf);
                if (n < 0) {
                    return "<end of file>";
                }
                if (n > 0) {
                    pending.write(buf.array(), 0, n);
                }
                if (pending.size() > 0) {
                    return new String(pending.toByteArray(), StandardCharsets.ISO_8859_1);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        } finally {
            channel.configureBlocking(true);
        }
    }

    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
