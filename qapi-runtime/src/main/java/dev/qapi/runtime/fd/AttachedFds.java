package dev.qapi.runtime.fd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The descriptors that came with one request, as QEMU's {@code qemu_chr_fe_get_msgfd} sees them: a
 * command takes the first ({@link #take()}, the rest are closed) or all of them; whatever no command
 * took is closed by {@link #close()} once the request is done, so a descriptor is never leaked nor
 * handed to a later command. Used by one thread at a time (the one running the command).
 */
public final class AttachedFds implements AutoCloseable {
    private static final AttachedFds NONE = new AttachedFds(List.of());

    private List<Fd> fds;

    private AttachedFds(List<Fd> fds) {
        this.fds = fds;
    }

    /** Nothing attached (a TCP client, or a request sent without descriptors). */
    public static AttachedFds none() {
        return NONE;
    }

    /** Takes ownership of {@code fds}, in the order they arrived. */
    public static AttachedFds of(List<Fd> fds) {
        return fds.isEmpty() ? NONE : new AttachedFds(new ArrayList<>(fds));
    }

    /** How many descriptors are still attached. */
    public synchronized int count() {
        return fds.size();
    }

    /**
     * The first attached descriptor, now the caller's; any others are closed, as QEMU's
     * {@code qemu_chr_fe_get_msgfd} does. Empty when none was attached or it was taken already.
     */
    public synchronized Optional<Fd> take() {
        if (fds.isEmpty()) {
            return Optional.empty();
        }
        Fd first = fds.get(0);
        for (int i = 1; i < fds.size(); i++) {
            fds.get(i).close();
        }
        fds = List.of();
        return Optional.of(first);
    }

    /** Every attached descriptor, now the caller's. */
    public synchronized List<Fd> takeAll() {
        List<Fd> all = fds;
        fds = List.of();
        return all;
    }

    /** Closes whatever was not taken. */
    @Override
    public synchronized void close() {
        for (Fd fd : fds) {
            fd.close();
        }
        fds = List.of();
    }
}
