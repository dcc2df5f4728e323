package dev.qapi.runtime.fd;

import dev.qapi.runtime.QmpException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * QEMU's file descriptor sets ({@code add-fd}, {@code remove-fd}, {@code query-fdsets}): numbered
 * sets, shared by every monitor of a server, of descriptors the server owns until they are removed. Ids,
 * order and error texts are QEMU 10.0's. Thread-safe.
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
            if (set.fds.isEmpty()) {
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
     * the sets that hold no descriptor. (Descriptors stay until {@code remove-fd}: they are the
     * client's to remove.)
     */
    public synchronized void freeEmpty() {
        sets.removeIf(set -> set.fds.isEmpty());
    }

    /** How many descriptors the sets hold. */
    public synchronized int size() {
        int n = 0;
        for (FdSet set : sets) {
            n += set.fds.size();
        }
        return n;
    }

    /** Closes every descriptor and forgets every set (the server is closing). */
    @Override
    public synchronized void close() {
        for (FdSet set : sets) {
            set.fds.forEach(owned -> owned.fd().close());
        }
        sets.clear();
    }
}
