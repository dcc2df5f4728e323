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

    @Override
    public dev.qapi.runtime.fd.AttachedFds descriptors() {
        return server.attachedFds();
    }

    /** The server running the command. */
    public QmpServer server() {
        return server;
    }

    /** The id of the monitor that sent the command. */
    public String monitorId() {
        return monitor.id();
    }

    /**
     * Removes monitor {@code id} on behalf of this command, from any thread: the way for an
     * {@link dev.qapi.runtime.dispatch.AsyncCommandHandler} that completes on a thread of its own (where
     * {@link QmpServer#removeMonitor} cannot tell who asks) to remove its own monitor. When {@code id} is
     * the command's own monitor, its answer still goes out before the client is dropped.
     *
     * @throws dev.qapi.runtime.QmpException {@code monitor 'ID' not found}
     */
    public void removeMonitor(String id) {
        server.removeMonitor(id, monitor);
    }

    QmpMonitor monitor() {
        return monitor;
    }
}
