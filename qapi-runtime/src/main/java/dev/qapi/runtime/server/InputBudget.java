package dev.qapi.runtime.server;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-wide budget for what clients make the server hold: input of unfinished messages and
 * answers not yet sent ({@link QmpServer#inputBudget}). Past it, every monitor holding a lot
 * ({@value #MIN_HELD} bytes or more) but the one holding the most stops being read, as QEMU suspends
 * a monitor; none is closed. The one holding the most goes on, so that someone always finishes and
 * gives memory back; once the total is within the budget again, the suspended ones are read again in
 * the order they were suspended. Monitors holding less (requests, ordinary answers) are never
 * suspended. Off unless set. Owned by the event loop.
 */
final class InputBudget {
    /** Monitors holding less than this are not counted (and so never suspended). */
    static final long MIN_HELD = 64 << 10;

    private long limit = Long.MAX_VALUE;
    private long used;
    private final Map<QmpMonitor, Long> holders = new LinkedHashMap<>();
    private final ArrayDeque<QmpMonitor> suspended = new ArrayDeque<>();

    /** Sets the budget in bytes ({@link Long#MAX_VALUE}: none). */
    void limit(long bytes) {
        limit = bytes;
        rebalance();
    }

    /** What the budget counts now: the bytes held by monitors holding {@value #MIN_HELD} or more. */
    long used() {
        return used;
    }

    /** {@code monitor} now holds {@code held} bytes (0 when it holds less than {@link #MIN_HELD}). */
    void update(QmpMonitor monitor, long held) {
        Long before = held > 0 ? holders.put(monitor, held) : holders.remove(monitor);
        used += held - (before == null ? 0 : before);
        rebalance();
    }

    /** {@code monitor}'s client left or the monitor went away: it holds nothing and waits for nothing. */
    void forget(QmpMonitor monitor) {
        suspended.remove(monitor);
        update(monitor, 0);
    }

    private void rebalance() {
        if (used <= limit) {
            QmpMonitor m;
            while ((m = suspended.poll()) != null) {
                m.budgetResume();
            }
            return;
        }
        QmpMonitor largest = null;
        long most = 0;
        for (Map.Entry<QmpMonitor, Long> e : holders.entrySet()) {
            if (e.getValue() > most) {
                largest = e.getKey();
                most = e.getValue();
            }
        }
        for (QmpMonitor m : holders.keySet()) {
            if (m != largest && !suspended.contains(m)) {
                suspended.add(m);
                m.budgetSuspend();
            }
        }
        if (largest != null && suspended.remove(largest)) {
            largest.budgetResume();
        }
    }
}
