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
import dev.qapi.runtime.json.JsonMessage;
import dev.qapi.runtime.json.JsonParseError;
import dev.qapi.runtime.json.JsonStreamer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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

    private enum State { GREETING, NEGOTIATING, READY, CLOSED }

    private final Config config;
    private final QmpEventLoop loop;
    private final SocketChannel channel;
    private final String peer;
    private final SelectionKey key;
    private final JsonStreamer streamer = new JsonStreamer();
    private final JsonStreamer.Sink sink = this::onMessage;
    private final EventDispatcher events;
    private final CompletableFuture<QmpClient> ready = new CompletableFuture<>();
    private final CompletableFuture<QmpConnectionException> disconnected = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong lateReplies = new AtomicLong();
    private final QmpEventLoop.Deadlines deadlines = this::expire;

    // Guarded by `lock`: the calls in flight, the output not yet written, the state.
    private final Object lock = new Object();
    private final Map<Long, Call> pending = new HashMap<>();
    private ByteBuffer unwritten;
    private boolean watched;
    private long earliestDeadline;
    private volatile State state = State.GREETING;
    private QmpConnectionException closeCause;

    // Loop thread only.
    private boolean messageEnded;
    private long messageBytes;
    private volatile QmpGreeting greeting;
    private volatile boolean oob;
    private volatile ServerCommands commands;

    private QmpClient(Config config, SocketChannel channel, String peer) throws IOException {
        this.config = config;
        this.loop = config.loop();
        this.channel = channel;
        this.peer = peer;
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
        return lateReplies.get();
    }

    /** Calls waiting for their reply. */
    public int pendingCalls() {
        synchronized (lock) {
            return pending.size();
        }
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
        long timeout = options.timeout().map(Duration::toNanos).orElse(config.defaultTimeoutNanos());
        return send(command, arguments, options.oob(), timeout);
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
        return await(call(command, arguments, options));
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
                throw new QmpTimeoutException(t);
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

    // ---- sending -------------------------------------------------------------------------------------

    private CompletableFuture<JsonNode> send(String command, ObjectNode arguments, boolean viaOob, long timeoutNanos) {
        long id = ids.incrementAndGet();
        Call call = new Call(this, command, id, timeoutNanos, events.inListener());
        RequestEncoder encoder = RequestEncoder.get();
        ByteBuffer bytes = encoder.encode(command, arguments, id, viaOob);
        boolean newlyWatched = false;
        QmpConnectionException failure;
        synchronized (lock) {
            failure = closeCause;
            if (failure == null) {
                pending.put(id, call);
                if (call.hasDeadline()) {
                    if (!watched || call.deadline - earliestDeadline < 0) {
                        earliestDeadline = call.deadline;
                    }
                    newlyWatched = !watched;
                    watched = true;
                }
                try {
                    write(bytes);
                } catch (IOException e) {
                    failure = new QmpConnectionException(peer + ": cannot send " + command + ": " + e.getMessage(), e);
                }
            }
        }
        encoder.release();
        if (failure != null) {
            if (closeCause == null) {
                fail(failure);
            } else {
                call.completeExceptionally(new QmpConnectionException(failure.getMessage(), failure));
            }
            return call;
        }
        if (call.hasDeadline()) {
            loop.watch(deadlines, call.deadline, newlyWatched);
        }
        return call;
    }

    /** Writes what it can now and keeps the rest for the loop (under lock). */
    private void write(ByteBuffer bytes) throws IOException {
        if (unwritten == null) {
            channel.write(bytes);
            if (!bytes.hasRemaining()) {
                return;
            }
            unwritten = ByteBuffer.allocate(Math.max(bytes.remaining(), 4096));
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            loop.selector().wakeup();
        } else if (unwritten.remaining() < bytes.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(unwritten.capacity() * 2, unwritten.position() + bytes.remaining()));
            unwritten.flip();
            bigger.put(unwritten);
            unwritten = bigger;
        }
        unwritten.put(bytes);
    }

    private void flush() throws IOException {
        synchronized (lock) {
            if (unwritten == null) {
                return;
            }
            unwritten.flip();
            channel.write(unwritten);
            if (unwritten.hasRemaining()) {
                unwritten.compact();
            } else {
                unwritten = null;
                key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
            }
        }
    }

    /** Forgets a cancelled call; its reply, if any, will be dropped. */
    void forget(Call call) {
        synchronized (lock) {
            pending.remove(call.id, call);
        }
    }

    /** Times out what is due (loop thread); see {@link QmpEventLoop.Deadlines}. */
    private long expire(long now) {
        List<Call> expired = null;
        long next = Long.MAX_VALUE;
        synchronized (lock) {
            if (!watched) {
                return Long.MAX_VALUE;
            }
            if (earliestDeadline - now > 0) {
                return earliestDeadline;
            }
            for (var it = pending.values().iterator(); it.hasNext(); ) {
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
            earliestDeadline = next;
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

    // ---- receiving (loop thread) --------------------------------------------------------------------

    private final class IoHandler implements QmpEventLoop.Handler {
        @Override
        public void ready(SelectionKey k) throws IOException {
            if (k.isWritable()) {
                flush();
            }
            if (k.isValid() && k.isReadable()) {
                read();
            }
        }

        @Override
        public void failed(Throwable cause) {
            fail(cause instanceof QmpConnectionException q ? q
                    : new QmpConnectionException(peer + ": the connection broke: " + describe(cause), cause));
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private void read() throws IOException {
        ByteBuffer buf = loop.readBuffer();
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
            synchronized (lock) {
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
            case PAUSE -> key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
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
        Call call;
        synchronized (lock) {
            call = pending.remove(n);
        }
        if (call == null) {
            if (n > 0 && n <= ids.get()) {
                lateReplies.incrementAndGet();
                LOG.log(Level.FINE, "{0}: dropped the late reply to call {1}", new Object[] {peer, n});
                return;
            }
            throw new QmpConnectionException(peer + ": the server replied to id " + Messages.excerpt(id)
                    + ", which was never sent");
        }
        Runnable completion;
        if (error != null) {
            QmpException e = new QmpException(error.path("class").asText(QmpException.GENERIC_ERROR),
                    error.path("desc").asText(""));
            completion = () -> call.completeExceptionally(e);
        } else {
            JsonNode result = object.get("return");
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
        List<Call> calls;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            closeCause = cause;
            calls = new ArrayList<>(pending.values());
            pending.clear();
            watched = false;
            unwritten = null;
        }
        key.cancel();
        Connector.closeQuietly(channel);
        if (loop.inLoop()) {
            streamer.reset();
        } else {
            loop.submit(streamer::reset);
        }
        for (Call c : calls) {
            events.complete(c, () -> c.completeExceptionally(new QmpConnectionException(cause.getMessage(), cause)));
        }
        ready.completeExceptionally(cause);
        disconnected.complete(cause);
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
            return Connector.connect(config(), address);
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
