package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.AsyncCommandHandler;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.event.EventSink;
import dev.qapi.runtime.fd.AttachedFds;
import dev.qapi.runtime.fd.FdSets;
import dev.qapi.runtime.fd.NamedFds;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * A QMP server: socket chardevs with QMP monitors on them, all served by one event-loop thread, with
 * QEMU's wire behaviour. Commands come from a {@link CommandRegistry} (generated registration plus
 * {@link ProtocolCommands}); out-of-band commands run on the loop thread as their requests are parsed, and
 * in-band commands one at a time, on the loop thread too unless {@link #offload offloaded} or
 * {@link AsyncCommandHandler asynchronous}: a handler that may block must be one of those.
 *
 * <p>Chardevs and monitors can be added and removed at any time, from any thread, including from a
 * command handler on the loop (then the change is immediate). Events sent through {@link #emit} go to
 * every monitor in command mode.
 *
 * <p>The loop thread is a daemon: it does not keep the JVM alive. An application whose main thread has
 * nothing else to do waits in {@link #awaitClose()} until something (a shutdown hook, a command such as
 * {@code quit}) calls {@link #close()}:
 *
 * <pre>{@code
 * try (QmpServer server = new QmpServer(registry, QmpServer.version(11, 1, 0, ""), CompatPolicy.DEFAULT)) {
 *     server.addChardev("qmp", UnixDomainSocketAddress.of("/tmp/qmp.sock"));
 *     server.addMonitor("qmp", Optional.empty(), false, false);
 *     Runtime.getRuntime().addShutdownHook(new Thread(server::close)); // SIGTERM, Ctrl-C
 *     server.awaitClose();
 * }
 * }</pre>
 */
public final class QmpServer implements EventSink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(QmpServer.class.getName());

    /**
     * A monitor, as {@code query-monitors} reports it.
     *
     * @param id its id
     * @param chardev the chardev it is on
     * @param pretty whether it pretty-prints
     * @param dynamic whether it was added at run time (as opposed to at start-up)
     * @param connected whether a client is connected
     */
    public record MonitorView(String id, String chardev, boolean pretty, boolean dynamic, boolean connected) {
    }

    /**
     * A chardev, as {@code query-chardev} reports it.
     *
     * @param id its id (QEMU's label)
     * @param filename QEMU's description of it, e.g. {@code disconnected:unix:/p,server=on}
     * @param frontendOpen whether a frontend is attached and a client connected
     * @param address the bound address
     */
    public record ChardevView(String id, String filename, boolean frontendOpen, SocketAddress address) {
    }

    private final EventLoop loop = new EventLoop("qmp-io");
    private final CommandRegistry registry;
    private final QmpDispatcher dispatcher;
    private final ObjectNode version;
    private final CompatPolicy policy;
    private final Map<String, SocketChardev> chardevs = new LinkedHashMap<>();
    private final Map<String, QmpMonitor> monitors = new LinkedHashMap<>();
    private long generatedIds;
    private QmpMonitor current;
    private final InBandScheduler scheduler = new InBandScheduler();
    private final InputBudget inputBudget = new InputBudget();
    private final EventRateLimiter limiter = new EventRateLimiter(loop, this::broadcast);
    /** The monitor of an offloaded command, on the thread that runs it. */
    private static final ThreadLocal<QmpMonitor> OFFLOADED = new ThreadLocal<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CloseHooks closeHooks = new CloseHooks();
    /** The descriptors of an offloaded command, on the thread that runs it. */
    private static final ThreadLocal<AttachedFds> OFFLOADED_FDS = new ThreadLocal<>();
    /** QEMU's fd sets, shared by every monitor. */
    private final FdSets fdSets = new FdSets();
    /** Each monitor's named descriptors (QEMU's {@code mon->fds}), closed with the monitor. */
    private final Map<QmpMonitor, NamedFds> namedFds = new IdentityHashMap<>();
    /** The descriptors that came with the request running on the loop. */
    private AttachedFds attached = AttachedFds.none();

    /**
     * A server for the commands in {@code registry}.
     *
     * @param version the greeting's and {@code query-version}'s {@code version}:
     *     {@code {"qemu": {"major", "minor", "micro"}, "package"}}
     */
    public QmpServer(CommandRegistry registry, ObjectNode version, CompatPolicy policy) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.version = version.deepCopy();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.dispatcher = new QmpDispatcher(registry, policy);
        loop.start();
    }

    /** {@code {"qemu": {"major": M, "minor": N, "micro": U}, "package": P}}. */
    public static ObjectNode version(int major, int minor, int micro, String pkg) {
        ObjectNode qemu = QmpDispatcher.NODES.objectNode();
        qemu.put("major", major);
        qemu.put("minor", minor);
        qemu.put("micro", micro);
        ObjectNode v = QmpDispatcher.NODES.objectNode();
        v.set("qemu", qemu);
        v.put("package", pkg);
        return v;
    }

    public CommandRegistry registry() {
        return registry;
    }

    public CompatPolicy policy() {
        return policy;
    }

    /** The version object itself, for answers that only get written (never mutated). */
    ObjectNode versionShared() {
        return version;
    }

    /** A copy of the version object. */
    public ObjectNode versionInfo() {
        return version.deepCopy();
    }

    /**
     * Puts the server in the preconfig phase, as QEMU's {@code --preconfig} does: until
     * {@link #exitPreconfig}, only commands whose schema says {@code allow-preconfig} run; any other is
     * refused with QEMU's error ({@code The command 'NAME' is permitted only after machine initialization
     * has completed}). Call it before clients connect; calling it again while in the phase does nothing.
     *
     * @throws IllegalStateException once the phase is over: like QEMU, the server cannot go back
     */
    public void startPreconfig() {
        dispatcher.startPreconfig();
    }

    /**
     * Ends the preconfig phase, which is what an implementation of {@code x-exit-preconfig} calls once its
     * machine is initialized; from then on every command runs.
     *
     * @throws QmpException {@code The command is permitted only before machine initialization}, QEMU's
     *     answer to {@code x-exit-preconfig} outside the phase (never entered, or already left)
     */
    public void exitPreconfig() {
        dispatcher.exitPreconfig();
    }

    /** Whether the server is in the preconfig phase. */
    public boolean inPreconfig() {
        return dispatcher.inPreconfig();
    }

    QmpDispatcher dispatcher() {
        return dispatcher;
    }

    ObjectNode greeting(List<String> capabilities) {
        ObjectNode qmp = QmpDispatcher.NODES.objectNode();
        qmp.set("version", version.deepCopy());
        ArrayNode caps = qmp.putArray("capabilities");
        capabilities.forEach(caps::add);
        ObjectNode greeting = QmpDispatcher.NODES.objectNode();
        greeting.set("QMP", qmp);
        return greeting;
    }

    /** Sets the monitor whose command runs on the loop; returns the one before. */
    QmpMonitor current(QmpMonitor monitor) {
        QmpMonitor previous = current;
        current = monitor;
        return previous;
    }

    /** Sets the descriptors of the request about to run on the loop; returns the ones before. */
    AttachedFds attached(AttachedFds fds) {
        AttachedFds previous = attached;
        attached = fds;
        return previous;
    }

    EventLoop loop() {
        return loop;
    }

    InBandScheduler scheduler() {
        return scheduler;
    }

    InputBudget inputBudget() {
        return inputBudget;
    }

    /**
     * Bounds what clients can make the server hold all together: the input of their unfinished
     * messages (a single token may be 64 MiB, as in QEMU) and their answers not yet sent. Past
     * {@code bytes}, every monitor holding 64 KiB or more but the one holding the most is no longer read
     * (as QEMU suspends a monitor; none is closed) until the total is back within the budget; then they
     * are read again in the order they were suspended. Monitors holding less (ordinary requests and
     * answers) are never held up. Without a budget (the default) only the per-client limits apply.
     * The memory this takes at worst is about the budget plus one message of 64 MiB.
     *
     * @param bytes the budget, or {@link Long#MAX_VALUE} for none
     */
    public void inputBudget(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("input budget must be positive: " + bytes);
        }
        loop.execute(() -> inputBudget.limit(bytes));
    }

    /** The bytes the input budget counts now, for tests. */
    long inputBudgetUsed() {
        return loop.call(inputBudget::used);
    }

    /**
     * The monitor whose command is running, when called from a command handler: one on the loop thread,
     * or one moved to another thread with {@link #offload}.
     */
    public Optional<String> currentMonitorId() {
        QmpMonitor m = callerMonitor();
        return m != null ? Optional.of(m.id()) : Optional.empty();
    }

    private QmpMonitor callerMonitor() {
        return loop.inLoop() ? current : OFFLOADED.get();
    }

    /**
     * Runs a registered command on {@code executor} instead of the I/O thread, for a command that blocks
     * or takes long: the I/O thread goes on reading every monitor and running out-of-band commands, and
     * in-band requests wait until it is done (QEMU's model, where in-band commands run one at a time in
     * the main loop). Costs two thread hand-offs per request. {@link #currentMonitorId()} works within it.
     *
     * @throws IllegalStateException if {@code command} is not registered
     */
    public void offload(String command, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        registry.rebind(command, handler -> (AsyncCommandHandler) (args, ctx) -> {
            QmpMonitor caller = ctx instanceof MonitorContext mc ? mc.monitor() : null;
            AttachedFds fds = attachedFds();
            return CompletableFuture.supplyAsync(() -> {
                OFFLOADED.set(caller);
                OFFLOADED_FDS.set(fds);
                try {
                    return handler.invoke(args, ctx);
                } finally {
                    OFFLOADED.remove();
                    OFFLOADED_FDS.remove();
                }
            }, executor);
        });
    }

    // ---- descriptors ------------------------------------------------------------------------------

    /** The descriptor sets ({@code add-fd}, {@code remove-fd}, {@code query-fdsets}), shared by all monitors. */
    public FdSets fdSets() {
        return fdSets;
    }

    /**
     * The named descriptors ({@code getfd}, {@code closefd}) of the monitor whose command is running;
     * they are closed when that monitor is removed or the server closes.
     *
     * @throws IllegalStateException when called from outside a command
     */
    public NamedFds monitorFds() {
        QmpMonitor m = callerMonitor();
        if (m == null) {
            throw new IllegalStateException("no command is running");
        }
        synchronized (namedFds) {
            return namedFds.computeIfAbsent(m, k -> new NamedFds());
        }
    }

    /**
     * The descriptors that came with the running command's request (none from outside a command, for
     * TCP clients, or when none were sent): take them or leave them; those left are closed once the
     * command is done. Works on the loop and in {@link #offload offloaded} commands; an
     * {@link AsyncCommandHandler} takes them before it returns its stage.
     */
    public AttachedFds attachedFds() {
        if (!loop.inLoop()) {
            AttachedFds fds = OFFLOADED_FDS.get();
            return fds != null ? fds : AttachedFds.none();
        }
        return current != null ? attached : AttachedFds.none();
    }

    /** A monitor is gone: its named descriptors are closed and empty fd sets freed, as QEMU does. */
    private void monitorGone(QmpMonitor monitor) {
        NamedFds fds;
        synchronized (namedFds) {
            fds = namedFds.remove(monitor);
        }
        if (fds != null) {
            fds.close();
        }
        fdSets.freeEmpty();
    }

    // ---- chardevs ---------------------------------------------------------------------------------

    /**
     * Adds a listening socket chardev.
     *
     * @throws QmpException {@code Chardev with id 'ID' already exists}, or a bind failure
     */
    public ChardevView addChardev(String id, SocketAddress address) {
        return loop.call(() -> {
            if (chardevs.containsKey(id)) {
                throw QmpException.generic("Chardev with id '" + id + "' already exists");
            }
            SocketChardev chardev = SocketChardev.open(id, address, loop);
            chardevs.put(id, chardev);
            LOG.fine(() -> "chardev " + id + " listening on " + chardev.filename());
            return view(chardev);
        });
    }

    /**
     * Removes a chardev that has no frontend.
     *
     * @throws QmpException {@code Chardev 'ID' not found}, {@code Chardev 'ID' is busy}
     */
    public void removeChardev(String id) {
        loop.call(() -> {
            SocketChardev chardev = chardevs.get(id);
            if (chardev == null) {
                throw QmpException.generic("Chardev '" + id + "' not found");
            }
            if (chardev.hasFrontend()) {
                throw QmpException.generic("Chardev '" + id + "' is busy");
            }
            chardevs.remove(id);
            chardev.close();
            LOG.fine(() -> "chardev " + id + " removed");
            return null;
        });
    }

    /** Every chardev, in creation order. */
    public List<ChardevView> chardevs() {
        return loop.call(() -> chardevs.values().stream().map(QmpServer::view).toList());
    }

    private static ChardevView view(SocketChardev c) {
        return new ChardevView(c.id(), c.filename(), c.hasFrontend() && c.connected(), c.address());
    }

    // ---- monitors ---------------------------------------------------------------------------------

    /**
     * Adds a QMP monitor on an existing chardev; a connected client gets its greeting at once.
     *
     * @param id the monitor's id, or empty to generate one ({@code #mon0}, {@code #mon1}...: a {@code #}
     *     can never start a well-formed user id)
     * @return the monitor's id
     * @throws QmpException {@code monitor 'ID' already exists}, {@code chardev 'C' not found},
     *     {@code chardev 'C' is already in use}
     */
    public String addMonitor(String chardevId, Optional<String> id, boolean pretty, boolean dynamic) {
        return loop.call(() -> {
            if (id.isPresent() && monitors.containsKey(id.get())) {
                throw QmpException.generic("monitor '" + id.get() + "' already exists");
            }
            SocketChardev chardev = chardevs.get(chardevId);
            if (chardev == null) {
                throw QmpException.generic("chardev '" + chardevId + "' not found");
            }
            if (chardev.hasFrontend()) {
                throw QmpException.generic("chardev '" + chardevId + "' is already in use");
            }
            String monitorId = id.orElseGet(this::generateId);
            QmpMonitor monitor = new QmpMonitor(this, monitorId, chardev, pretty, dynamic);
            monitors.put(monitorId, monitor);
            chardev.attach(monitor);
            LOG.fine(() -> "monitor " + monitorId + " added on chardev " + chardevId);
            return monitorId;
        });
    }

    private String generateId() {
        String id;
        do {
            id = "#mon" + generatedIds++;
        } while (monitors.containsKey(id));
        return id;
    }

    /**
     * Removes a monitor. Called by the monitor's own client, its response is sent before the client is
     * dropped; otherwise its client is dropped at once. Requests it had not yet run are never run. Who
     * calls is known on the loop thread and in offloaded commands; an asynchronous handler completing on
     * a thread of its own uses {@link MonitorContext#removeMonitor} instead.
     *
     * @throws QmpException {@code monitor 'ID' not found}
     */
    public void removeMonitor(String id) {
        removeMonitor(id, callerMonitor());
    }

    /** Removes monitor {@code id} at the request of a command of {@code caller} (null: from outside). */
    void removeMonitor(String id, QmpMonitor caller) {
        loop.call(() -> {
            QmpMonitor monitor = monitors.remove(id);
            if (monitor == null) {
                throw QmpException.generic("monitor '" + id + "' not found");
            }
            monitor.remove(monitor == caller);
            monitorGone(monitor);
            LOG.fine(() -> "monitor " + id + " removed");
            return null;
        });
    }

    /** Every monitor, in creation order. */
    public List<MonitorView> monitors() {
        return loop.call(() -> {
            List<MonitorView> out = new ArrayList<>();
            for (QmpMonitor m : monitors.values()) {
                out.add(new MonitorView(m.id(), m.chardev().id(), m.pretty(), m.dynamic(), m.connected()));
            }
            return out;
        });
    }

    /** Unsent output bytes of a monitor's client (0 when none), to check that slow readers stay bounded. */
    int pendingOutput(String monitorId) {
        return loop.call(() -> {
            QmpMonitor m = monitors.get(monitorId);
            return m == null ? 0 : m.pendingOutput();
        });
    }

    // ---- events -----------------------------------------------------------------------------------

    /**
     * Sends an event to every monitor in command mode:
     * {@code {"timestamp": {"seconds", "microseconds"}, "event": NAME, "data": DATA}}, with {@code data}
     * left out when null or empty, and rate-limited as {@link #throttleEvents} says (QEMU's table by
     * default). The timestamp is taken now.
     */
    @Override
    public void emit(String name, ObjectNode data) {
        Instant now = Instant.now();
        ObjectNode timestamp = QmpDispatcher.NODES.objectNode();
        timestamp.put("seconds", now.getEpochSecond());
        timestamp.put("microseconds", now.getNano() / 1000);
        ObjectNode message = QmpDispatcher.NODES.objectNode();
        message.set("timestamp", timestamp);
        message.put("event", name);
        if (data != null && !data.isEmpty()) {
            message.set("data", data);
        }
        loop.execute(() -> limiter.offer(name, data, message));
    }

    /**
     * Sets which events are rate-limited ({@link EventThrottle#qemu()} unless set): from then on, for
     * events raised afterwards.
     */
    public void throttleEvents(EventThrottle throttle) {
        Objects.requireNonNull(throttle, "throttle");
        loop.execute(() -> limiter.throttle(throttle));
    }

    private void broadcast(ObjectNode message) {
        for (QmpMonitor m : monitors.values()) {
            m.event(message);
        }
    }

    /**
     * Has {@code resource} closed when the server closes: what command handlers hold that the server
     * cannot see (open files, descriptors copied out of an fd set, executors), which would otherwise stay
     * open until the process exits. {@link #close()} closes each once, after the loop has been stopped and
     * the server's own chardevs, monitors and descriptors closed, the last registered first (as
     * try-with-resources does), on the thread that called {@code close()} (the loop thread when a handler
     * closes the server), before {@link #awaitClose()} returns. A resource that throws is logged
     * ({@code java.util.logging}, WARNING) and the others are still closed. Registered once the server is
     * closing, it is closed at once. Callable from any thread.
     *
     * <p>An offloaded or asynchronous command still running on a thread of its own when the server closes
     * may still be using such a resource: an embedder that lets one outlive the server shuts its executor
     * down first (register the executor last, so it is closed first).
     */
    public void onClose(AutoCloseable resource) {
        closeHooks.add(Objects.requireNonNull(resource, "resource"));
    }

    /**
     * Stops the loop and closes every chardev (removing Unix socket files), then what was registered with
     * {@link #onClose}; then {@link #awaitClose()} returns. Idempotent and callable from any thread, a
     * command handler on the loop included: the first call closes; a later one returns at once on the loop
     * thread and, elsewhere, once the first is done. On a closed server, the methods that act through the
     * loop (adding or removing chardevs and monitors, listing them) throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            if (!loop.inLoop()) {
                awaitUninterruptibly();
            }
            return;
        }
        try {
            loop.call(() -> {
                for (SocketChardev c : chardevs.values()) {
                    c.close();
                }
                chardevs.clear();
                monitors.values().forEach(this::monitorGone);
                monitors.clear();
                fdSets.close();
                return null;
            });
            loop.stop();
        } finally {
            try {
                closeHooks.run();
            } finally {
                closed.countDown();
            }
        }
    }

    /**
     * Waits until the server is closed: what the main thread of a program that only serves QMP does once
     * it has set the server up (the loop thread is a daemon and does not keep the JVM alive).
     *
     * @throws IllegalStateException on the loop thread (a command handler), which would wait for itself
     */
    public void awaitClose() throws InterruptedException {
        notOnLoop();
        closed.await();
    }

    /**
     * Waits at most {@code timeout} until the server is closed.
     *
     * @return whether it is closed
     * @throws IllegalStateException on the loop thread (a command handler), which would wait for itself
     */
    public boolean awaitClose(long timeout, TimeUnit unit) throws InterruptedException {
        notOnLoop();
        return closed.await(timeout, unit);
    }

    /** Whether {@link #close()} has finished. */
    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void notOnLoop() {
        if (loop.inLoop()) {
            throw new IllegalStateException("awaitClose() called on the server's own loop thread");
        }
    }

    private void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
