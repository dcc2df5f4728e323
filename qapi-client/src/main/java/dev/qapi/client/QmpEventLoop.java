package dev.qapi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread with one NIO selector that serves any number of {@link QmpClient} connections: it reads
 * every socket, parses what arrives, completes the calls and times out the late ones. A fleet manager
 * with thousands of connections needs one of these, not a thread per connection.
 *
 * <p>{@link #shared()} is a process-wide loop (a daemon thread started on first use); create one of
 * your own to isolate a group of connections, and close it when done (that closes its connections).
 */
public final class QmpEventLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(QmpEventLoop.class.getName());
    /** Size of the loop's one read buffer, shared by all its connections. */
    static final int READ_BUFFER_SIZE = 64 << 10;
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    /** Called on the loop thread when a registered channel is ready. */
    interface Handler {
        void ready(SelectionKey key) throws IOException;

        /** The channel failed unexpectedly; release everything. */
        void failed(Throwable cause);
    }

    /** Something with call deadlines the loop must watch. */
    interface Deadlines {
        /**
         * Times out what is due at {@code now}.
         *
         * @return the next deadline, or {@link Long#MAX_VALUE} when nothing is left to watch (the loop
         *     then forgets this until it is {@link #watch watched} again)
         */
        long expire(long now);
    }

    private static final class Holder {
        static final QmpEventLoop SHARED = new QmpEventLoop("qmp-client-io");
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Deadlines> newlyWatched = new ConcurrentLinkedQueue<>();
    private final List<Deadlines> watched = new ArrayList<>();
    /**
     * When the loop next looks at deadlines (nanoTime). Callers lower it with a compare-and-set when
     * their deadline is earlier and wake the selector; the loop raises it only after a sweep. A call
     * whose deadline is later than this (the usual case: same timeout as the calls before it) costs no
     * wake-up.
     */
    private final AtomicLong nextSweep = new AtomicLong(NO_DEADLINE);
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSeq;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
    private final Consumer<SelectionKey> onReady = this::ready;
    private volatile boolean running = true;

    private record Timer(long deadline, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A new loop with its own thread (a daemon), named {@code name}. */
    public QmpEventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The process-wide loop, started on first use and never closed. */
    public static QmpEventLoop shared() {
        return Holder.SHARED;
    }

    /** Whether the calling thread is this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    Selector selector() {
        return selector;
    }

    /** The loop's read buffer; loop thread only, for the duration of one read and its parsing. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Runs {@code task} on the loop thread: at once when already on it, else soon. */
    void execute(Runnable task) {
        if (inLoop()) {
            task.run();
        } else {
            submit(task);
        }
    }

    /** Runs {@code task} on the loop thread soon, never from within the caller. */
    void submit(Runnable task) {
        if (!running) {
            throw new IllegalStateException("event loop " + thread.getName() + " is closed");
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop thread after {@code delayNanos}; loop thread only. */
    void schedule(long delayNanos, Runnable task) {
        timers.add(new Timer(System.nanoTime() + delayNanos, timerSeq++, task));
    }

    /**
     * Makes sure the loop looks at {@code d} by {@code deadline}. Any thread; {@code newlyAdded} says
     * that {@code d} is not being watched yet (the caller tracks that, under its own lock).
     */
    void watch(Deadlines d, long deadline, boolean newlyAdded) {
        if (newlyAdded) {
            newlyWatched.add(d);
        }
        long planned;
        while (deadline - (planned = nextSweep.get()) < 0) {
            if (nextSweep.compareAndSet(planned, deadline)) {
                if (!inLoop()) {
                    selector.wakeup();
                }
                return;
            }
        }
    }

    private void run() {
        while (running) {
            try {
                long timeout = runTimers();
                long sweepIn = sweepDeadlines();
                if (sweepIn > 0 && (timeout == 0 || sweepIn < timeout)) {
                    timeout = sweepIn;
                }
                selector.select(onReady, timeout);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "client event loop error", e);
            }
        }
        shutDown();
    }

    /** Sweeps the deadlines when due; returns milliseconds until the next sweep (0: none planned). */
    private long sweepDeadlines() {
        Deadlines d;
        boolean added = false;
        while ((d = newlyWatched.poll()) != null) {
            watched.add(d);
            added = true;
        }
        long now = System.nanoTime();
        long planned = nextSweep.get();
        if (planned == NO_DEADLINE && !added) {
            return 0;
        }
        if (now - planned >= 0 || added) {
            // Callers that lower their deadlines while we sweep see NO_DEADLINE and wake us.
            nextSweep.set(NO_DEADLINE);
            long next = NO_DEADLINE;
            for (int i = watched.size() - 1; i >= 0; i--) {
                long n = watched.get(i).expire(now);
                if (n == NO_DEADLINE) {
                    watched.set(i, watched.get(watched.size() - 1));
                    watched.remove(watched.size() - 1);
                } else if (n - next < 0 || next == NO_DEADLINE) {
                    next = n;
                }
            }
            if (next != NO_DEADLINE) {
                watch(null, next, false);
            }
            planned = nextSweep.get();
            if (planned == NO_DEADLINE) {
                return 0;
            }
        }
        return Math.max(1, (planned - now + 999_999) / 1_000_000);
    }

    private long runTimers() {
        while (!timers.isEmpty()) {
            long wait = timers.peek().deadline() - System.nanoTime();
            if (wait > 0) {
                return Math.max(1, (wait + 999_999) / 1_000_000);
            }
            timers.poll().task().run();
        }
        return 0;
    }

    private void ready(SelectionKey key) {
        if (key.isValid() && key.attachment() instanceof Handler handler) {
            try {
                handler.ready(key);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // One connection failing, even for lack of memory, must not take the others down.
                handler.failed(e);
            }
        }
    }

    /** Closes every connection on this loop and stops its thread. The shared loop cannot be closed. */
    @Override
    public void close() {
        if (this == Holder.SHARED) {
            throw new IllegalStateException("the shared event loop cannot be closed");
        }
        if (!running) {
            return;
        }
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void shutDown() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
        for (SelectionKey key : List.copyOf(selector.keys())) {
            if (key.attachment() instanceof Handler handler) {
                handler.failed(new IOException("event loop " + thread.getName() + " closed"));
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing selector", e);
        }
    }
}
