package dev.qapi.runtime.server;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an embedder asked the server to close when it closes ({@link QmpServer#onClose}): resources its
 * command handlers hold, which the server cannot see. Each runs once, the last registered first (as
 * try-with-resources closes), and a failure is logged, never thrown, so the others still run. Thread-safe.
 */
final class CloseHooks {
    private static final Logger LOG = Logger.getLogger(QmpServer.class.getName());

    private final List<AutoCloseable> hooks = new ArrayList<>();
    private boolean ran;

    /** Adds {@code hook}; once they have run, closes it at once instead, so it is not left open. */
    void add(AutoCloseable hook) {
        synchronized (this) {
            if (!ran) {
                hooks.add(hook);
                return;
            }
        }
        close(hook);
    }

    /** Closes every hook added so far, the last added first; later calls do nothing. */
    void run() {
        List<AutoCloseable> toRun;
        synchronized (this) {
            if (ran) {
                return;
            }
            ran = true;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        for (int i = toRun.size() - 1; i >= 0; i--) {
            close(toRun.get(i));
        }
    }

    private static void close(AutoCloseable hook) {
        try {
            hook.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "close hook " + hook + " interrupted", e);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "close hook " + hook + " failed", e);
        }
    }
}
