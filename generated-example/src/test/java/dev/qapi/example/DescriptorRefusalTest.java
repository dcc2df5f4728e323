package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.qapi.client.QmpClient;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.CallOptions;
import dev.qapi.runtime.fd.ChannelDescriptor;
import dev.qapi.runtime.fd.Fd;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client JVM started without {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} cannot reach its
 * socket's descriptor: a call passing descriptors is refused at once, with a message saying how to
 * start the JVM, and nothing of it reaches the server. The client runs in a forked {@code java} with
 * the test class path (this JVM has the flag); the server here records every request it gets.
 */
class DescriptorRefusalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The forked client: a getfd passing stdin's descriptor, then query-version; prints what happened. */
    public static void main(String[] args) {
        System.out.println("client> descriptor reachable: " + ChannelDescriptor.available());
        try (QmpClient client = QmpClient.connect(Path.of(args[0]))) {
            try {
                client.execute("getfd", JsonNodeFactory.instance.objectNode().put("fdname", "stdin"),
                        CallOptions.DEFAULT.withFds(Fd.adopt(0)));
                System.out.println("client> getfd: sent");
            } catch (QmpException e) {
                System.out.println("client> getfd: " + e.errorClass() + ": " + e.desc());
            }
            client.execute("query-version");
            System.out.println("client> query-version: answered");
        }
    }

    @Test
    void aJvmWithoutTheExportRefusesToPassDescriptorsAndSendsNothing() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(90), this::refusedInAForkedJvm);
    }

    private void refusedInAForkedJvm() throws Exception {
        Path dir = Files.createTempDirectory("example-noexport");
        Path socket = dir.resolve("qmp.sock");
        Process child = null;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), DescriptorRefusalTest.class.getName(),
                    socket.toString()).redirectErrorStream(true).start();
            List<String> received;
            try (SocketChannel connection = server.accept()) {
                received = serve(connection);
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the client ended");
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), output);
            List<String> lines = output.lines().filter(l -> l.startsWith("client> ")).map(l -> l.substring(8)).toList();
            assertEquals(List.of(
                    "descriptor reachable: false",
                    "getfd: GenericError: cannot pass descriptors to getfd over " + socket + ": this JVM cannot reach the"
                            + " socket's descriptor (start it with --add-exports java.base/sun.nio.ch=ALL-UNNAMED;"
                            + " Linux 64-bit only); nothing was sent",
                    "query-version: answered"), lines, output);
            assertEquals(List.of("qmp_capabilities", "query-version"), received, "getfd never reached the server");
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    /** Greets, answers every request with an empty return, and records each request's command. */
    private static List<String> serve(SocketChannel connection) throws Exception {
        OutputStream out = Channels.newOutputStream(connection);
        out.write(("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 0, \"major\": 10}, \"package\": \"\"},"
                + " \"capabilities\": []}}\r\n").getBytes(StandardCharsets.UTF_8));
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connection),
                StandardCharsets.UTF_8));
        List<String> received = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode request = JSON.readTree(line);
            received.add(request.path("execute").asText());
            String id = request.has("id") ? ", \"id\": " + request.get("id") : "";
            out.write(("{\"return\": {}" + id + "}\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return received;
    }
}
