package dev.qapi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Selectors (each with a read buffer) that synchronous callers borrow to wait for their reply on the
 * socket themselves, instead of being woken by the event loop after it read the reply: one wake-up
 * less per round trip. A few are kept for reuse (two per CPU), so their descriptors stay bounded
 * however many threads call.
 */
final class CallerSelectors {
    private static final int KEEP = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ConcurrentLinkedQueue<Lease> IDLE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();
    /** Selectors open now, lent out or idle (each holds two descriptors: an epoll and an eventfd). */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private CallerSelectors() {
    }

    /** How many of these selectors are open (for tests that count the process's descriptors). */
    static int open() {
        return OPEN.get();
    }

    /** A selector and a read buffer, for one thread at a time. */
    record Lease(Selector selector, ByteBuffer buffer) {
    }

    /**
     * A lease for waiting on {@code channel}: preferably one that waited on it last time, whose
     * registration is still in place (switching a selector's interest costs a system call each way).
     */
    static Lease borrow(SelectableChannel channel) {
        for (Lease l : IDLE) {
            SelectionKey k = channel.keyFor(l.selector());
            if (k != null && k.isValid() && k.interestOps() == SelectionKey.OP_READ && IDLE.remove(l)) {
                IDLE_COUNT.decrementAndGet();
                return l;
            }
        }
        Lease l = IDLE.poll();
        if (l != null) {
            IDLE_COUNT.decrementAndGet();
            return l;
        }
        try {
            Lease opened = new Lease(Selector.open(), ByteBuffer.allocate(QmpEventLoop.READ_BUFFER_SIZE));
            OPEN.incrementAndGet();
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Makes {@code lease}'s selector watch {@code channel} for input, and nothing else. */
    static SelectionKey watch(Lease lease, SelectableChannel channel) throws IOException {
        SelectionKey mine = channel.keyFor(lease.selector());
        for (SelectionKey k : lease.selector().keys()) {
            if (k != mine && k.isValid() && k.interestOps() != 0) {
                k.interestOps(0);
            }
        }
        if (mine == null) {
            return channel.register(lease.selector(), SelectionKey.OP_READ);
        }
        if (mine.interestOps() != SelectionKey.OP_READ) {
            mine.interestOps(SelectionKey.OP_READ);
        }
        return mine;
    }

    /**
     * Lets the idle selectors drop {@code channel}, just closed. A channel registered with a selector is
     * closed (its descriptor released) only once every selector has processed its cancelled key, which an
     * idle selector does at its next select: without this, a closed connection's descriptor would stay
     * open until that selector is borrowed again. Selectors lent out do it in their own next select.
     */
    static void release(SelectableChannel channel) {
        for (Lease l : IDLE) {
            if (channel.keyFor(l.selector()) != null && IDLE.remove(l)) {
                try {
                    l.selector().selectNow();
                } catch (IOException ignored) {
                    // the key stays cancelled; it goes at the selector's next select
                }
                IDLE.add(l);
            }
        }
    }

    static void giveBack(Lease lease) {
        if (IDLE_COUNT.incrementAndGet() <= KEEP) {
            IDLE.add(lease);
            return;
        }
        IDLE_COUNT.decrementAndGet();
        OPEN.decrementAndGet();
        try {
            lease.selector().close();
        } catch (IOException ignored) {
            // nothing held any more
        }
    }
}
