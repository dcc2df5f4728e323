package dev.qapi.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The output side of one connection. The calling thread writes its request straight to the socket
 * (no hand-off to the loop: most requests fit the socket buffer at once); what does not fit waits here,
 * later requests queue behind it, and the loop writes it out when the socket can take more.
 */
final class ChannelWriter {
    private final SocketChannel channel;
    private final SelectionKey key;
    // Guarded by `this`.
    private ByteBuffer unwritten;

    ChannelWriter(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    /** Writes {@code bytes} whole, now or later, after everything written before. */
    synchronized void write(ByteBuffer bytes) throws IOException {
        if (unwritten == null) {
            channel.write(bytes);
            if (!bytes.hasRemaining()) {
                return;
            }
            unwritten = ByteBuffer.allocate(Math.max(bytes.remaining(), 4096));
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            key.selector().wakeup();
        } else if (unwritten.remaining() < bytes.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(unwritten.capacity() * 2,
                    unwritten.position() + bytes.remaining()));
            unwritten.flip();
            bigger.put(unwritten);
            unwritten = bigger;
        }
        unwritten.put(bytes);
    }

    /** Writes what waits, as far as the socket takes it (loop thread, when writable). */
    synchronized void flush() throws IOException {
        if (unwritten == null) {
            return;
        }
        unwritten.flip();
        channel.write(unwritten);
        if (unwritten.hasRemaining()) {
            unwritten.compact();
        } else {
            unwritten = null;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    /** Drops what waits (the connection is closing). */
    synchronized void discard() {
        unwritten = null;
    }
}
