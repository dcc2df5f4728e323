package dev.qapi.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls of one connection waiting for their replies, by id, and their deadlines. Callers add,
 * the loop thread removes (reply, timeout) and anybody may forget (cancel). Once closed, nothing is
 * added any more.
 */
final class PendingCalls implements QmpEventLoop.Deadlines {
    private final String peer;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    // Guarded by `this`.
    private final Map<Long, Call> calls = new HashMap<>();
    private boolean closed;
    /** Whether the loop is watching these deadlines. */
    private boolean watched;
    /** The earliest deadline of a pending call, while {@link #watched}. */
    private long earliest;

    PendingCalls(String peer) {
        this.peer = peer;
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** What {@link #add} did. */
    enum Added { CLOSED, ADDED, ADDED_FIRST_DEADLINE }

    synchronized Added add(Call call) {
        if (closed) {
            return Added.CLOSED;
        }
        calls.put(call.id, call);
        if (!call.hasDeadline()) {
            return Added.ADDED;
        }
        boolean first = !watched;
        if (first || call.deadline - earliest < 0) {
            earliest = call.deadline;
        }
        watched = true;
        return first ? Added.ADDED_FIRST_DEADLINE : Added.ADDED;
    }

    /**
     * The call a reply with id {@code id} answers, or null when there is none: a late reply to a call
     * that timed out or was cancelled (counted) when the id was sent, else a protocol error for the
     * caller to report.
     */
    Call answered(long id) {
        Call c;
        synchronized (this) {
            c = calls.remove(id);
        }
        if (c == null && id > 0 && id <= ids.get()) {
            late.incrementAndGet();
        }
        return c;
    }

    /** Whether {@code id} was sent (its reply is late rather than unknown). */
    boolean wasSent(long id) {
        return id > 0 && id <= ids.get();
    }

    long lateReplies() {
        return late.get();
    }

    synchronized int size() {
        return calls.size();
    }

    synchronized void forget(Call call) {
        calls.remove(call.id, call);
    }

    /** Closes: returns every pending call, and refuses new ones. */
    synchronized List<Call> close() {
        closed = true;
        watched = false;
        List<Call> all = new ArrayList<>(calls.values());
        calls.clear();
        return all;
    }

    @Override
    public long expire(long now) {
        List<Call> expired = null;
        long next = Long.MAX_VALUE;
        synchronized (this) {
            if (!watched) {
                return Long.MAX_VALUE;
            }
            if (earliest - now > 0) {
                return earliest;
            }
            for (var it = calls.values().iterator(); it.hasNext(); ) {
                Call c = it.next();
                if (!c.hasDeadline()) {
                    continue;
                }
                if (c.deadline - now <= 0) {
                    it.remove();
                    if (expired == null) {
                        expired = new ArrayList<>();
                    }
                    expired.add(c);
                } else if (next == Long.MAX_VALUE || c.deadline - next < 0) {
                    next = c.deadline;
                }
            }
            watched = next != Long.MAX_VALUE;
            earliest = next;
        }
        if (expired != null) {
            for (Call c : expired) {
                c.completeExceptionally(new TimeoutException(peer + ": " + c.command + " timed out after "
                        + Duration.ofNanos(c.timeoutNanos).toMillis() + " ms (id " + c.id
                        + "); a late reply will be dropped"));
            }
        }
        return next;
    }
}
