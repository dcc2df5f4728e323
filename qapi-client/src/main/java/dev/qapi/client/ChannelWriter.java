package dev.qapi.client;

import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.ScmRights;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The output side of one connection. A request from another thread is written straight to the socket
 * by that thread (no hand-off to the loop); a request made on the loop thread while it handles input
 * (a completion that sends the next call) is gathered and written with the others of that input in one
 * system call at its end. What the socket does not take waits here, later requests queue behind it,
 * and the loop writes it out when the socket can take more.
 *
 * <p>A request with descriptors starts a {@code sendmsg} of its own, after everything queued before it
 * is written, with the descriptors attached to its first byte (the server gives them to the request
 * whose bytes they came with). The writer owns the descriptors it is given and closes them once sent,
 * or when the connection ends.
 */
final class ChannelWriter {
    /** A gathering buffer up to this size is kept for the next batch. */
    private static final int KEEP = 16 << 10;

    /** Descriptors waiting to be attached to the byte at {@code offset} of {@link #waiting}. */
    private static final class Attachment {
        int offset;
        final List<Fd> fds;

        Attachment(int offset, List<Fd> fds) {
            this.offset = offset;
            this.fds = fds;
        }
    }

    private final SocketChannel channel;
    private final SelectionKey key;
    /** The channel's descriptor for sendmsg; -1 when descriptors cannot be passed. */
    private final int socketFd;
    // Guarded by `this`: bytes not written yet (write mode), and whether the loop waits for OP_WRITE.
    private ByteBuffer waiting;
    private boolean writeInterest;
    private boolean closed;
    /** Ascending offsets into {@link #waiting}. */
    private final ArrayDeque<Attachment> attachments = new ArrayDeque<>();
    /** Made on the first request with descriptors; sendmsg needs a direct buffer. */
    private ScmRights scm;
    private ByteBuffer direct;

    ChannelWriter(SocketChannel channel, SelectionKey key, int socketFd) {
        this.channel = channel;
        this.key = key;
        this.socketFd = socketFd;
    }

    /** Whether requests may carry descriptors (a Unix socket, and the JVM lets us reach its descriptor). */
    boolean canPassDescriptors() {
        return socketFd >= 0;
    }

    /** Writes {@code bytes} whole, now or later, after everything written before. */
    synchronized void write(ByteBuffer bytes) throws IOException {
        write(bytes, List.of());
    }

    /**
     * Writes {@code bytes} whole, now or later, after everything written before, with {@code fds}
     * (now the writer's) attached to their first byte.
     */
    synchronized void write(ByteBuffer bytes, List<Fd> fds) throws IOException {
        if (closed) {
            fds.forEach(Fd::close);
            throw new ClosedChannelException();
        }
        if (waiting == null || waiting.position() == 0) {
            if (fds.isEmpty()) {
                channel.write(bytes);
            } else {
                int sent;
                try {
                    sent = sendWithFds(bytes, bytes.limit(), fds);
                } catch (IOException | RuntimeException e) {
                    fds.forEach(Fd::close);
                    throw e;
                }
                if (sent > 0) {
                    fds.forEach(Fd::close);
                    fds = List.of();
                }
            }
            if (!bytes.hasRemaining()) {
                return;
            }
            append(bytes, fds);
            awaitWritable();
        } else {
            // Behind bytes the loop will write (a gathered batch, or a socket that was full).
            append(bytes, fds);
        }
    }

    /** Adds {@code bytes} (and {@code fds}, now the writer's) to what the loop writes at the end of the current input. */
    synchronized void gather(ByteBuffer bytes, List<Fd> fds) {
        if (closed) {
            fds.forEach(Fd::close);
            return;
        }
        append(bytes, fds);
    }

    /** Writes what waits, as far as the socket takes it (loop thread). */
    synchronized void flush() throws IOException {
        while (waiting != null && waiting.position() > 0) {
            waiting.flip();
            Attachment next = attachments.peekFirst();
            int written;
            if (next != null && next.offset == 0) {
                // A fresh sendmsg for the request with descriptors: nothing before it shares the message.
                int end = attachments.size() > 1 ? second().offset : waiting.limit();
                written = sendWithFds(waiting, end, next.fds);
                if (written > 0) {
                    attachments.removeFirst();
                    next.fds.forEach(Fd::close);
                }
            } else {
                int limit = waiting.limit();
                waiting.limit(next != null ? next.offset : limit);
                written = channel.write(waiting);
                waiting.limit(limit);
            }
            waiting.compact();
            for (Attachment a : attachments) {
                a.offset -= written;
            }
            if (written == 0) {
                awaitWritable();
                return;
            }
        }
        if (waiting != null && waiting.capacity() > KEEP) {
            waiting = null;
        }
        if (writeInterest) {
            writeInterest = false;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    /** Drops what waits and closes the descriptors not sent (the connection is closing). */
    synchronized void discard() {
        closed = true;
        waiting = null;
        for (Attachment a : attachments) {
            a.fds.forEach(Fd::close);
        }
        attachments.clear();
    }

    private Attachment second() {
        var it = attachments.iterator();
        it.next();
        return it.next();
    }

    /**
     * Sends {@code from}'s bytes up to {@code end} in one sendmsg with {@code fds} attached; advances
     * {@code from} by what was sent (0: nothing, descriptors included, went).
     */
    private int sendWithFds(ByteBuffer from, int end, List<Fd> fds) throws IOException {
        if (scm == null) {
            scm = new ScmRights();
        }
        int length = end - from.position();
        if (direct == null || direct.capacity() < length) {
            direct = ByteBuffer.allocateDirect(Math.max(length, 4096));
        }
        direct.clear();
        direct.put(from.duplicate().limit(end)).flip();
        int[] numbers = new int[fds.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = fds.get(i).number();
        }
        int sent = scm.send(socketFd, direct, numbers);
        from.position(from.position() + sent);
        if (direct.capacity() > KEEP) {
            direct = null;
        }
        return sent;
    }

    private void append(ByteBuffer bytes, List<Fd> fds) {
        if (waiting == null) {
            waiting = ByteBuffer.allocate(Math.max(bytes.remaining(), 4096));
        } else if (waiting.remaining() < bytes.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(waiting.capacity() * 2, waiting.position() + bytes.remaining()));
            waiting.flip();
            bigger.put(waiting);
            waiting = bigger;
        }
        if (!fds.isEmpty()) {
            attachments.addLast(new Attachment(waiting.position(), fds));
        }
        waiting.put(bytes);
    }

    private void awaitWritable() {
        if (!writeInterest) {
            writeInterest = true;
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            key.selector().wakeup();
        }
    }
}
