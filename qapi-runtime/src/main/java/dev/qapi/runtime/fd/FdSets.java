package dev.qapi.runtime.fd;

import com.sun.jna.LastErrorException;
import dev.qapi.runtime.QmpException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * QEMU's file descriptor sets ({@code add-fd}, {@code remove-fd}, {@code query-fdsets}): numbered
 * sets, shared by every monitor of a server, of descriptors the server owns until they are removed. Ids,
 * order and error texts are QEMU 10.0's. Commands that open a file named {@code /dev/fdset/N} get a copy
 * of one of set N's descriptors ({@link #dup}, or {@link FileOpener} for any file name); a set with copies
 * still open is not freed when its descriptors are removed, but when its last copy is closed, as in
 * QEMU. Thread-safe.
 */
public final class FdSets implements AutoCloseable {
    /** A descriptor in a set, with the client's free-form note. */
    public record Entry(int fd, Optional<String> opaque) {
    }

    /** One set as {@code query-fdsets} lists it: its descriptors oldest first. */
    public record SetInfo(long fdsetId, List<Entry> fds) {
    }

    /** Where {@link #add} put a descriptor. */
    public record Added(long fdsetId, int fd) {
    }

    private static final class FdSet {
        final long id;
        /** Newest first, as QEMU inserts them. */
        final ArrayDeque<Owned> fds = new ArrayDeque<>();
        /** The copies handed out by {@link #dup} and not closed yet (QEMU's {@code dup_fds}). */
        final Set<Fd> dups = Collections.newSetFromMap(new IdentityHashMap<>());

        /** QEMU's {@code monitor_fdset_free_if_empty}: descriptors are the client's, copies the server's. */
        boolean unused() {
            return fds.isEmpty() && dups.isEmpty();
        }

        FdSet(long id) {
            this.id = id;
        }
    }

    private record Owned(Fd fd, Optional<String> opaque) {
    }

    /** Ascending ids, as QEMU keeps its list. */
    private final List<FdSet> sets = new ArrayList<>();

    /**
     * Adds {@code fd} to set {@code fdsetId}, creating it if needed, or when no id is given to a new set
     * with the lowest free id. On failure {@code fd} is closed.
     *
     * @throws QmpException {@code Parameter 'fdset-id' expects a non-negative value}
     */
    public synchronized Added add(Fd fd, OptionalLong fdsetId, Optional<String> opaque) {
        FdSet set = null;
        if (fdsetId.isPresent()) {
            long id = fdsetId.getAsLong();
            int at = 0;
            while (at < sets.size() && sets.get(at).id < id) {
                at++;
            }
            if (at < sets.size() && sets.get(at).id == id) {
                set = sets.get(at);
            } else if (id < 0) {
                fd.close();
                throw QmpException.generic("Parameter 'fdset-id' expects a non-negative value");
            } else {
                set = new FdSet(id);
                sets.add(at, set);
            }
        } else {
            long id = 0;
            int at = 0;
            while (at < sets.size() && sets.get(at).id == id) {
                id++;
                at++;
            }
            set = new FdSet(id);
            sets.add(at, set);
        }
        int number = fd.number();
        set.fds.addFirst(new Owned(fd, opaque));
        return new Added(set.id, number);
    }

    /**
     * Removes and closes descriptor {@code fd} of set {@code fdsetId}, or every descriptor of the set;
     * a set left empty is freed.
     *
     * @throws QmpException {@code File descriptor named 'fdset-id:S, fd:F' not found} (or
     *     {@code 'fdset-id:S'} without {@code fd})
     */
    public synchronized void remove(long fdsetId, OptionalLong fd) {
        for (Iterator<FdSet> it = sets.iterator(); it.hasNext();) {
            FdSet set = it.next();
            if (set.id != fdsetId) {
                continue;
            }
            boolean found = fd.isEmpty();
            for (Iterator<Owned> fds = set.fds.iterator(); fds.hasNext();) {
                Owned owned = fds.next();
                if (fd.isPresent() && owned.fd().number() != fd.getAsLong()) {
                    continue;
                }
                fds.remove();
                owned.fd().close();
                if (fd.isPresent()) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                break;
            }
            if (set.unused()) {
                it.remove();
            }
            return;
        }
        String name = fd.isPresent() ? "fdset-id:" + fdsetId + ", fd:" + fd.getAsLong() : "fdset-id:" + fdsetId;
        throw QmpException.generic("File descriptor named '" + name + "' not found");
    }

    /** Every set, highest id first, each with its descriptors oldest first (QEMU's order). */
    public synchronized List<SetInfo> query() {
        List<SetInfo> out = new ArrayList<>(sets.size());
        for (int i = sets.size() - 1; i >= 0; i--) {
            FdSet set = sets.get(i);
            List<Entry> entries = new ArrayList<>(set.fds.size());
            for (Iterator<Owned> it = set.fds.descendingIterator(); it.hasNext();) {
                Owned owned = it.next();
                entries.add(new Entry(owned.fd().number(), owned.opaque()));
            }
            out.add(new SetInfo(set.id, List.copyOf(entries)));
        }
        return out;
    }

    /**
     * QEMU's {@code monitor_fdsets_cleanup}, run when a monitor is removed or its client leaves: frees
     * the sets that hold no descriptor and no open copy. (Descriptors stay until {@code remove-fd}: they
     * are the client's to remove.)
     */
    public synchronized void freeEmpty() {
        sets.removeIf(FdSet::unused);
    }

    /**
     * QEMU's {@code monitor_fdset_dup_fd_add}, behind {@code qemu_open("/dev/fdset/N")}: a close-on-exec
     * copy of the newest descriptor of set {@code fdsetId} whose access mode (and {@code O_DIRECT}) is that
     * of {@code flags}, with {@code flags}' other status flags set on it ({@code O_APPEND},
     * {@code O_NONBLOCK}...) and the file truncated for {@code O_TRUNC} or {@code O_CREAT|O_EXCL}. The set
     * keeps its own descriptor; the copy counts as the set's until it is closed (or
     * {@linkplain Fd#release released}), so the set lives on until then even if {@code remove-fd} empties it.
     *
     * @param flags {@link OpenFlags} as for {@code open(2)}
     * @throws QmpException with QEMU's texts: {@code Failed to find fdset /dev/fdset/N},
     *     {@code Failed to find file descriptor with matching flags=0xF}, {@code Failed to read file status
     *     flags for fd=D}, {@code Failed to dup() given file descriptor fd=D} (also when {@code O_SYNC}
     *     differs, which {@code fcntl} cannot change)
     */
    public synchronized Fd dup(long fdsetId, int flags) {
        FdSet set = null;
        for (FdSet s : sets) {
            if (s.id == fdsetId) {
                set = s;
                break;
            }
        }
        if (set == null) {
            throw QmpException.generic("Failed to find fdset /dev/fdset/" + fdsetId);
        }
        int mask = OpenFlags.O_ACCMODE | OpenFlags.O_DIRECT;
        Fd match = null;
        for (Owned owned : set.fds) {
            int number = owned.fd().number();
            int status;
            try {
                status = Libc.fcntl(number, Libc.F_GETFL, 0);
            } catch (LastErrorException e) {
                throw QmpException.generic("Failed to read file status flags for fd=" + number);
            }
            if ((flags & mask) == (status & mask)) {
                match = owned.fd();
                break;
            }
        }
        if (match == null) {
            throw QmpException.generic(String.format("Failed to find file descriptor with matching flags=0x%x", flags));
        }
        Fd copy = dupFlags(match.number(), flags);
        FdSet owner = set;
        set.dups.add(copy);
        copy.onUntrack(() -> dupClosed(owner, copy));
        return copy;
    }

    /** QEMU's {@code qemu_dup_flags}: a copy with {@code flags}' status flags, truncated if they say so. */
    private static Fd dupFlags(int number, int flags) {
        Fd copy = null;
        try {
            copy = Fd.adopt(Libc.fcntl(number, Libc.F_DUPFD_CLOEXEC, 0));
            int status = Libc.fcntl(copy.number(), Libc.F_GETFL, 0);
            if ((flags & OpenFlags.O_SYNC) != (status & OpenFlags.O_SYNC)) {
                throw new LastErrorException(Libc.EINVAL);
            }
            Libc.fcntl(copy.number(), Libc.F_SETFL, flags);
            if ((flags & OpenFlags.O_TRUNC) != 0
                    || (flags & (OpenFlags.O_CREAT | OpenFlags.O_EXCL)) == (OpenFlags.O_CREAT | OpenFlags.O_EXCL)) {
                Libc.ftruncate(copy.number(), 0);
            }
            return copy;
        } catch (LastErrorException e) {
            if (copy != null) {
                copy.close();
            }
            throw QmpException.generic("Failed to dup() given file descriptor fd=" + number);
        }
    }

    /** QEMU's {@code monitor_fdset_dup_fd_remove}: the copy is closed; its set is freed if nothing is left. */
    private synchronized void dupClosed(FdSet set, Fd copy) {
        set.dups.remove(copy);
        if (set.unused()) {
            sets.remove(set);
        }
    }

    /** How many descriptors the sets hold. */
    public synchronized int size() {
        int n = 0;
        for (FdSet set : sets) {
            n += set.fds.size();
        }
        return n;
    }

    /**
     * Closes every descriptor and forgets every set (the server is closing). Copies handed out by
     * {@link #dup} are their holders' to close.
     */
    @Override
    public synchronized void close() {
        for (FdSet set : sets) {
            set.fds.forEach(owned -> owned.fd().close());
        }
        sets.clear();
    }
}
