package dev.qapi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Selectors (each with a read buffer) that synchronous callers borrow to wait for their reply on the
 * socket themselves, instead of being woken by the event loop after it read the reply: one wake-up
 * less per round trip. A few are kept for reuse (two per CPU), so their descriptors stay bounded
 * however many threads call; more are opened while more callers wait at once, and closed when given
 * back.
 *
 * <p>A connection asks for the lease it used last: while that one is free, borrowing it costs one
 * compare-and-set, and its selector still watches the connection's socket and nothing else, so no
 * registration or interest changes (a system call each) are needed.
 */
final class CallerSelectors {
    private static final int KEEP = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** The kept leases, filled as needed; a slot never changes once filled. */
    private static final AtomicReferenceArray<Lease> KEPT = new AtomicReferenceArray<>(KEEP);
    /** Selectors open now, lent out or idle (each holds two descriptors: an epoll and an eventfd). */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private CallerSelectors() {
    }

    /** How many of these selectors are open (for tests that count the process's descriptors). */
    static int open() {
        return OPEN.get();
    }

    /** A selector and a read buffer, for one thread at a time. */
    static final class Lease {
        private final Selector selector;
        private final ByteBuffer buffer;
        /** Whether it is one of the kept ones (else it is closed when given back). */
        private final boolean kept;
        private final AtomicBoolean lent = new AtomicBoolean(true);
        /** The channel its selector watched last (others have no interest); whoever holds the lease. */
        private SelectableChannel watching;

        private Lease(boolean kept) {
            try {
                this.selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector", e);
            }
            OPEN.incrementAndGet();
            this.buffer = ByteBuffer.allocate(QmpEventLoop.READ_BUFFER_SIZE);
            this.kept = kept;
        }

        Selector selector() {
            return selector;
        }

        ByteBuffer buffer() {
            return buffer;
        }

        private boolean take() {
            return !lent.get() && lent.compareAndSet(false, true);
        }
    }

    /**
     * A lease for waiting on {@code channel}: {@code preferred} (the one the caller used last) if it is
     * free, else preferably one that waited on the channel last time, whose registration is still in
     * place (switching a selector's interest costs a system call each way).
     */
    static Lease borrow(SelectableChannel channel, Lease preferred) {
        if (preferred != null && preferred.kept && preferred.take()) {
            return preferred;
        }
        Lease free = null;
        for (int i = 0; i < KEEP; i++) {
            Lease l = KEPT.get(i);
            if (l == null) {
                if (free != null) {
                    return free;
                }
                Lease opened = new Lease(true);
                if (KEPT.compareAndSet(i, null, opened)) {
                    return opened;
                }
                close(opened);
                l = KEPT.get(i);
            }
            if (free == null && l.take()) {
                SelectionKey k = channel.keyFor(l.selector);
                if (k != null && k.isValid() && l.watching == channel) {
                    return l;
                }
                free = l;
            }
        }
        return free != null ? free : new Lease(false);
    }

    /** Makes {@code lease}'s selector watch {@code channel} for input, and nothing else. */
    static void watch(Lease lease, SelectableChannel channel) throws IOException {
        SelectionKey mine = channel.keyFor(lease.selector);
        if (lease.watching == channel && mine != null && mine.isValid()) {
            return;
        }
        for (SelectionKey k : lease.selector.keys()) {
            if (k != mine && k.isValid() && k.interestOps() != 0) {
                k.interestOps(0);
            }
        }
        if (mine == null) {
            channel.register(lease.selector, SelectionKey.OP_READ);
        } else if (mine.interestOps() != SelectionKey.OP_READ) {
            mine.interestOps(SelectionKey.OP_READ);
        }
        lease.watching = channel;
    }

    /**
     * Lets the idle selectors drop {@code channel}, just closed. A channel registered with a selector is
     * closed (its descriptor released) only once every selector has processed its cancelled key, which an
     * idle selector does at its next select: without this, a closed connection's descriptor would stay
     * open until that selector is borrowed again. Selectors lent out do it in their own next select.
     */
    static void release(SelectableChannel channel) {
        for (int i = 0; i < KEEP; i++) {
            Lease l = KEPT.get(i);
            if (l != null && channel.keyFor(l.selector) != null && l.take()) {
                try {
                    // With an action, so the selected-key set stays unused: a key left in it would make a
                    // later plain select() return 0 for that connection's pending input.
                    l.selector.selectNow(key -> { });
                } catch (IOException ignored) {
                    // the key stays cancelled; it goes at the selector's next select
                } finally {
                    giveBack(l);
                }
            }
        }
    }

    static void giveBack(Lease lease) {
        if (lease.kept) {
            lease.lent.set(false);
        } else {
            close(lease);
        }
    }

    private static void close(Lease lease) {
        OPEN.decrementAndGet();
        try {
            lease.selector.close();
        } catch (IOException ignored) {
            // nothing held any more
        }
    }
}
