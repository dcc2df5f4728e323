package dev.qapi.qemuqmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qapi.client.QmpClient;
import dev.qapi.qemu.SchemaClient;
import dev.qapi.testsupport.Qemu;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code qemu-qmp/target/qmp.jar} run as users run it, against QEMU 7.2: each exit status of the
 * contract. Runs in the {@code package} phase, after the jar is built.
 */
class QmpJarContractTest {
    private static final Path JAR = Path.of("target", "qmp.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Qemu qemu;

    @BeforeAll
    static void startQemu() throws Exception {
        assertTrue(Files.exists(JAR), JAR + " is built before this test runs");
        qemu = Qemu.serve("qmp.sock", "second.sock");
    }

    @AfterAll
    static void stopQemu() throws Exception {
        if (qemu != null) {
            qemu.close();
        }
    }

    private record Run(int status, List<String> out, String err) {
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static Run finish(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "qmp.jar ended");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.exitValue(), out.isEmpty() ? List.of() : List.of(out.split("\n")), err.strip());
    }

    private static Run run(String... args) throws Exception {
        return finish(start(args));
    }

    private String socket() {
        return qemu.socket().toString();
    }

    @Test
    void aCommandsReturnValueIsOneJsonLineAndExit0() throws Exception {
        Run run = run(socket(), "query-status");
        assertEquals(0, run.status(), run.err());
        assertEquals(1, run.out().size());
        assertEquals("running", JSON.readTree(run.out().get(0)).get("status").asText());
        Run withArguments = run(socket(), "qom-list", "{\"path\": \"/machine\"}");
        assertEquals(0, withArguments.status(), withArguments.err());
        assertTrue(JSON.readTree(withArguments.out().get(0)).isArray());
    }

    @Test
    void anErrorReplyIsClassAndDescOnStderrAndExit1() throws Exception {
        Run run = run(socket(), "qom-list", "{\"path\": \"/nope\"}");
        assertEquals(new Run(1, List.of(), "DeviceNotFound: Device '/nope' not found"), run);
    }

    @Test
    void aCommandTheBindingsKnowButTheServerLacksIsCommandNotFoundExit1AndIsNotSent() throws Exception {
        Run run = run(socket(), "query-cryptodev");
        assertEquals(1, run.status(), run.err());
        assertEquals(List.of(), run.out());
        // QEMU's own answer would be "The command query-cryptodev has not been found": this is the
        // client's, from query-commands, before sending.
        assertTrue(run.err().startsWith("CommandNotFound: ") && run.err().contains("query-cryptodev")
                && run.err().contains("QEMU 7.2.") && run.err().endsWith("nothing was sent"), run.err());
    }

    @Test
    void aBadArgumentOrUnknownCommandIsExit2AndNothingIsSent() throws Exception {
        // The socket does not exist: exit 2 rather than 3 shows nothing was even connected.
        String nowhere = qemu.socket() + ".none";
        Run missing = run(nowhere, "query-cpu-model-expansion", "{\"type\": \"full\", \"model\": {}}");
        assertEquals(2, missing.status());
        assertEquals("qmp: query-cpu-model-expansion: Parameter 'model.name' is missing; nothing was sent", missing.err());
        Run wrongType = run(nowhere, "qom-list", "{\"path\": 1}");
        assertEquals("qmp: qom-list: Invalid parameter type for 'path', expected: string; nothing was sent", wrongType.err());
        Run unknown = run(nowhere, "no-such-command");
        assertEquals(new Run(2, List.of(), "qmp: the bindings have no command 'no-such-command'; nothing was sent"), unknown);
        assertEquals(2, run(nowhere, "qom-list", "{not json").status());
        assertEquals(2, run(socket()).status());
    }

    @Test
    void noConnectionOrABrokenOneIsExit3() throws Exception {
        Run none = run(qemu.socket() + ".none", "query-status");
        assertEquals(3, none.status());
        assertTrue(none.err().startsWith("qmp: "), none.err());
        Path path = Files.createTempDirectory("clientgen-broken").resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            Process p = start(path.toString(), "query-status");
            try (SocketChannel c = server.accept()) {
                c.write(ByteBuffer.wrap("{\"QMP\": {\"version\": ".getBytes(StandardCharsets.UTF_8)));
            }
            Run broken = finish(p);
            assertEquals(3, broken.status(), broken.err());
            assertTrue(broken.err().startsWith("qmp: "), broken.err());
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(path.getParent());
        }
    }

    @Test
    void eventsArePrintedTypedAsJsonLinesUntilTheCount() throws Exception {
        Process p = start(socket(), "--events", "--count", "2", "--timeout", "30");
        try (QmpClient client = QmpClient.connect(qemu.socket("second.sock"))) {
            SchemaClient qemuClient = SchemaClient.of(client);
            for (int i = 0; i < 100 && p.isAlive(); i++) {
                qemuClient.stop();
                qemuClient.cont();
                Thread.sleep(100);
            }
        }
        Run run = finish(p);
        assertEquals(0, run.status(), run.err());
        assertEquals(2, run.out().size(), run.out().toString());
        for (String line : run.out()) {
            JsonNode event = JSON.readTree(line);
            assertTrue(List.of("STOP", "RESUME").contains(event.get("event").asText()), line);
            assertTrue(event.get("timestamp").get("seconds").asLong() > 0, line);
        }
        Run quiet = run(socket(), "--events", "--timeout", "0.3");
        assertEquals(new Run(0, List.of(), ""), quiet);
        assertEquals(2, run(socket(), "--events", "--count", "zero").status());
    }

    @Test
    void helpAndVersion() throws Exception {
        Run help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().get(0).startsWith("Usage: java -jar qmp.jar SOCKET COMMAND"), help.out().toString());
        Run version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().get(0).startsWith("qmp 0."), version.out().toString());
    }
}
