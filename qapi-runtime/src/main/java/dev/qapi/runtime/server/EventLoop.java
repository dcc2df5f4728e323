package dev.qapi.runtime.server;

import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.ScmRights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's one I/O thread: a selector loop that owns every chardev, connection and monitor, so none
 * of them needs a lock. Work from other threads is queued and the selector woken; work from the loop
 * thread itself (a command handler adding a monitor, say) runs at once.
 */
final class EventLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(EventLoop.class.getName());

    /** Called when a registered channel is ready. */
    interface Handler {
        void ready(SelectionKey key) throws IOException;
    }

    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final Consumer<SelectionKey> onReady = this::ready;
    /** The one buffer every connection reads into; what a frontend leaves unconsumed is copied out. */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
    static final int READ_BUFFER_SIZE = 64 << 10;
    private final ByteBuffer ioBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private ScmRights scmRights;
    private final List<Fd> receivedFds = new ArrayList<>(2);
    /** Timers, earliest first; loop thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSeq;

    private record Timer(long deadline, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    EventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The shared read buffer; loop thread only, and only until the read's input is delivered. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /**
     * The loop's native buffer for socket reads and writes, so that the JDK needs no temporary one of
     * its own for each call (nor the caller a buffer object per write); loop thread only, and only for
     * the duration of one read or write.
     */
    ByteBuffer ioBuffer() {
        return ioBuffer;
    }

    /**
     * The loop's {@code recvmsg} header and the list it fills with received descriptors, shared by every
     * Unix connection (made on first use); loop thread only, and only for the duration of one read.
     */
    ScmRights scmRights() {
        if (scmRights == null) {
            scmRights = new ScmRights();
        }
        return scmRights;
    }

    List<Fd> receivedFds() {
        return receivedFds;
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs {@code task} on the loop thread and waits for its result; exceptions are rethrown.
     *
     * @throws IllegalStateException once the loop is stopped (the server is closed): the task does not run
     */
    <T> T call(Callable<T> task) {
        if (inLoop()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Call<T> call = new Call<>(task, result);
        tasks.add(call);
        // stop() clears running before the loop, on its way out, fails what is queued: a call queued
        // after that is taken back here, so no caller waits for a loop that is gone
        if (!running && tasks.remove(call)) {
            call.fail();
        }
        selector.wakeup();
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A {@link #call} waiting for the loop: run there, or failed when the loop stops first. */
    private record Call<T>(Callable<T> task, CompletableFuture<T> result) implements Runnable {
        @Override
        public void run() {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }

        void fail() {
            result.completeExceptionally(new IllegalStateException("the server is closed"));
        }
    }

    /** Runs {@code task} on the loop thread soon, without waiting (at once when on it already). */
    void execute(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop thread later, never from within the caller. */
    void later(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop thread after {@code delayNanos}; to be called on the loop thread. */
    void schedule(long delayNanos, Runnable task) {
        assert inLoop();
        timers.add(new Timer(System.nanoTime() + delayNanos, timerSeq++, task));
    }

    /** Runs the timers that are due; returns the milliseconds until the next one (0: none). */
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

    @Override
    public void run() {
        while (running) {
            try {
                long timeout = runTimers();
                // The consumer form hands over ready keys without the selected-key set's bookkeeping.
                selector.select(onReady, timeout);
                // Only the tasks queued so far: one that queues itself again (a connection going on
                // with its input a slice at a time) waits for the next turn, after the sockets.
                Runnable task;
                for (int n = tasks.size(); n > 0 && (task = tasks.poll()) != null; n--) {
                    task.run();
                }
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                LOG.log(Level.WARNING, "event loop error", e);
            }
        }
        // Stopped, from this thread (a handler closing the server) or another: callers still waiting
        // would wait for ever, so fail them; other queued work is dropped.
        Runnable task;
        while ((task = tasks.poll()) != null) {
            if (task instanceof Call<?> call) {
                call.fail();
            }
        }
        closeSelector();
    }

    private void ready(SelectionKey key) {
        if (key.isValid() && key.attachment() instanceof Handler handler) {
            try {
                handler.ready(key);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // One connection failing, even for lack of memory, must not take the loop (and every
                // other monitor) down with it: drop that connection.
                LOG.log(e instanceof OutOfMemoryError ? Level.SEVERE : Level.FINE, "channel failed", e);
                key.cancel();
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
        if (inLoop()) {
            // A handler closing the server runs inside select()'s callback: a selector closed there makes
            // that select() throw ClosedSelectorException (logged as a loop error). run() closes it on its
            // way out instead.
            return;
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSelector();
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
