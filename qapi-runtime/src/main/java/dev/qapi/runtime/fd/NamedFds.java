package dev.qapi.runtime.fd;

import dev.qapi.runtime.QmpException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One monitor's named descriptors ({@code getfd}, {@code closefd}; QEMU's {@code mon->fds}): owned until
 * closed, taken by the code that uses them (a device, a network backend), or closed with the monitor.
 * Names are QEMU's rules and error texts. Thread-safe.
 */
public final class NamedFds implements AutoCloseable {
    private final Map<String, Fd> fds = new LinkedHashMap<>();
    private boolean closed;

    /**
     * Keeps {@code fd} under {@code name}, closing the descriptor that had the name before. A name
     * starting with a digit is refused (and {@code fd} closed): such names mean descriptor numbers
     * where QEMU accepts either.
     *
     * @throws QmpException {@code Parameter 'fdname' expects a name not starting with a digit}
     */
    public void put(String name, Fd fd) {
        if (!name.isEmpty() && name.charAt(0) >= '0' && name.charAt(0) <= '9') {
            fd.close();
            throw QmpException.generic("Parameter 'fdname' expects a name not starting with a digit");
        }
        Fd previous;
        synchronized (this) {
            if (closed) {
                previous = fd;
            } else {
                previous = fds.put(name, fd);
            }
        }
        if (previous != null) {
            previous.close();
        }
    }

    /**
     * Closes the descriptor named {@code name}.
     *
     * @throws QmpException {@code File descriptor named 'NAME' not found}
     */
    public void close(String name) {
        Fd fd;
        synchronized (this) {
            fd = fds.remove(name);
        }
        if (fd == null) {
            throw QmpException.generic("File descriptor named '" + name + "' not found");
        }
        fd.close();
    }

    /**
     * Takes the descriptor named {@code name} out of the monitor: the caller owns it now (QEMU's
     * {@code monitor_get_fd}).
     *
     * @throws QmpException {@code File descriptor named 'NAME' has not been found}
     */
    public synchronized Fd take(String name) {
        Fd fd = fds.remove(name);
        if (fd == null) {
            throw QmpException.generic("File descriptor named '" + name + "' has not been found");
        }
        return fd;
    }

    /** The names in use. */
    public synchronized List<String> names() {
        return new ArrayList<>(fds.keySet());
    }

    /** Closes every descriptor (the monitor is gone); later {@link #put}s close what they are given. */
    @Override
    public void close() {
        List<Fd> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(fds.values());
            fds.clear();
        }
        all.forEach(Fd::close);
    }
}
