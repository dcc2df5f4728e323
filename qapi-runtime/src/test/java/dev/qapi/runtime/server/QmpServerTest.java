package dev.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.CommandInfo;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.marshal.InputVisitor;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QMP server over real Unix sockets: greeting, negotiation, errors, lifecycle, events. */
class QmpServerTest {
    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 13, \"minor\": 0, \"major\": 10},"
            + " \"package\": \"\"}, \"capabilities\": [\"oob\"]}}";

    @TempDir
    Path tmp;

    QmpServer server;
    CommandRegistry registry;

    @BeforeEach
    void start() {
        registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        registry.register(CommandInfo.of("monitor-remove"), (args, ctx) -> {
            InputVisitor in = new InputVisitor(args, ctx.policy());
            in.startStruct(null);
            String id = in.readStr("id");
            in.checkStruct();
            in.endStruct();
            server.removeMonitor(id);
            return JsonNodeFactory.instance.objectNode();
        });
        registry.register(CommandInfo.of("emit"), (args, ctx) -> {
            server.emit("SOMETHING", JsonNodeFactory.instance.objectNode().put("n", 1));
            return JsonNodeFactory.instance.objectNode();
        });
        server = new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path monitor(String chardev, String id) {
        return TestMonitors.add(server, tmp, chardev, id, false);
    }

    private static QmpClient negotiated(Path socket) throws IOException {
        QmpClient c = new QmpClient(socket);
        assertEquals(GREETING, c.read());
        c.send("{\"execute\": \"qmp_capabilities\"}\n");
        assertEquals("{\"return\": {}}", c.read());
        return c;
    }

    @Test
    void greetingNegotiationAndTheProtocolErrorsOfQemusOwnTest() throws IOException {
        try (QmpClient c = new QmpClient(monitor("c0", "m0"))) {
            assertEquals(GREETING, c.read());
            c.send("{\"execute\": \"query-version\"}\n");
            assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting capabilities negotiation with"
                    + " 'qmp_capabilities'\"}}", c.read());
            c.send("{]\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", c.read());
            c.send("null\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}", c.read());
            c.send("{}\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input lacks member 'execute'\"}}", c.read());
            c.send("{\"extra\": true, \"execute\": \"no-such-cmd\"}\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'extra' is unexpected\"}}", c.read());
            c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"cap-does-not-exist\"]}}\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'null' does not accept value"
                    + " 'cap-does-not-exist'\"}}", c.read());
            c.send("{\"execute\": \"qmp_capabilities\", \"id\": {\"b\": 1, \"a\": 2, \"execute\": 3}}\n");
            assertEquals("{\"return\": {}, \"id\": {\"a\": 2, \"execute\": 3, \"b\": 1}}", c.read());
            c.send("{\"execute\": \"qmp_capabilities\"}\n");
            assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is already"
                    + " complete, command ignored\"}}", c.read());
            c.send("{\"execute\": \"query-version\", \"id\": 1.0}\n");
            assertEquals("{\"return\": {\"qemu\": {\"micro\": 13, \"minor\": 0, \"major\": 10}, \"package\": \"\"}, \"id\": 1}",
                    c.read());
            c.send("{\"execute\": \"no-such-cmd\", \"id\": \"cookie#1\"}\n");
            assertEquals("{\"id\": \"cookie#1\", \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command no-such-cmd"
                    + " has not been found\"}}", c.read());
            c.send("{\"exec-oob\": \"query-version\"}\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'exec-oob' is unexpected\"}}",
                    c.read());
        }
    }

    @Test
    void oobAfterNegotiatingIt() throws IOException {
        try (QmpClient c = new QmpClient(monitor("c0", "m0"))) {
            assertEquals(GREETING, c.read());
            c.send("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}\n");
            assertEquals("{\"return\": {}}", c.read());
            c.send("{\"exec-oob\": \"query-version\", \"id\": 7}\n");
            assertEquals("{\"id\": 7, \"error\": {\"class\": \"GenericError\", \"desc\": \"The command query-version does not"
                    + " support OOB\"}}", c.read());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredOnceEachInOrder() throws IOException {
        try (QmpClient c = negotiated(monitor("c0", "m0"))) {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                many.append("{\"execute\": \"query-version\", \"id\": ").append(i).append("}");
            }
            c.send(many.toString());
            for (int i = 0; i < 500; i++) {
                assertTrue(c.read().endsWith("\"id\": " + i + "}"));
            }
        }
    }

    @Test
    void splitWritesAndHalfClose() throws IOException {
        try (QmpClient c = negotiated(monitor("c0", "m0"))) {
            for (byte b : "{\"execute\": \"query-version\", \"id\": 1}".getBytes()) {
                c.send(new byte[] {b});
            }
            c.send("{\"execute\": \"query-version\", \"id\": 2}");
            c.shutdownOutput();
            assertTrue(c.read().endsWith("\"id\": 1}"));
            assertTrue(c.read().endsWith("\"id\": 2}"));
            assertNull(c.read(), "end of file after every answer");
        }
    }

    @Test
    void aNewClientStartsAfreshInNegotiationMode() throws IOException {
        Path socket = monitor("c0", "m0");
        try (QmpClient c = negotiated(socket)) {
            c.send("{\"execute\": \"query-ver");
        }
        try (QmpClient c = new QmpClient(socket)) {
            assertEquals(GREETING, c.read());
            c.send("{\"execute\": \"query-version\"}\n");
            assertTrue(c.read().contains("Expecting capabilities negotiation"));
        }
    }

    @Test
    void selfRemovalAnswersThenEndsTheConnectionAndFreesTheChardev() throws IOException {
        Path socket = monitor("c0", "m0");
        try (QmpClient c = negotiated(socket)) {
            c.send("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"m0\"}, \"id\": 1}"
                    + "{\"execute\": \"query-version\", \"id\": 2}\n");
            assertEquals("{\"return\": {}, \"id\": 1}", c.read());
            assertNull(c.read(), "the queued request is never run");
        }
        assertEquals(List.of(), server.monitors());
        assertEquals("m1", server.addMonitor("c0", Optional.of("m1"), false, true));
        try (QmpClient c = new QmpClient(socket)) {
            assertEquals(GREETING, c.read());
        }
    }

    @Test
    void removalFromAnotherConnectionDropsThatClient() throws IOException {
        Path a = monitor("ca", "a");
        Path b = monitor("cb", "b");
        try (QmpClient ca = negotiated(a); QmpClient cb = negotiated(b)) {
            ca.send("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"b\"}}\n");
            assertEquals("{\"return\": {}}", ca.read());
            assertNull(cb.read());
            ca.send("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"b\"}}\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"monitor 'b' not found\"}}", ca.read());
        }
    }

    @Test
    void eventsGoToMonitorsInCommandModeBeforeTheReply() throws IOException {
        Path a = monitor("ca", "a");
        Path b = monitor("cb", "b");
        try (QmpClient ca = negotiated(a); QmpClient cb = new QmpClient(b)) {
            assertEquals(GREETING, cb.read());
            ca.send("{\"execute\": \"emit\"}\n");
            String event = ca.read();
            assertTrue(event.matches("\\{\"timestamp\": \\{\"seconds\": \\d+, \"microseconds\": \\d+\\}, \"event\":"
                    + " \"SOMETHING\", \"data\": \\{\"n\": 1\\}\\}"), event);
            assertEquals("{\"return\": {}}", ca.read());
            cb.send("{\"execute\": \"qmp_capabilities\"}\n");
            assertEquals("{\"return\": {}}", cb.read(), "the negotiating monitor got no event");
        }
    }

    @Test
    void chardevAndMonitorErrors() {
        monitor("c0", "m0");
        QmpException dup = assertThrows(QmpException.class, () -> server.addChardev("c0", UnixDomainSocketAddress.of(tmp.resolve("x"))));
        assertEquals("Chardev with id 'c0' already exists", dup.desc());
        assertEquals("chardev 'c0' is already in use",
                assertThrows(QmpException.class, () -> server.addMonitor("c0", Optional.empty(), false, true)).desc());
        assertEquals("monitor 'm0' already exists",
                assertThrows(QmpException.class, () -> server.addMonitor("c0", Optional.of("m0"), false, true)).desc());
        assertEquals("chardev 'nope' not found",
                assertThrows(QmpException.class, () -> server.addMonitor("nope", Optional.empty(), false, true)).desc());
        assertEquals("Chardev 'c0' is busy", assertThrows(QmpException.class, () -> server.removeChardev("c0")).desc());
        server.addChardev("c1", UnixDomainSocketAddress.of(tmp.resolve("c1.sock")));
        assertEquals("#mon0", server.addMonitor("c1", Optional.empty(), false, true));
    }

    @Test
    void anAddressThatCannotBeBoundIsAQmpErrorNotACrash() {
        assertEquals("Failed to add chardev 't': Failed to bind socket to no.such.host.invalid:4444: address does not resolve",
                assertThrows(QmpException.class, () -> server.addChardev("t",
                        java.net.InetSocketAddress.createUnresolved("no.such.host.invalid", 4444))).desc());
        assertEquals(List.of(), server.chardevs());
    }

    @Test
    void prettyOutputIsQemus() throws IOException {
        Path path = tmp.resolve("p.sock");
        server.addChardev("p", UnixDomainSocketAddress.of(path));
        server.addMonitor("p", Optional.of("p"), true, false);
        try (QmpClient c = new QmpClient(path)) {
            c.read();
            c.send("{\"execute\": \"qmp_capabilities\"}\n");
            assertEquals("{\r\n    \"return\": {\r\n    }\r\n}", c.read());
        }
    }

    /** QEMU's own qmp/preconfig test, step by step (query-status aside: that is the application's). */
    @Test
    void preconfigRunsOnlyAllowPreconfigCommandsUntilItIsExited() throws IOException {
        registry.register(new CommandInfo("x-exit-preconfig", false, true, true, 0, List.of("unstable")), (args, ctx) -> {
            server.exitPreconfig();
            return JsonNodeFactory.instance.objectNode();
        });
        registry.register(CommandInfo.of("query-cpus-fast"), (args, ctx) -> JsonNodeFactory.instance.arrayNode());
        server.startPreconfig();
        server.startPreconfig();
        assertTrue(server.inPreconfig());
        try (QmpClient c = negotiated(monitor("c0", "m0"))) {
            c.send("{\"execute\": \"query-commands\", \"id\": 1}\n");
            assertTrue(c.read().startsWith("{\"return\": ["));
            c.send("{\"execute\": \"query-cpus-fast\", \"id\": 2}\n");
            assertEquals("{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"The command 'query-cpus-fast' is"
                    + " permitted only after machine initialization has completed\"}}", c.read());
            c.send("{\"execute\": \"x-exit-preconfig\"}\n");
            assertEquals("{\"return\": {}}", c.read());
            assertFalse(server.inPreconfig());
            c.send("{\"execute\": \"x-exit-preconfig\"}\n");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"The command is permitted only before machine"
                    + " initialization\"}}", c.read());
            c.send("{\"execute\": \"query-cpus-fast\"}\n");
            assertEquals("{\"return\": []}", c.read());
        }
        assertEquals("the preconfig phase is over", assertThrows(IllegalStateException.class, server::startPreconfig).getMessage());
    }

    @Test
    void withoutPreconfigEveryCommandRunsAndItCannotBeExited() {
        assertFalse(server.inPreconfig());
        assertEquals("The command is permitted only before machine initialization",
                assertThrows(QmpException.class, server::exitPreconfig).desc());
    }
}
