package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.CommandContext;
import dev.qapi.runtime.fd.AttachedFds;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.json.JsonMessage;
import dev.qapi.runtime.json.JsonParseError;
import dev.qapi.runtime.json.JsonStreamer;
import dev.qapi.runtime.json.JsonWriter;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * A QMP monitor on a chardev: greeting on every new client, capabilities negotiation, then commands,
 * with QEMU's queueing: out-of-band requests run the moment they are parsed; in-band requests run one at
 * a time across all monitors ({@link InBandScheduler}), at once when nothing else runs, else they wait in
 * this monitor's queue. Without oob the monitor stops reading while one of its requests waits or runs
 * (lock-step); with oob it stops when {@value #QUEUE_MAX} wait. Everything of one client (partial
 * input, queue, negotiation state, replies still to come) is dropped when it leaves.
 */
final class QmpMonitor implements Frontend, QmpDispatcher.Session {
    private static final Logger LOG = Logger.getLogger(QmpMonitor.class.getName());
    /** Events are dropped for a client that has this much unsent output (it is not reading). */
    static final int EVENT_DROP_LIMIT = 4 << 20;
    /** QEMU's {@code QMP_REQ_QUEUE_LEN_MAX}: with oob on, reading stops while this many requests wait. */
    static final int QUEUE_MAX = 8;
    /**
     * How long one connection's input is handled before the loop turns to the others (checked after
     * each message, so one slow command can still take longer).
     */
    static final long SLICE_NANOS = 100_000;

    private final QmpServer server;
    private final String id;
    private final SocketChardev chardev;
    private final boolean pretty;
    private final boolean dynamic;
    private final JsonWriter writer;
    private final JsonStreamer streamer = new JsonStreamer();
    private SocketChardev.Connection connection;
    private boolean negotiating = true;
    private boolean oobEnabled;
    private boolean removed;
    private boolean receiving;
    private boolean suspended;
    /** Not read because the server's input budget is spent ({@link InputBudget}). */
    private boolean overBudget;
    /** What this monitor last told the input budget it holds. */
    private long reportedHeld;
    /** The context handed to this monitor's commands (immutable, so shared by all of them). */
    private MonitorContext context;
    private boolean detachPending;
    /** In-band requests waiting for the scheduler (parse errors included, as in QEMU). */
    private final ArrayDeque<JsonMessage> queue = new ArrayDeque<>(4);
    /** The descriptors of each queued request, in step with {@link #queue}. */
    private final ArrayDeque<AttachedFds> queuedFds = new ArrayDeque<>(4);
    /**
     * Descriptors received and not yet given to a request: the next request parsed gets them (they
     * came with its bytes, or just before them as QEMU's {@code send_fd_scm} sends them). Newer ones
     * replace older ones, as in QEMU.
     */
    private AttachedFds pendingFds = AttachedFds.none();

    QmpMonitor(QmpServer server, String id, SocketChardev chardev, boolean pretty, boolean dynamic) {
        this.server = server;
        this.id = id;
        this.chardev = chardev;
        this.pretty = pretty;
        this.dynamic = dynamic;
        this.writer = pretty ? JsonWriter.pretty() : JsonWriter.compact();
    }

    String id() {
        return id;
    }

    SocketChardev chardev() {
        return chardev;
    }

    boolean pretty() {
        return pretty;
    }

    boolean dynamic() {
        return dynamic;
    }

    boolean connected() {
        return connection != null;
    }

    @Override
    public boolean negotiating() {
        return negotiating;
    }

    @Override
    public boolean oobEnabled() {
        return oobEnabled;
    }

    /** The capabilities this monitor offers: {@code oob} (socket chardevs run in the I/O thread). */
    java.util.List<String> offeredCapabilities() {
        return java.util.List.of("oob");
    }

    /** Leaves negotiation mode, with {@code oob} enabled or not. */
    void enterCommandMode(boolean oob) {
        negotiating = false;
        oobEnabled = oob;
    }

    @Override
    public CommandContext context(CompatPolicy policy) {
        MonitorContext c = context;
        if (c == null || c.policy() != policy) {
            c = new MonitorContext(server, this, policy);
            context = c;
        }
        return c;
    }

    @Override
    public void opened(SocketChardev.Connection c) {
        connection = c;
        streamer.reset();
        negotiating = true;
        oobEnabled = false;
        send(server.greeting(offeredCapabilities()));
    }

    @Override
    public void closed() {
        connection = null;
        dropClientState();
        // As QEMU on a client's disconnect: fd sets left empty are freed (their descriptors stay).
        server.fdSets().freeEmpty();
    }

    /** Forgets the client's partial input and queued requests (never run, never answered). */
    private void dropClientState() {
        streamer.reset();
        negotiating = true;
        oobEnabled = false;
        clearQueue();
        suspended = false;
        server.scheduler().forget(this);
        forgetHeld();
    }

    private void forgetHeld() {
        overBudget = false;
        reportedHeld = 0;
        server.inputBudget().forget(this);
    }

    /**
     * Tells the input budget what this monitor holds now: the input of its unfinished message and its
     * client's unsent answers (counted only from {@link InputBudget#MIN_HELD} on, so that ordinary
     * traffic costs nothing here).
     */
    void accountHeld() {
        SocketChardev.Connection c = connection;
        long held = c == null || removed ? 0 : streamer.held() + c.pending();
        if (held < InputBudget.MIN_HELD) {
            held = 0;
        }
        if (held != reportedHeld) {
            reportedHeld = held;
            server.inputBudget().update(this, held);
        }
    }

    /** Stops reading: the server's input budget is spent and others hold less. */
    void budgetSuspend() {
        overBudget = true;
        if (connection != null) {
            connection.suspend();
        }
    }

    /** Reads again, unless the monitor is suspended for a reason of its own. */
    void budgetResume() {
        overBudget = false;
        if (connection != null && !suspended) {
            connection.resume();
        }
    }

    @Override
    public void flushed() {
        accountHeld();
    }

    @Override
    public void receivedFds(List<Fd> fds) {
        pendingFds.close();
        pendingFds = AttachedFds.of(fds);
    }

    /** Drops the queued requests and closes every descriptor no request has run with. */
    private void clearQueue() {
        queue.clear();
        queuedFds.forEach(AttachedFds::close);
        queuedFds.clear();
        pendingFds.close();
        pendingFds = AttachedFds.none();
    }

    @Override
    public boolean busy() {
        return !queue.isEmpty() || server.scheduler().running(this);
    }

    @Override
    public void received(ByteBuffer data) {
        SocketChardev.Connection c = connection;
        if (suspended || overBudget) {
            return;
        }
        receiving = true;
        long start = System.nanoTime();
        try {
            streamer.feed(data, message -> {
                handle(message, c);
                // Stop at once when the monitor went away, the client can no longer be answered or the
                // monitor is suspended (its queue is full, or without oob a request is in flight).
                // Also stop while the client does not read its answers: the rest waits until they drain.
                // And stop once this input has had its slice of the loop: the rest is taken up on a
                // later turn, after the other connections had theirs.
                return !removed && connection == c && c.isOpen() && !suspended && !overBudget
                        && c.pending() < SocketChardev.OUTPUT_HIGH_WATER
                        && System.nanoTime() - start < SLICE_NANOS;
            });
        } finally {
            receiving = false;
        }
        if (removed || connection != c) {
            data.position(data.limit());
        }
        accountHeld();
    }

    private void handle(JsonMessage message, SocketChardev.Connection c) {
        if (removed || connection != c) {
            return;
        }
        AttachedFds fds = pendingFds;
        pendingFds = AttachedFds.none();
        if (message instanceof JsonMessage.Parsed parsed && QmpDispatcher.isOob(parsed.value())) {
            // Out-of-band: run now, whatever is queued or running (it fails if oob was not negotiated).
            run(message, c, false, fds);
            return;
        }
        InBandScheduler scheduler = server.scheduler();
        if (queue.isEmpty() && scheduler.idle()) {
            run(message, c, true, fds);
        } else {
            queue.add(message);
            queuedFds.add(fds);
            scheduler.ready(this);
        }
        if (mustSuspend()) {
            suspended = true;
            c.suspend();
        }
    }

    /** QEMU's suspend rule: with oob, while the queue is full; without, while a request waits or runs. */
    private boolean mustSuspend() {
        return oobEnabled ? queue.size() >= QUEUE_MAX : busy();
    }

    /** Runs the next queued in-band request; called by the scheduler when no in-band command runs. */
    void runQueued() {
        JsonMessage message = queue.poll();
        if (message == null) {
            return;
        }
        run(message, connection, true, queuedFds.poll());
        if (suspended && !mustSuspend()) {
            resume();
        }
    }

    /** Bytes written for the client but not yet sent, for tests of slow readers. */
    int pendingOutput() {
        return connection == null ? 0 : connection.pending();
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    /**
     * Starts one request; its response goes to {@code c} only, and only if the monitor is still there.
     * The descriptors that came with it are the command's to take; the rest are closed when it is done.
     */
    private void run(JsonMessage message, SocketChardev.Connection c, boolean inBand, AttachedFds fds) {
        if (message instanceof JsonParseError error) {
            fds.close();
            sendParseError(error);
            return;
        }
        JsonNode request = ((JsonMessage.Parsed) message).value();
        InBandScheduler scheduler = server.scheduler();
        QmpMonitor previous = server.current(this);
        AttachedFds previousFds = server.attached(fds);
        CompletableFuture<Response> response;
        try {
            if (inBand) {
                scheduler.begin(this);
            }
            response = server.dispatcher().dispatch(request, this);
        } finally {
            server.current(previous);
            server.attached(previousFds);
        }
        if (response.isDone()) {
            fds.close();
            finish(response.getNow(null), c, inBand);
        } else {
            response.whenComplete((r, e) -> fds.close());
            // Always later, never inline: a stage completed on the loop thread from within another
            // command must not run this one's follow-up inside it.
            response.whenComplete((r, e) -> server.loop().later(() -> {
                finish(r, c, inBand);
                server.scheduler().drain();
            }));
        }
    }

    /** Sends a response (unless the monitor or its client is gone) and, in-band, frees the scheduler. */
    private void finish(Response response, SocketChardev.Connection c, boolean inBand) {
        // A monitor removed by this very command still answers it; otherwise a removed monitor is mute.
        try {
            if (response != null && connection == c && (!removed || detachPending)) {
                send(response);
            }
        } finally {
            // Whatever happened to the answer, the next in-band command must be able to run.
            if (inBand) {
                server.scheduler().end(this);
            }
        }
        if (removed && detachPending) {
            // Self-removal: the response above goes out, then the client is dropped.
            detachPending = false;
            chardev.detach(true);
            return;
        }
        if (suspended && connection == c && !mustSuspend()) {
            resume();
        }
        if (connection == c && c != null && !receiving) {
            c.idle();
        }
    }

    /** Reads again: input left over from before the suspension is delivered first. */
    private void resume() {
        suspended = false;
        if (connection != null && !overBudget) {
            connection.resume();
        }
    }

    /** Writes one message to the client, if there is one. */
    void send(ObjectNode message) {
        send(Response.message(message));
    }

    private void send(Response response) {
        if (connection != null && connection.isOpen()) {
            response.writeTo(writer, connection.output());
            if (!receiving) {
                // Answers to input are flushed together once the input is consumed.
                connection.flush();
            }
        }
    }

    /**
     * Answers input that is not JSON. A reply quoting a large stray token is streamed from the token's
     * bytes as the client reads it (and input is not read meanwhile: it counts as unsent output).
     */
    private void sendParseError(JsonParseError error) {
        if (connection != null && connection.isOpen()) {
            ParseErrorReply reply = new ParseErrorReply(error, pretty);
            if (ParseErrorReply.large(error)) {
                connection.stream(reply);
            } else {
                reply.writeAll(connection.output());
            }
            if (!receiving) {
                connection.flush();
            }
        }
    }

    /** Sends an event if the monitor is in command mode and its client is reading. */
    void event(ObjectNode message) {
        if (removed || negotiating || connection == null || !connection.isOpen()) {
            return;
        }
        if (connection.pending() > EVENT_DROP_LIMIT) {
            LOG.fine(() -> "monitor " + id + ": client not reading, event dropped");
            return;
        }
        writer.writeMessage(message, connection.output());
        connection.flush();
    }

    /**
     * Removes the monitor. From its own connection, the current response is still sent before the
     * client is dropped; otherwise the client is dropped at once. Queued input is never run.
     */
    void remove(boolean fromItself) {
        removed = true;
        clearQueue();
        suspended = false;
        streamer.reset();
        server.scheduler().forget(this);
        forgetHeld();
        if (fromItself) {
            detachPending = true;
        } else {
            chardev.detach(false);
        }
    }
}
