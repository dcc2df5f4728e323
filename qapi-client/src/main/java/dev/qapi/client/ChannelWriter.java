package dev.qapi.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The output side of one connection. A request from another thread is written straight to the socket
 * by that thread (no hand-off to the loop); a request made on the loop thread while it handles input
 * (a completion that sends the next call) is gathered and written with the others of that input in one
 * system call at its end. What the socket does not take waits here, later requests queue behind it,
 * and the loop writes it out when the socket can take more.
 */
final class ChannelWriter {
    /** A gathering buffer up to this size is kept for the next batch. */
    private static final int KEEP = 16 << 10;

    private final SocketChannel channel;
    private final SelectionKey key;
    // Guarded by `this`: bytes not written yet (write mode), and whether the loop waits for OP_WRITE.
    private ByteBuffer waiting;
    private boolean writeInterest;

    ChannelWriter(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    /** Writes {@code bytes} whole, now or later, after everything written before. */
    synchronized void write(ByteBuffer bytes) throws IOException {
        if (waiting == null || waiting.position() == 0) {
            channel.write(bytes);
            if (!bytes.hasRemaining()) {
                return;
            }
            append(bytes);
            awaitWritable();
        } else {
            // Behind bytes the loop will write (a gathered batch, or a socket that was full).
            append(bytes);
        }
    }

    /** Adds {@code bytes} to what the loop writes at the end of the current input (loop thread). */
    synchronized void gather(ByteBuffer bytes) {
        append(bytes);
    }

    /** Writes what waits, as far as the socket takes it (loop thread). */
    synchronized void flush() throws IOException {
        if (waiting == null || waiting.position() == 0) {
            return;
        }
        waiting.flip();
        channel.write(waiting);
        waiting.compact();
        if (waiting.position() > 0) {
            awaitWritable();
            return;
        }
        if (waiting.capacity() > KEEP) {
            waiting = null;
        }
        if (writeInterest) {
            writeInterest = false;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    /** Drops what waits (the connection is closing). */
    synchronized void discard() {
        waiting = null;
    }

    private void append(ByteBuffer bytes) {
        if (waiting == null) {
            waiting = ByteBuffer.allocate(Math.max(bytes.remaining(), 4096));
        } else if (waiting.remaining() < bytes.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(waiting.capacity() * 2, waiting.position() + bytes.remaining()));
            waiting.flip();
            bigger.put(waiting);
            waiting = bigger;
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
