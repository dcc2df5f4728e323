package dev.qapi.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One-off tasks of a {@link QmpEventLoop} (connect retries, connect and accept timeouts), due at a
 * {@code System.nanoTime()}; loop thread only. The loop watches them like the calls' deadlines, so
 * there is one mechanism for everything that is due at a time.
 */
final class LoopTimers implements QmpEventLoop.Deadlines {
    private static final Logger LOG = Logger.getLogger(LoopTimers.class.getName());

    private final TreeMap<Long, List<Runnable>> due = new TreeMap<>();
    private boolean watched;

    /**
     * Adds {@code task}.
     *
     * @return whether the loop must start watching these timers again
     */
    boolean add(long deadline, Runnable task) {
        due.computeIfAbsent(deadline, d -> new ArrayList<>(1)).add(task);
        boolean start = !watched;
        watched = true;
        return start;
    }

    @Override
    public long expire(long now) {
        Map.Entry<Long, List<Runnable>> first;
        while ((first = due.firstEntry()) != null && first.getKey() - now <= 0) {
            due.pollFirstEntry();
            for (Runnable task : first.getValue()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "client event loop timer failed", e);
                }
            }
        }
        if (due.isEmpty()) {
            watched = false;
            return Long.MAX_VALUE;
        }
        return due.firstKey();
    }
}
