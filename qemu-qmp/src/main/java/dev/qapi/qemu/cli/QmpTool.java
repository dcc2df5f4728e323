package dev.qapi.qemu.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.client.QmpClient;
import dev.qapi.qemu.SchemaClient;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.ClientCommand;
import dev.qapi.runtime.client.ClientEvent;
import dev.qapi.runtime.client.QmpConnectionException;
import dev.qapi.runtime.client.QmpDecodeException;
import dev.qapi.runtime.client.QmpEvent;
import dev.qapi.runtime.client.SkewListener;
import dev.qapi.runtime.client.TypedCaller;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code qmp.jar}: one QMP command, or a stream of events, through QEMU's typed bindings.
 *
 * <pre>
 * java -jar qmp.jar SOCKET COMMAND [ARGUMENTS-JSON]
 * java -jar qmp.jar SOCKET --events [--count N] [--timeout S]
 * </pre>
 *
 * Exit status: 0 done; 1 the server answered with an error, or lacks the command (checked first with
 * {@code query-commands}; nothing is sent), or a reply the bindings cannot decode;
 * 2 a usage error, an argument the bindings refuse or a command they do not know (nothing is sent);
 * 3 no connection, or it broke.
 */
public final class QmpTool {
    static final int OK = 0;
    static final int QMP_ERROR = 1;
    static final int USAGE = 2;
    static final int CONNECTION = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final PrintStream out;
    private final PrintStream err;

    QmpTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new QmpTool(System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the tool; returns its exit status. Never throws. */
    int run(String[] args) {
        try {
            return dispatch(args);
        } catch (UsageException e) {
            err.println("qmp: " + e.getMessage());
            return USAGE;
        } catch (QmpConnectionException e) {
            err.println("qmp: " + e.getMessage());
            return CONNECTION;
        } catch (RuntimeException e) {
            err.println("qmp: unexpected failure: " + e);
            return CONNECTION;
        }
    }

    /** A mistake on the command line or in the arguments: exit 2, nothing sent. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private int dispatch(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(usage());
            return OK;
        }
        if (args.length == 1 && args[0].equals("--version")) {
            out.println("qmp " + version() + " (qapi-java; bindings generated from QEMU's schema)");
            return OK;
        }
        if (args.length < 2) {
            throw new UsageException("expected SOCKET COMMAND [ARGUMENTS-JSON] or SOCKET --events (see --help)");
        }
        if (args[1].equals("--events")) {
            return events(args[0], args);
        }
        if (args.length > 3) {
            throw new UsageException("too many arguments: the arguments of a command are one JSON object");
        }
        return command(args[0], args[1], args.length == 3 ? args[2] : null);
    }

    private int command(String socket, String name, String argumentsJson) {
        ClientCommand<?, ?> command = SchemaClient.Commands.ALL.get(name);
        if (command == null) {
            throw new UsageException("the bindings have no command '" + name + "'; nothing was sent");
        }
        return call(socket, command, parseArguments(argumentsJson));
    }

    private static ObjectNode parseArguments(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("ARGUMENTS-JSON is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UsageException("ARGUMENTS-JSON must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private <A, R> int call(String socket, ClientCommand<A, R> command, ObjectNode json) {
        A arguments;
        try {
            arguments = command.checkArguments(json);
        } catch (QmpException e) {
            throw new UsageException(command.name() + ": " + e.desc() + "; nothing was sent");
        }
        try (QmpClient client = connect(socket)) {
            TypedCaller calls = TypedCaller.of(client).withSkewListener(SkewListener.IGNORE);
            R value;
            try {
                learnCommands(client);
                value = calls.async(command, arguments).join();
            } catch (CompletionException e) {
                return failure(e.getCause());
            }
            out.println(JSON.writeValueAsString(command.encodeReturn(value)));
            return OK;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tells the client which commands the server has ({@code query-commands}: one short round trip,
     * where {@code query-qmp-schema} would fetch the whole schema), so that a command the bindings know
     * but this server lacks fails with {@code CommandNotFound} naming the server's version, without
     * being sent. A server without {@code query-commands} is not checked.
     *
     * @throws CompletionException when the connection breaks meanwhile
     */
    private static void learnCommands(QmpClient client) {
        JsonNode list;
        try {
            list = client.call("query-commands").join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof QmpException) {
                return;
            }
            throw e;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode info : list) {
            names.add(info.path("name").asText());
        }
        client.knownCommands(names);
    }

    private int failure(Throwable cause) {
        if (cause instanceof QmpException e) {
            err.println(e.errorClass() + ": " + e.desc());
            return QMP_ERROR;
        }
        if (cause instanceof QmpDecodeException e) {
            err.println("qmp: the " + e.source() + " does not fit the bindings: " + e.desc() + ": " + e.received());
            return QMP_ERROR;
        }
        if (cause instanceof QmpConnectionException e) {
            throw e;
        }
        throw new QmpConnectionException(String.valueOf(cause), cause);
    }

    private int events(String socket, String[] args) {
        long count = Long.MAX_VALUE;
        Duration timeout = null;
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length || !(option.equals("--count") || option.equals("--timeout"))) {
                throw new UsageException("unknown or incomplete option '" + option + "' (see --help)");
            }
            String value = args[++i];
            try {
                if (option.equals("--count")) {
                    count = Long.parseLong(value);
                    if (count <= 0) {
                        throw new NumberFormatException();
                    }
                } else {
                    double seconds = Double.parseDouble(value);
                    if (!(seconds > 0) || Double.isInfinite(seconds)) {
                        throw new NumberFormatException();
                    }
                    timeout = Duration.ofNanos((long) (seconds * 1e9));
                }
            } catch (NumberFormatException e) {
                throw new UsageException(option + " expects a positive number, not '" + value + "'");
            }
        }
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        try (QmpClient client = connect(socket)) {
            client.subscribe(received::add);
            client.disconnected().thenAccept(received::add);
            TypedCaller calls = TypedCaller.of(client).withSkewListener(SkewListener.IGNORE);
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            for (long printed = 0; printed < count; printed++) {
                Object next = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return OK;
                }
                if (next instanceof QmpConnectionException e) {
                    throw e;
                }
                out.println(JSON.writeValueAsString(line(calls, (QmpEvent) next)));
            }
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CONNECTION;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event as one JSON object: decoded and re-encoded through the bindings when they know it. */
    private static ObjectNode line(TypedCaller calls, QmpEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", event.name());
        ClientEvent<?> known = SchemaClient.Events.ALL.get(event.name());
        line.set("data", known == null ? event.data() : reencode(calls, known, event));
        ObjectNode timestamp = line.putObject("timestamp");
        timestamp.put("seconds", event.seconds());
        timestamp.put("microseconds", event.microseconds());
        return line;
    }

    private static <E> JsonNode reencode(TypedCaller calls, ClientEvent<E> known, QmpEvent event) {
        E value = calls.decodeEvent(known, event);
        return value == null ? event.data() : known.encode(value);
    }

    private static QmpClient connect(String socket) {
        QmpClient.Builder builder;
        try {
            builder = QmpClient.builder().address(socket).connectTimeout(CONNECT_TIMEOUT).noDefaultTimeout();
        } catch (RuntimeException e) {
            throw new UsageException("SOCKET '" + socket + "': " + e.getMessage());
        }
        return builder.connect();
    }

    private static String version() {
        try (InputStream in = QmpTool.class.getResourceAsStream("/META-INF/maven/dev.qapi/qemu-qmp/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (java.io.IOException e) {
            // fall through: the version is only informative
        }
        return "unknown";
    }

    static String usage() {
        return """
                Usage: java -jar qmp.jar SOCKET COMMAND [ARGUMENTS-JSON]
                       java -jar qmp.jar SOCKET --events [--count N] [--timeout S]
                       java -jar qmp.jar --help | --version

                SOCKET is a Unix socket path or HOST:PORT of a QMP server (QEMU's -qmp).
                The arguments are checked against QEMU's typed bindings before anything is sent; the
                return value is decoded through them and printed as one JSON line.
                --events prints each event as one JSON line, until N were printed or S seconds passed.

                Exit status: 0 done; 1 the server answered with an error (printed as CLASS: desc), has
                no such command (CommandNotFound, checked first: nothing sent) or sent a reply the
                bindings cannot decode; 2 a usage error, a refused argument or a command the bindings
                do not know (nothing sent); 3 no connection, or it broke.
                """;
    }
}
