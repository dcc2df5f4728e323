package dev.qapi.example;

import dev.qapi.example.qmp.CharCommandsMarshal;
import dev.qapi.example.qmp.ControlCommandsMarshal;
import dev.qapi.example.qmp.FdsCommandsMarshal;
import dev.qapi.example.qmp.SchemaIntrospection;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.server.ProtocolCommands;
import dev.qapi.runtime.server.QmpServer;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A QMP server people can start: {@code java -jar generated-example/target/qmp-example-server.jar
 * -qmp unix:/tmp/qmp.sock,server=on,wait=off}. Clients create chardevs and monitors on demand
 * ({@code chardev-add} + {@code monitor-add}), each new socket giving its client an independent QMP
 * session. SIGTERM shuts it down and removes its sockets.
 */
public final class ExampleServer {
    private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);
    static final String VERSION = "0.1.0";

    private ExampleServer() {
    }

    /** Starts a server as {@code options} say; the caller closes it. */
    static QmpServer start(Options options) {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        ProtocolCommands.registerQuerySchema(registry, SchemaIntrospection.json());
        QmpServer server = new QmpServer(registry, QmpServer.version(11, 1, 0, "qapi-java-" + VERSION), CompatPolicy.DEFAULT);
        // What clients may make the server hold, all together, before the ones holding less than the
        // largest wait their turn: a quarter of the heap leaves room for the one message (up to 64 MiB)
        // that goes on past it and for everything else.
        server.inputBudget(Runtime.getRuntime().maxMemory() / 4);
        try {
            ExampleCommands commands = new ExampleCommands(server);
            ControlCommandsMarshal.register(registry, commands);
            CharCommandsMarshal.register(registry, commands);
            FdsCommandsMarshal.register(registry, new FdCommands(server));
            for (Options.Chardev c : options.chardevs()) {
                server.addChardev(c.id(), c.address());
                LOG.info("chardev {} listening on {}", c.id(), c.address());
            }
            for (Options.Monitor m : options.monitors()) {
                String id = server.addMonitor(m.chardev(), m.id(), m.pretty(), false);
                LOG.info("monitor {} on chardev {}", id, m.chardev());
            }
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.BadOption e) {
            err.println("qmp-example-server: " + e.getMessage());
            return 1;
        }
        switch (options.action()) {
            case VERSION -> {
                out.println("qmp-example-server " + VERSION + " (qapi-java; QMP version 11.1.0)");
                return 0;
            }
            case HELP -> {
                out.print(Options.USAGE);
                return 0;
            }
            default -> {
            }
        }
        QmpServer server;
        try {
            server = start(options);
        } catch (QmpException e) {
            err.println("qmp-example-server: " + e.desc());
            return 1;
        } catch (RuntimeException e) {
            // Anything else that stops start-up (a socket the OS refuses, say) is still reported, not dumped.
            err.println("qmp-example-server: cannot start: " + e);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            server.close();
        }, "shutdown"));
        LOG.info("ready");
        try {
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
