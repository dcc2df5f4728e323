package dev.qapi.runtime.server;

import java.util.ArrayDeque;

/**
 * QEMU's single in-band dispatcher: in-band commands of all monitors run one at a time. A request that
 * arrives while none runs is run at once by its monitor (no queueing, no thread hand-off); while one
 * runs (an asynchronous command), requests wait in their monitors' queues and are then served
 * round-robin, one request per monitor in turn. Owned by the event loop.
 */
final class InBandScheduler {
    private final ArrayDeque<QmpMonitor> ready = new ArrayDeque<>();
    private QmpMonitor running;
    private boolean draining;

    /** Whether no in-band command runs. */
    boolean idle() {
        return running == null;
    }

    /** Whether {@code monitor}'s in-band command runs. */
    boolean running(QmpMonitor monitor) {
        return running == monitor;
    }

    /** The monitor whose in-band command runs, or null. */
    QmpMonitor owner() {
        return running;
    }

    void begin(QmpMonitor monitor) {
        running = monitor;
    }

    void end(QmpMonitor monitor) {
        if (running == monitor) {
            running = null;
        }
    }

    /** {@code monitor} has queued requests. */
    void ready(QmpMonitor monitor) {
        if (!ready.contains(monitor)) {
            ready.add(monitor);
        }
    }

    /** {@code monitor}'s queue was dropped (its client left or it was removed). */
    void forget(QmpMonitor monitor) {
        ready.remove(monitor);
    }

    /** Runs queued requests, round-robin over the monitors, until one is still running or none is left. */
    void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (running == null && !ready.isEmpty()) {
                QmpMonitor monitor = ready.poll();
                monitor.runQueued();
                if (monitor.hasQueued()) {
                    ready(monitor);
                }
            }
        } finally {
            draining = false;
        }
    }
}
