package dev.qapi.runtime.server;

import dev.qapi.runtime.dispatch.CommandContext;
import dev.qapi.runtime.marshal.CompatPolicy;

/**
 * The context of a command run by a QMP monitor: which monitor (and so which client) sent it, on which
 * server. Command handlers that need it cast their {@code CommandContext}; typed implementations use
 * {@link QmpServer#currentMonitorId()}.
 */
public final class MonitorContext implements CommandContext {
    private final QmpServer server;
    private final QmpMonitor monitor;
    private final CompatPolicy policy;

    MonitorContext(QmpServer server, QmpMonitor monitor, CompatPolicy policy) {
        this.server = server;
        this.monitor = monitor;
        this.policy = policy;
    }

    @Override
    public CompatPolicy policy() {
        return policy;
    }

    /** The server running the command. */
    public QmpServer server() {
        return server;
    }

    /** The id of the monitor that sent the command. */
    public String monitorId() {
        return monitor.id();
    }

    QmpMonitor monitor() {
        return monitor;
    }
}
