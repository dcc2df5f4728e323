package dev.qapi.example;

import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.FileOpener;
import dev.qapi.runtime.fd.OpenFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The example's logs ({@code log-open}, {@code log-write}, {@code log-close}): files opened for appending
 * by name, shared by every monitor, to show a command taking a file name that may be {@code /dev/fdset/N}.
 * Opening goes through the runtime's {@link FileOpener}, so a log on a descriptor set holds a copy of the
 * set's write-only descriptor, and the set lives until the log is closed. Logs left open are closed
 * with the server ({@link #close()}, registered by {@link FdCommands} with {@code QmpServer.onClose}).
 * Thread-safe.
 */
final class Logs implements AutoCloseable {
    private final FileOpener opener;
    private final Map<String, Fd> open = new HashMap<>();

    Logs(FileOpener opener) {
        this.opener = opener;
    }

    synchronized void open(String id, String filename) {
        if (open.containsKey(id)) {
            throw QmpException.generic("Log '" + id + "' is already open");
        }
        // non-blocking: a pipe nobody reads fails a write instead of holding the server's loop for ever
        open.put(id, opener.open(filename,
                OpenFlags.O_WRONLY | OpenFlags.O_APPEND | OpenFlags.O_CREAT | OpenFlags.O_NONBLOCK));
    }

    synchronized void write(String id, String text) {
        try {
            log(id).write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw QmpException.generic("Could not write to log '" + id + "': " + e.getMessage());
        }
    }

    synchronized void close(String id) {
        log(id).close();
        open.remove(id);
    }

    /** Closes every log still open: the server is closing. */
    @Override
    public synchronized void close() {
        open.values().forEach(Fd::close);
        open.clear();
    }

    private Fd log(String id) {
        Fd fd = open.get(id);
        if (fd == null) {
            throw QmpException.generic("Log '" + id + "' is not open");
        }
        return fd;
    }
}
