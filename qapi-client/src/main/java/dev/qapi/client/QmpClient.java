package dev.qapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.CallOptions;
import dev.qapi.runtime.client.EventSubscription;
import dev.qapi.runtime.client.QmpCaller;
import dev.qapi.runtime.client.QmpConnectionException;
import dev.qapi.runtime.client.QmpEvent;
import dev.qapi.runtime.client.QmpTimeoutException;
import dev.qapi.runtime.fd.ChannelDescriptor;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.json.JsonMessage;
import dev.qapi.runtime.json.JsonParseError;
import dev.qapi.runtime.json.JsonStreamer;
import dev.qapi.runtime.json.SimpleReply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One QMP connection to a QEMU (or any QMP server), client side: connect, read the greeting, negotiate,
 * then any number of calls in flight at once, events to listeners, and a clean failure of everything
 * pending when the connection breaks.
 *
 * <pre>{@code
 * try (QmpClient qmp = QmpClient.connect(Path.of("/tmp/qmp.sock"))) {
 *     JsonNode version = qmp.execute("query-version", null);
 * }
 * }</pre>
 *
 * <p>Threading: every connection is served by a {@link QmpEventLoop} (one thread for any number of
 * connections). Any thread may call. The request is written by the calling thread; its reply is read,
 * parsed and the future completed on the loop thread, so stages chained on the future with non-async
 * methods run there and must not block. Listeners run on the listener executor, one event at a time
 * per connection. See the module's README for the whole model.
 */
public final class QmpClient implements QmpCaller, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(QmpClient.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A caller selector watches one socket: that it selected is all there is to know. */
    private static final Consumer<SelectionKey> IGNORE_KEY = k -> { };

    private enum State { GREETING, NEGOTIATING, READY, CLOSED }

    private final Config config;
    private final QmpEventLoop loop;
    private final SocketChannel channel;
    private final String peer;
    private final SelectionKey key;
    private final JsonStreamer streamer = new JsonStreamer();
    private final JsonStreamer.Sink sink = this::onMessage;
    private final SimpleReply simpleReply = new SimpleReply();
    private final EventDispatcher events;
    private final CompletableFuture<QmpClient> ready = new CompletableFuture<>();
    private final CompletableFuture<QmpConnectionException> disconnected = new CompletableFuture<>();
    private final PendingCalls pending;
    private final ChannelWriter writer;
    private final boolean unix;
    private final Object stateLock = new Object();
    private volatile State state = State.GREETING;

    /**
     * Who reads the socket now: the loop thread, a synchronous caller waiting for its reply, or nobody.
     * Whoever holds it owns the streamer and the fields below.
     */
    private final AtomicReference<Thread> reader = new AtomicReference<>();
    /** The caller selector that read this connection last, to be borrowed again (whoever holds `reader`). */
    private CallerSelectors.Lease lastLease;
    /** The loop stopped watching for input because a caller was reading (loop thread writes). */
    private volatile boolean loopReadSuspended;
    /** When a synchronous caller last read (nanoTime). */
    private volatile long lastCallerRead;

    // Whoever holds `reader`.
    /** While input is being handled: requests made meanwhile are gathered into one write. */
    private boolean reading;
    private boolean messageEnded;
    private long messageBytes;
    private volatile QmpGreeting greeting;
    private volatile boolean oob;
    private volatile ServerCommands commands;
    private final AtomicReference<CompletableFuture<QmpSchema>> schema = new AtomicReference<>();

    private QmpClient(Config config, SocketChannel channel, String peer) throws IOException {
        this.config = config;
        this.loop = config.loop();
        this.channel = channel;
        this.peer = peer;
        this.pending = new PendingCalls(peer);
        this.events = new EventDispatcher(config.listenerExecutor(), config.eventBuffer(),
                config.overflowPolicy(), this::resumeReading);
        channel.configureBlocking(false);
        // A TCP connection keeps the key it was connected with (a cancelled key cannot be replaced
        // before the next select).
        SelectionKey existing = channel.keyFor(loop.selector());
        if (existing != null && existing.isValid()) {
            existing.attach(new IoHandler());
            existing.interestOps(SelectionKey.OP_READ);
            key = existing;
        } else {
            key = channel.register(loop.selector(), SelectionKey.OP_READ, new IoHandler());
        }
        unix = channel.getRemoteAddress() instanceof UnixDomainSocketAddress;
        writer = new ChannelWriter(channel, key, unix ? ChannelDescriptor.of(channel).orElse(-1) : -1);
    }

    /**
     * Takes over a connected channel and starts reading the greeting; loop thread only. The future
     * completes once negotiation is done, or fails (and the channel is closed) within the connect
     * timeout.
     */
    static CompletableFuture<QmpClient> start(Config config, SocketChannel channel, String peer) {
        QmpClient client;
        try {
            client = new QmpClient(config, channel, peer);
        } catch (IOException e) {
            Connector.closeQuietly(channel);
            return CompletableFuture.failedFuture(new QmpConnectionException("cannot use the connection to "
                    + peer + ": " + e.getMessage(), e));
        }
        long timeout = config.connectTimeout().toNanos();
        config.loop().schedule(timeout, () -> {
            if (!client.ready.isDone()) {
                client.fail(new QmpConnectionException(client.peer + ": no "
                        + (client.state == State.GREETING ? "QMP greeting" : "reply to qmp_capabilities")
                        + " within " + config.connectTimeout().toMillis() + " ms"));
            }
        });
        return client.ready;
    }

    /** A builder for a connection with options other than the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Connects to the Unix socket {@code path} with the default options and negotiates. */
    public static QmpClient connect(Path path) {
        return builder().unixSocket(path).connect();
    }

    /** Connects to {@code address} (a Unix socket or TCP address) with the default options. */
    public static QmpClient connect(SocketAddress address) {
        return builder().address(address).connect();
    }

    /** What the server said in its greeting. */
    public QmpGreeting greeting() {
        return greeting;
    }

    /** Whether out-of-band execution was negotiated. */
    public boolean oobEnabled() {
        return oob;
    }

    /** The server address, as given. */
    public String peer() {
        return peer;
    }

    /** Events dropped by the {@link EventOverflowPolicy} since the connection was made. */
    public long droppedEvents() {
        return events.dropped();
    }

    /** Replies that came after their call had timed out or was cancelled, and were dropped. */
    public long lateReplies() {
        return pending.lateReplies();
    }

    /** Calls waiting for their reply. */
    public int pendingCalls() {
        return pending.size();
    }

    /** Whether the connection is usable. */
    public boolean isOpen() {
        return state == State.READY;
    }

    /** Completes with the reason when the connection ends, whoever ended it. */
    public CompletableFuture<QmpConnectionException> disconnected() {
        return disconnected.thenApply(e -> e);
    }

    @Override
    public CompletableFuture<JsonNode> call(String command, ObjectNode arguments, CallOptions options) {
        CompletableFuture<JsonNode> reply = callInternal(command, arguments, options);
        if (loopReadSuspended) {
            // Nobody may be waiting synchronously to read this reply: the loop takes over at once.
            loop.execute(this::resumeLoopReadingNow);
        }
        return reply;
    }

    private CompletableFuture<JsonNode> callInternal(String command, ObjectNode arguments, CallOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        ServerCommands known = commands;
        if (known != null && !known.has(command)) {
            return CompletableFuture.failedFuture(known.unknown(command, greeting));
        }
        if (options.oob() && !oob) {
            return CompletableFuture.failedFuture(new QmpException(QmpException.GENERIC_ERROR,
                    "cannot send " + command + " out of band: the connection has not negotiated 'oob'"
                            + (greeting != null && !greeting.offers("oob") ? " (the server does not offer it)"
                                    : " (ask for it with QmpClient.Builder.oob(true))")));
        }
        List<Fd> fds = List.of();
        if (!options.fds().isEmpty()) {
            try {
                fds = duplicates(command, options.fds());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        long timeout = options.timeout().map(Duration::toNanos).orElse(config.defaultTimeoutNanos());
        return send(command, arguments, options.oob(), timeout, fds);
    }

    /**
     * Copies of the descriptors a call passes, for the writer to send and close: the caller's own stay
     * the caller's, and may be closed as soon as the call was made, even while its request still
     * waits for a full socket.
     *
     * @throws QmpException when this connection cannot pass descriptors (nothing is sent)
     */
    private List<Fd> duplicates(String command, List<Fd> fds) {
        String refused = "cannot pass descriptors to " + command + " over " + peer + ": ";
        if (!unix) {
            throw new QmpException(QmpException.GENERIC_ERROR, refused
                    + "SCM_RIGHTS needs a Unix socket connection; nothing was sent");
        }
        if (!writer.canPassDescriptors()) {
            throw new QmpException(QmpException.GENERIC_ERROR, refused + "this JVM cannot reach the socket's"
                    + " descriptor (start it with --add-exports java.base/sun.nio.ch=ALL-UNNAMED; Linux 64-bit"
                    + " only); nothing was sent");
        }
        if (fds.size() > 253) {
            throw new QmpException(QmpException.GENERIC_ERROR, refused + fds.size()
                    + " descriptors, at most 253 fit in one message; nothing was sent");
        }
        List<Fd> copies = new java.util.ArrayList<>(fds.size());
        try {
            for (Fd fd : fds) {
                copies.add(fd.duplicate());
            }
        } catch (RuntimeException e) {
            copies.forEach(Fd::close);
            throw new QmpException(QmpException.GENERIC_ERROR, refused + describe(e) + "; nothing was sent");
        }
        return copies;
    }

    /** {@link #call(String, ObjectNode, CallOptions)} without arguments and with the default options. */
    public CompletableFuture<JsonNode> call(String command) {
        return call(command, null, CallOptions.DEFAULT);
    }

    /**
     * Calls {@code command} and waits for its return value.
     *
     * @throws QmpException for an error reply
     * @throws QmpConnectionException when the connection breaks or is closed
     * @throws QmpTimeoutException when the call's timeout passes
     * @throws CancellationException when another thread cancelled the call
     */
    public JsonNode execute(String command, ObjectNode arguments, CallOptions options) {
        if (loop.inLoop()) {
            throw new IllegalStateException("a synchronous call on the event-loop thread would wait forever"
                    + " for a reply only that thread can read; use call() and chain on its future");
        }
        if (reader.get() == Thread.currentThread()) {
            throw new IllegalStateException("a synchronous call from a listener that runs on the thread"
                    + " reading this connection would wait for itself; use call()");
        }
        CompletableFuture<JsonNode> reply = callInternal(command, arguments, options);
        if (reply instanceof Call c && !c.isDone() && reader.compareAndSet(null, Thread.currentThread())) {
            try {
                readUntilAnswered(c);
            } finally {
                lastCallerRead = System.nanoTime();
                reader.set(null);
            }
        }
        return await(reply);
    }

    /**
     * Waits for {@code call}'s reply by reading the socket on this thread (which holds {@link #reader}):
     * the reply needs no hand-off from the loop. Whatever else arrives meanwhile is handled as the loop
     * would handle it.
     */
    private void readUntilAnswered(Call call) {
        CallerSelectors.Lease lease = CallerSelectors.borrow(channel, lastLease);
        lastLease = lease;
        try {
            CallerSelectors.watch(lease, channel);
            call.waiterThread = Thread.currentThread();
            call.waiter = lease.selector();
            while (!call.isDone() && state != State.CLOSED) {
                // Woken by input, or by whoever completes the call otherwise (timeout, close).
                if (lease.selector().select(IGNORE_KEY, 1000) > 0) {
                    read(lease.buffer());
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e instanceof QmpConnectionException q ? q
                    : new QmpConnectionException(peer + ": the connection broke: " + describe(e), e));
        } finally {
            call.waiter = null;
            CallerSelectors.giveBack(lease);
        }
    }

    /** The loop found input while a caller reads: it stops watching until callers stop (loop thread). */
    private void suspendLoopReading() {
        key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
        if (!loopReadSuspended) {
            loopReadSuspended = true;
            loop.schedule(CALLER_IDLE_NANOS, this::resumeLoopReadingWhenIdle);
        }
    }

    /** How long after the last synchronous caller read the loop takes over reading again. */
    private static final long CALLER_IDLE_NANOS = 2_000_000;

    private void resumeLoopReadingWhenIdle() {
        if (state == State.CLOSED || !loopReadSuspended) {
            return;
        }
        if (reader.get() != null || System.nanoTime() - lastCallerRead < CALLER_IDLE_NANOS) {
            loop.schedule(CALLER_IDLE_NANOS, this::resumeLoopReadingWhenIdle);
            return;
        }
        resumeLoopReadingNow();
    }

    private void resumeLoopReadingNow() {
        if (loopReadSuspended && key.isValid()) {
            loopReadSuspended = false;
            key.interestOps(key.interestOps() | SelectionKey.OP_READ);
        }
    }

    /** {@link #execute(String, ObjectNode, CallOptions)} with the default options. */
    public JsonNode execute(String command, ObjectNode arguments) {
        return execute(command, arguments, CallOptions.DEFAULT);
    }

    /** {@link #execute(String, ObjectNode, CallOptions)} without arguments, with the default options. */
    public JsonNode execute(String command) {
        return execute(command, null, CallOptions.DEFAULT);
    }

    @Override
    public EventSubscription subscribe(Collection<String> names, Consumer<QmpEvent> listener) {
        return events.subscribe(new HashSet<>(names), Objects.requireNonNull(listener, "listener"));
    }

    /** {@link #subscribe(Collection, Consumer)} for the events named {@code names} (all when none). */
    public EventSubscription subscribe(Consumer<QmpEvent> listener, String... names) {
        return subscribe(List.of(names), listener);
    }

    /**
     * From now on, calls to commands not in {@code names} fail at once with a {@code CommandNotFound}
     * {@link QmpException} naming the server's version, without being sent. {@link #probe()} does this
     * with the server's own list.
     */
    public void knownCommands(Collection<String> names) {
        commands = new ServerCommands(Set.copyOf(names));
    }

    /**
     * Fetches the server's {@code query-qmp-schema} (once; later calls share the answer) for capability
     * questions ({@link QmpSchema#has}); from then on, calls to commands the server does not have fail
     * at once, naming its version.
     */
    public CompletableFuture<QmpSchema> probe() {
        CompletableFuture<QmpSchema> existing = schema.get();
        if (existing != null && !existing.isCompletedExceptionally()) {
            return existing;
        }
        CompletableFuture<QmpSchema> fetch = call("query-qmp-schema").thenApply(r -> {
            QmpSchema s = QmpSchema.of(r);
            commands = new ServerCommands(s.commands());
            return s;
        });
        return schema.compareAndSet(existing, fetch) ? fetch : schema.get();
    }

    /** {@link #probe()} and wait. */
    public QmpSchema schema() {
        return await(probe());
    }

    /**
     * Whether the server has {@code command}: from the command list when known, else after
     * {@link #probe()} (which this waits for).
     */
    public boolean supports(String command) {
        ServerCommands known = commands;
        return known != null ? known.has(command) : schema().hasCommand(command);
    }

    /** Waits for a future of this client, unwrapping its failure into the unchecked exceptions. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new QmpConnectionException("interrupted while waiting for the reply", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException t) {
                throw new QmpTimeoutException(t.getMessage(), t);
            }
            if (cause instanceof QmpException q) {
                // The reply's exception has no stack trace of its own; keep the caller's.
                QmpException copy = new QmpException(q.errorClass(), q.desc());
                throw copy;
            }
            if (cause instanceof QmpConnectionException c) {
                throw new QmpConnectionException(c.getMessage(), c);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new QmpConnectionException(String.valueOf(cause), cause);
        }
    }

    /** Closes the connection; pending calls fail with a {@link QmpConnectionException}. Idempotent. */
    @Override
    public void close() {
        fail(new QmpConnectionException(peer + ": connection closed by the client"));
    }

    /** This client once probed; closed when probing fails. */
    private CompletableFuture<QmpClient> probed() {
        return probe().handle((s, e) -> {
            if (e != null) {
                QmpConnectionException failure = new QmpConnectionException(peer
                        + ": probing the server's schema failed: " + describe(e), e);
                fail(failure);
                throw failure;
            }
            return this;
        });
    }

    // ---- sending -------------------------------------------------------------------------------------

    private CompletableFuture<JsonNode> send(String command, ObjectNode arguments, boolean viaOob, long timeoutNanos) {
        return send(command, arguments, viaOob, timeoutNanos, List.of());
    }

    /** Sends a request; {@code fds} (copies) become the writer's, or are closed here if it is not sent. */
    private CompletableFuture<JsonNode> send(String command, ObjectNode arguments, boolean viaOob, long timeoutNanos,
            List<Fd> fds) {
        long id = pending.nextId();
        Call call = new Call(this, command, id, timeoutNanos, events.inListener());
        PendingCalls.Added added = pending.add(call);
        if (added == PendingCalls.Added.CLOSED) {
            fds.forEach(Fd::close);
            call.completeExceptionally(closedException());
            return call;
        }
        RequestEncoder encoder = RequestEncoder.get();
        try {
            ByteBuffer bytes = encoder.encode(command, arguments, id, viaOob);
            if (reading && loop.inLoop()) {
                writer.gather(bytes, fds);
            } else {
                writer.write(bytes, fds);
            }
        } catch (IOException e) {
            fail(new QmpConnectionException(peer + ": cannot send " + command + ": " + describe(e), e));
            return call;
        } finally {
            encoder.release();
        }
        if (call.hasDeadline()) {
            loop.watch(pending, call.deadline, added == PendingCalls.Added.ADDED_FIRST_DEADLINE);
        }
        return call;
    }

    private QmpConnectionException closedException() {
        QmpConnectionException cause = disconnected.getNow(null);
        return cause == null ? new QmpConnectionException(peer + ": the connection is closed")
                : new QmpConnectionException(cause.getMessage(), cause);
    }

    /** Forgets a cancelled call; its reply, if any, will be dropped. */
    void forget(Call call) {
        pending.forget(call);
    }

    // ---- receiving (loop thread) --------------------------------------------------------------------

    private final class IoHandler implements QmpEventLoop.Handler {
        @Override
        public void ready(SelectionKey k) throws IOException {
            if (k.isWritable()) {
                writer.flush();
            }
            if (k.isValid() && k.isReadable()) {
                if (reader.compareAndSet(null, Thread.currentThread())) {
                    try {
                        reading = true;
                        read(loop.readBuffer());
                    } finally {
                        reading = false;
                        reader.set(null);
                    }
                    if (state != State.CLOSED) {
                        writer.flush();
                    }
                } else {
                    suspendLoopReading();
                }
            }
        }

        @Override
        public void failed(Throwable cause) {
            fail(cause instanceof QmpConnectionException q ? q
                    : new QmpConnectionException(peer + ": the connection broke: " + describe(cause), cause));
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof QmpException q) {
            return q.errorClass() + ": " + q.desc();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Reads what is there and handles it (the caller holds {@link #reader}). */
    private void read(ByteBuffer buf) throws IOException {
        buf.clear();
        int n = channel.read(buf);
        if (n < 0) {
            fail(new QmpConnectionException(peer + ": the server closed the connection"
                    + (state == State.GREETING ? " before its greeting"
                            : messageBytes > 0 ? " in the middle of a message" : "")));
            return;
        }
        byte[] bytes = buf.array();
        int pos = 0;
        while (pos < n && state != State.CLOSED) {
            if (state != State.GREETING && streamer.betweenMessages()) {
                // The common reply, taken whole (SimpleReply says why); anything else is left to the
                // streamer. A reply larger than the limit is the streamer's to refuse. (Whitespace
                // between messages, which the streamer may have taken, counts towards no message.)
                messageBytes = 0;
                int end = simpleReply.match(bytes, pos, n);
                if (end >= 0 && end - pos <= config.maxMessageSize()) {
                    pos = end;
                    try {
                        answer(simpleReply.id(), null, simpleReply.result(), null);
                    } catch (QmpConnectionException e) {
                        fail(e);
                    }
                    continue;
                }
            }
            messageEnded = false;
            int used = streamer.feed(bytes, pos, n - pos, sink);
            pos += used;
            messageBytes = messageEnded ? 0 : messageBytes + used;
            if (messageBytes > config.maxMessageSize()) {
                fail(new QmpConnectionException(peer + ": a message from the server exceeds the limit of "
                        + config.maxMessageSize() + " bytes"));
            }
        }
    }

    private boolean onMessage(JsonMessage message) {
        messageEnded = true;
        if (state == State.CLOSED) {
            return false;
        }
        try {
            if (message instanceof JsonParseError e) {
                throw new QmpConnectionException(peer + ": the server sent invalid JSON: " + e.desc());
            }
            JsonNode value = ((JsonMessage.Parsed) message).value();
            if (!(value instanceof ObjectNode object)) {
                throw new QmpConnectionException(peer + ": the server sent a non-object message: "
                        + Messages.excerpt(value));
            }
            if (state == State.GREETING) {
                onGreeting(QmpGreeting.parse(object));
            } else if (object.has("event")) {
                onEvent(object);
            } else if (object.has("return") || object.has("error")) {
                onReply(object);
            } else {
                throw new QmpConnectionException(peer + ": the server sent a message that is neither a reply"
                        + " nor an event: " + Messages.excerpt(object));
            }
        } catch (QmpConnectionException e) {
            fail(e);
        }
        return false;
    }

    private void onGreeting(QmpGreeting g) {
        greeting = g;
        state = State.NEGOTIATING;
        boolean wantOob = config.oob() && g.offers("oob");
        ObjectNode args = null;
        if (wantOob) {
            args = NODES.objectNode();
            args.putArray("enable").add("oob");
        }
        send("qmp_capabilities", args, false, 0).whenComplete((r, e) -> {
            if (e != null) {
                fail(new QmpConnectionException(peer + ": capabilities negotiation failed: " + describe(e), e));
                return;
            }
            oob = wantOob;
            synchronized (stateLock) {
                if (state != State.CLOSED) {
                    state = State.READY;
                }
            }
            ready.complete(this);
        });
    }

    private void onEvent(ObjectNode object) {
        JsonNode name = object.get("event");
        JsonNode data = object.get("data");
        JsonNode ts = object.path("timestamp");
        if (!name.isTextual() || (data != null && !data.isObject())) {
            throw new QmpConnectionException(peer + ": malformed event: " + Messages.excerpt(object));
        }
        QmpEvent event = new QmpEvent(name.asText(), data == null ? NODES.objectNode() : (ObjectNode) data,
                ts.path("seconds").asLong(), ts.path("microseconds").asLong());
        switch (events.event(event)) {
            case QUEUED -> { }
            // A synchronous caller reading for its reply reads on (past the bound by what it reads).
            case PAUSE -> {
                if (loop.inLoop()) {
                    key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
                }
            }
            case FAIL -> throw new QmpConnectionException(peer + ": event listeners fell more than "
                    + config.eventBuffer() + " events behind (overflow policy FAIL_CONNECTION)");
        }
    }

    private void resumeReading() {
        loop.submit(() -> {
            if (key.isValid()) {
                key.interestOps(key.interestOps() | SelectionKey.OP_READ);
            }
        });
    }

    private void onReply(ObjectNode object) {
        JsonNode id = object.get("id");
        JsonNode error = object.get("error");
        if (id == null) {
            throw new QmpConnectionException(peer + ": the server sent a reply without an id, which matches"
                    + " no call (every request carries one)" + (error != null ? ": " + errorText(error)
                            : ": " + Messages.excerpt(object)));
        }
        long n = id.isIntegralNumber() && id.canConvertToLong() ? id.longValue() : -1;
        answer(n, id, object.get("return"), error);
    }

    /**
     * Completes the call a reply answers (whoever reads): with {@code error} when there is one, else
     * with {@code result}. {@code idNode} is the id as sent, for the message when it matches nothing
     * (null: it was the integer {@code id}).
     */
    private void answer(long id, JsonNode idNode, JsonNode result, JsonNode error) {
        Call call = pending.answered(id);
        if (call == null) {
            if (pending.wasSent(id)) {
                LOG.log(Level.FINE, "{0}: dropped the late reply to call {1}", new Object[] {peer, id});
                return;
            }
            throw new QmpConnectionException(peer + ": the server replied to id "
                    + (idNode == null ? Long.toString(id) : Messages.excerpt(idNode)) + ", which was never sent");
        }
        Runnable completion;
        if (error != null) {
            QmpException e = new QmpException(error.path("class").asText(QmpException.GENERIC_ERROR),
                    error.path("desc").asText(""));
            completion = () -> call.completeExceptionally(e);
        } else {
            completion = () -> call.complete(result);
        }
        events.complete(call, completion);
    }

    private static String errorText(JsonNode error) {
        return error.path("class").asText("?") + ": " + error.path("desc").asText("");
    }

    /**
     * Ends the connection (any thread, idempotent): closes the socket and fails every pending call with
     * {@code cause}.
     */
    void fail(QmpConnectionException cause) {
        synchronized (stateLock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        disconnected.complete(cause);
        List<Call> calls = pending.close();
        writer.discard();
        key.cancel();
        Connector.closeQuietly(channel);
        CallerSelectors.release(channel);
        // At once, not behind events still queued for listeners: the end is not a message in the stream.
        for (Call c : calls) {
            c.completeExceptionally(new QmpConnectionException(cause.getMessage(), cause));
        }
        ready.completeExceptionally(cause);
        LOG.log(Level.FINE, "{0}", cause.getMessage());
    }

    /** The connection's options, fixed when it is made. */
    record Config(QmpEventLoop loop, Duration connectTimeout, Optional<Duration> waitForSocket,
            long defaultTimeoutNanos, boolean oob, int eventBuffer, EventOverflowPolicy overflowPolicy,
            Executor listenerExecutor, long maxMessageSize) {
    }

    /** Options for a connection; {@link #connect()} makes it. Not thread-safe. */
    public static final class Builder {
        private SocketAddress address;
        private QmpEventLoop loop;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Optional<Duration> waitForSocket = Optional.empty();
        private Duration defaultTimeout = Duration.ofSeconds(60);
        private boolean oob;
        private int eventBuffer = 4096;
        private EventOverflowPolicy overflowPolicy = EventOverflowPolicy.PAUSE_READING;
        private Executor listenerExecutor;
        private long maxMessageSize = 64L << 20;
        private boolean probe;

        private Builder() {
        }

        /** The server's address: a {@link UnixDomainSocketAddress} or an {@link InetSocketAddress}. */
        public Builder address(SocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The server's Unix socket. */
        public Builder unixSocket(Path path) {
            return address(UnixDomainSocketAddress.of(path));
        }

        /** The server's TCP address. */
        public Builder tcp(String host, int port) {
            return address(new InetSocketAddress(host, port));
        }

        /** The address as QEMU's users write it: {@code HOST:PORT}, or anything else as a Unix socket path. */
        public Builder address(String spec) {
            int colon = spec.lastIndexOf(':');
            if (colon > 0 && !spec.contains("/") && spec.substring(colon + 1).matches("[0-9]{1,5}")) {
                return tcp(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)));
            }
            return unixSocket(Path.of(spec));
        }

        /** The loop that serves the connection; default {@link QmpEventLoop#shared()}. */
        public Builder eventLoop(QmpEventLoop loop) {
            this.loop = Objects.requireNonNull(loop, "loop");
            return this;
        }

        /** How long connecting, the greeting and negotiation may take together; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * Keeps trying while the socket does not exist yet or refuses connections, up to {@code timeout}
         * (QEMU's start-up race); default: one attempt.
         */
        public Builder waitForSocket(Duration timeout) {
            this.waitForSocket = Optional.of(positive(timeout));
            return this;
        }

        /** The timeout of calls whose {@link CallOptions} name none; default 60 s. */
        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = positive(timeout);
            return this;
        }

        /** Calls whose {@link CallOptions} name no timeout wait for ever. */
        public Builder noDefaultTimeout() {
            this.defaultTimeout = null;
            return this;
        }

        /** Negotiates out-of-band execution when the server offers it; default off (as QEMU's clients). */
        public Builder oob(boolean oob) {
            this.oob = oob;
            return this;
        }

        /** Events held for slow listeners before the overflow policy applies; default 4096. */
        public Builder eventBuffer(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("eventBuffer must be at least 1: " + events);
            }
            this.eventBuffer = events;
            return this;
        }

        /** What to do when listeners fall {@link #eventBuffer} events behind; default PAUSE_READING. */
        public Builder overflowPolicy(EventOverflowPolicy policy) {
            this.overflowPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Where listeners run (one event at a time per connection, whatever the executor); default a
         * shared pool of daemon threads that exist only while there are events to deliver.
         * {@code Runnable::run} runs them on the event-loop thread: no hand-off, but a listener that
         * blocks then stalls every connection of the loop.
         */
        public Builder listenerExecutor(Executor executor) {
            this.listenerExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The largest message accepted from the server; larger is a protocol error. Default 64 MiB. */
        public Builder maxMessageSize(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxMessageSize must be at least 1024: " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Runs {@link QmpClient#probe()} as part of connecting, so that calls to commands the server
         * does not have fail at once from the start; default off.
         */
        public Builder probe(boolean probe) {
            this.probe = probe;
            return this;
        }

        Config config() {
            return new Config(loop == null ? QmpEventLoop.shared() : loop, connectTimeout, waitForSocket,
                    defaultTimeout == null ? 0 : defaultTimeout.toNanos(), oob, eventBuffer, overflowPolicy,
                    listenerExecutor == null ? ListenerThreads.executor() : listenerExecutor, maxMessageSize);
        }

        /** Connects, reads the greeting and negotiates, without blocking. */
        public CompletableFuture<QmpClient> connectAsync() {
            if (address == null) {
                throw new IllegalStateException("no address: call address(), unixSocket() or tcp() first");
            }
            CompletableFuture<QmpClient> connected = Connector.connect(config(), address);
            return probe ? connected.thenCompose(QmpClient::probed) : connected;
        }

        /**
         * Connects, reads the greeting and negotiates.
         *
         * @throws QmpConnectionException naming the address and the cause when that fails
         */
        public QmpClient connect() {
            return await(connectAsync());
        }

        /**
         * Binds {@code address} for QEMU to connect to ({@code -qmp unix:PATH,server=off}); the
         * acceptor's {@link QmpAcceptor#accept} waits for it.
         */
        public QmpAcceptor listen(SocketAddress address) {
            return QmpAcceptor.bind(config(), address);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + d);
            }
            return d;
        }
    }
}
