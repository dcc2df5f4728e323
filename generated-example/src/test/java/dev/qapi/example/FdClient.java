package dev.qapi.example;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.qapi.runtime.fd.ChannelDescriptor;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.ScmRights;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A QMP test client on a Unix socket that can attach descriptors (of {@code /dev/null}) to what it
 * sends, and read compact messages (one per CRLF-terminated line) with a timeout.
 */
final class FdClient implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final int fd;
    private final ScmRights scm = new ScmRights();
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
    private final StringBuilder pending = new StringBuilder();
    private boolean eof;

    static final class Libc {
        static {
            Native.register(Libc.class, Platform.C_LIBRARY_NAME);
        }

        static native int open(String path, int flags);

        static native int close(int fd);

        static native int mkfifo(String path, int mode);
    }

    FdClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        fd = ChannelDescriptor.of(channel).orElseThrow(() -> new IOException("no channel descriptor"));
    }

    /** Sends {@code text} with {@code count} fresh descriptors attached to its first byte. */
    void send(byte[] data, int count) throws IOException {
        int[] fds = new int[count];
        for (int i = 0; i < count; i++) {
            fds[i] = Libc.open("/dev/null", 0x80000);
        }
        try {
            send(data, fds);
        } finally {
            for (int f : fds) {
                Libc.close(f);
            }
        }
    }

    /** Sends {@code data} with copies of {@code fds} attached to its first byte; the caller keeps its own. */
    void send(byte[] data, int[] fds) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(1, data.length)).put(data).flip();
        // Descriptors without a byte never leave: a stream socket sends nothing for an empty
        // message, descriptors included (the recorded corpus shows QEMU sees nothing either).
        if (fds.length > 0 && data.length > 0) {
            while (scm.send(fd, buf, fds) == 0) {
                Thread.onSpinWait();
            }
        }
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Sends {@code request} with descriptor {@code passed} and reads the answer. */
    String execute(String request, Fd passed) throws IOException {
        send((request + "\n").getBytes(StandardCharsets.ISO_8859_1), new int[] {passed.number()});
        return read();
    }

    void send(String text, int count) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1), count);
    }

    /** The next message (ending CRLF included), or null when none arrives within {@code ms}. */
    String read(long ms) throws IOException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (true) {
            int end = pending.indexOf("\r\n");
            if (end >= 0) {
                String message = pending.substring(0, end + 2);
                pending.delete(0, end + 2);
                return message;
            }
            if (eof) {
                throw new EOFException("end of file; pending " + pending);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            selector.select(left);
            selector.selectedKeys().clear();
            in.clear();
            int n = channel.read(in);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                pending.append(new String(in.array(), 0, n, StandardCharsets.ISO_8859_1));
            }
        }
    }

    String read() throws IOException {
        String m = read(10_000);
        if (m == null) {
            throw new IOException("no answer within 10 s");
        }
        return m.substring(0, m.length() - 2);
    }

    String execute(String request, int fds) throws IOException {
        send(request + "\n", fds);
        return read();
    }

    /** Reads the greeting and negotiates. */
    FdClient negotiate() throws IOException {
        read();
        String r = execute("{\"execute\": \"qmp_capabilities\"}", 0);
        if (!r.equals("{\"return\": {}}")) {
            throw new IOException("negotiation failed: " + r);
        }
        return this;
    }

    /** Whether nothing at all (no byte, no end of file) arrives within {@code ms}. */
    boolean quiet(long ms) throws IOException {
        return pending.length() == 0 && read(ms) == null && !eof;
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
