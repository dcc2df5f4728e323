package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.CommandContext;
import dev.qapi.runtime.json.JsonMessage;
import dev.qapi.runtime.json.JsonParseError;
import dev.qapi.runtime.json.JsonStreamer;
import dev.qapi.runtime.json.JsonWriter;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A QMP monitor on a chardev: greeting on every new client, capabilities negotiation, then commands.
 * Requests are answered in order on the event loop as they complete; out-of-band requests are dispatched
 * the moment they are parsed. Everything of one client (partial input, negotiation state) is dropped
 * when it leaves.
 */
final class QmpMonitor implements Frontend, QmpDispatcher.Session {
    private static final Logger LOG = Logger.getLogger(QmpMonitor.class.getName());
    /** Events are dropped for a client that has this much unsent output (it is not reading). */
    static final int EVENT_DROP_LIMIT = 4 << 20;

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
        return new MonitorContext(server, this, policy);
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
        streamer.reset();
        negotiating = true;
        oobEnabled = false;
    }

    @Override
    public void received(ByteBuffer data) {
        SocketChardev.Connection c = connection;
        receiving = true;
        try {
            feed(data, c);
        } finally {
            receiving = false;
        }
    }

    private void feed(ByteBuffer data, SocketChardev.Connection c) {
        streamer.feed(data, message -> {
            handle(message);
            // Stop at once when the monitor went away or the client can no longer be answered.
            return !removed && connection == c && c.isOpen();
        });
        if (removed || connection != c) {
            data.position(data.limit());
        }
    }

    private void handle(JsonMessage message) {
        if (removed || connection == null) {
            return;
        }
        if (message instanceof JsonParseError error) {
            send(QmpDispatcher.error(QmpException.generic(error.desc()), null, null));
            return;
        }
        JsonNode request = ((JsonMessage.Parsed) message).value();
        server.current(this);
        try {
            Optional<ObjectNode> response = server.dispatcher().dispatch(request, this);
            response.ifPresent(this::send);
        } finally {
            server.current(null);
        }
        if (removed) {
            // Self-removal: the response above goes out, then the client is dropped.
            chardev.detach(true);
        }
    }

    /** Writes one message to the client, if there is one. */
    void send(JsonNode message) {
        if (connection != null && connection.isOpen()) {
            writer.writeMessage(message, connection.output());
            if (!receiving) {
                // Answers to input are flushed together once the input is consumed.
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
        streamer.reset();
        if (!fromItself) {
            chardev.detach(false);
        }
    }
}
