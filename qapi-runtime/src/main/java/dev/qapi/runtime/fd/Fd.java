package dev.qapi.runtime.fd;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file descriptor that this object owns: it is closed by {@link #close()} unless someone took
 * it with {@link #release()} first. Descriptors received over a socket are handed around as {@code Fd}s
 * so that one nobody takes is closed rather than leaked. Safe to use from any thread; closing twice
 * does nothing.
 */
public final class Fd implements AutoCloseable {
    private final AtomicInteger number;
    /** Run once when this object stops owning the descriptor (closed or released): a dup's set forgets it. */
    private volatile Runnable untrack;

    private Fd(int number) {
        this.number = new AtomicInteger(number);
    }

    /**
     * Takes ownership of descriptor {@code number}.
     *
     * @throws IllegalArgumentException for a negative number
     */
    public static Fd adopt(int number) {
        if (number < 0) {
            throw new IllegalArgumentException("not a descriptor: " + number);
        }
        return new Fd(number);
    }

    /**
     * The descriptor number, still owned by this object.
     *
     * @throws IllegalStateException once closed or released
     */
    public int number() {
        int n = number.get();
        if (n < 0) {
            throw new IllegalStateException("descriptor already closed or released");
        }
        return n;
    }

    /** Whether this object still owns an open descriptor. */
    public boolean isOpen() {
        return number.get() >= 0;
    }

    /**
     * Hands the descriptor over: the caller now owns (and must close) it; this object no longer does.
     * A descriptor from {@link FdSets#dup} stops counting as its set's dup then, as the runtime cannot see
     * when the caller closes it.
     *
     * @throws IllegalStateException once closed or released
     */
    public int release() {
        int n = number.getAndSet(-1);
        if (n < 0) {
            throw new IllegalStateException("descriptor already closed or released");
        }
        untracked();
        return n;
    }

    /**
     * A new descriptor for the same open file (close-on-exec), owned by the object returned: for code
     * that must keep a descriptor beyond the time its owner promises to hold it open.
     *
     * @throws IllegalStateException once closed or released
     * @throws java.io.UncheckedIOException when the process has no descriptor left
     */
    public Fd duplicate() {
        try {
            return adopt(Libc.fcntl(number(), Libc.F_DUPFD_CLOEXEC, 0));
        } catch (com.sun.jna.LastErrorException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException("cannot duplicate " + this + ": " + e.getMessage()));
        }
    }

    /**
     * Writes all of {@code data} to the descriptor, for a handler that writes to a file a client passed.
     * On a blocking descriptor (as received ones are) this waits while a pipe or socket is full; a
     * handler on the server's loop should open with {@link OpenFlags#O_NONBLOCK} rather than wait on a
     * client: then a full pipe fails with {@code Resource temporarily unavailable} (part of
     * {@code data} may be written).
     *
     * @throws IOException with the system's reason
     * @throws IllegalStateException once closed or released
     */
    public void write(byte[] data) throws IOException {
        byte[] left = data;
        while (left.length > 0) {
            long n;
            try {
                n = Libc.write(number(), left, left.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Libc.EINTR) {
                    continue;
                }
                throw new IOException(Libc.strerror(e.getErrorCode()));
            }
            left = Arrays.copyOfRange(left, (int) n, left.length);
        }
    }

    /** Closes the descriptor, unless it was closed or released before. */
    @Override
    public void close() {
        int n = number.getAndSet(-1);
        if (n >= 0) {
            Libc.close(n);
            untracked();
        }
    }

    /** Has {@code action} run once when this object stops owning the descriptor. */
    void onUntrack(Runnable action) {
        untrack = action;
    }

    private void untracked() {
        Runnable action = untrack;
        untrack = null;
        if (action != null) {
            action.run();
        }
    }

    @Override
    public String toString() {
        int n = number.get();
        return n >= 0 ? "Fd[" + n + "]" : "Fd[closed]";
    }
}
