package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qapi.runtime.client.CallOptions;
import dev.qapi.runtime.client.QmpConnectionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that break the protocol: each gives the affected calls a clear exception or a timeout, never
 * a hang, and leaves no thread or descriptor behind; a healthy connection on the same event loop goes
 * on working throughout.
 */
class BadServerTest {
    private static TestServer healthyServer;
    private static QmpClient healthy;
    private long descriptorsBefore;

    @BeforeAll
    static void startHealthy() throws IOException {
        healthyServer = TestServer.basic();
        healthy = QmpClient.connect(healthyServer.socket);
        // The first synchronous call opens a selector kept for reuse: not a leak.
        healthy.execute("query-version");
        // So do one-time initialisations on the first broken connection (JNA's native library and libffi's
        // trampoline file, loaded lazily and kept for the JVM's life): take them before counting.
        try {
            failureOfCall(p -> {
                p.request();
                p.send("this is not JSON\r\n");
                p.awaitClose();
            });
        } catch (Exception e) {
            throw new IOException("the warm-up connection failed unexpectedly", e);
        }
    }

    @AfterAll
    static void stopHealthy() throws IOException {
        healthy.close();
        healthyServer.close();
    }

    @BeforeEach
    void countDescriptors() throws IOException {
        descriptorsBefore = descriptors();
    }

    @AfterEach
    void nothingLeakedAndOthersUnaffected() throws Exception {
        assertEquals(10, healthy.execute("query-version").path("qemu").path("major").asInt());
        long after = descriptors();
        for (int i = 0; i < 50 && after > descriptorsBefore; i++) {
            Thread.sleep(20);
            after = descriptors();
        }
        assertTrue(after <= descriptorsBefore, "descriptors before " + descriptorsBefore + ", after " + after
                + ": " + openDescriptors());
    }

    /** What each open descriptor is, for the message of a failed check. */
    private static String openDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return fd.getFileName() + "->" + Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    return fd.getFileName() + "->?";
                }
            }).sorted().toList().toString();
        }
    }

    /**
     * The process's open descriptors, less the two of each selector in the client's caller pool: that pool
     * may grow (to a fixed bound) when synchronous callers overlap, which is not a leak.
     */
    private static long descriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count() - 2L * CallerSelectors.open();
        }
    }

    /** A call made after negotiation with a server that then runs {@code after}. */
    private static Throwable failureOfCall(FakeServer.Script after, QmpClient.Builder options) throws Exception {
        try (FakeServer fake = new FakeServer(p -> {
            p.negotiate();
            after.run(p);
        }); QmpClient qmp = options.unixSocket(fake.socket).connect()) {
            CompletableFuture<JsonNode> call = qmp.call("query-status");
            ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
            return e.getCause();
        }
    }

    private static Throwable failureOfCall(FakeServer.Script after) throws Exception {
        return failureOfCall(after, QmpClient.builder());
    }

    @Test
    void garbageFailsTheConnection() throws Exception {
        Throwable e = failureOfCall(p -> {
            p.request();
            p.send("this is not JSON\r\n");
            p.awaitClose();
        });
        assertInstanceOf(QmpConnectionException.class, e);
        assertTrue(e.getMessage().contains("the server sent invalid JSON: JSON parse error, invalid keyword 'this'"), e.getMessage());
    }

    @Test
    void halfAMessageThenCloseFailsTheCall() throws Exception {
        Throwable e = failureOfCall(p -> {
            JsonNode r = p.request();
            p.send("{\"return\": {\"status\": \"runn");
        });
        assertInstanceOf(QmpConnectionException.class, e);
        assertTrue(e.getMessage().endsWith("the server closed the connection in the middle of a message"), e.getMessage());
    }

    @Test
    void replyWithAnIdNeverSentFailsTheConnection() throws Exception {
        Throwable e = failureOfCall(p -> {
            p.request();
            p.send("{\"return\": {}, \"id\": 999}\r\n");
            p.awaitClose();
        });
        assertInstanceOf(QmpConnectionException.class, e);
        assertTrue(e.getMessage().endsWith("the server replied to id 999, which was never sent"), e.getMessage());
    }

    @Test
    void errorWithoutIdFailsTheConnectionNamingTheError() throws Exception {
        Throwable e = failureOfCall(p -> {
            p.request();
            p.send("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '}'\"}}\r\n");
            p.awaitClose();
        });
        assertInstanceOf(QmpConnectionException.class, e);
        assertTrue(e.getMessage().endsWith("the server sent a reply without an id, which matches no call (every"
                + " request carries one): GenericError: JSON parse error, stray '}'"), e.getMessage());
    }

    @Test
    void oversizedMessageFailsTheConnection() throws Exception {
        Throwable e = failureOfCall(p -> {
            JsonNode r = p.request();
            p.send("{\"return\": \"" + "x".repeat(100_000) + "\", \"id\": " + r.get("id") + "}\r\n");
            p.awaitClose();
        }, QmpClient.builder().maxMessageSize(16 * 1024));
        assertInstanceOf(QmpConnectionException.class, e);
        assertTrue(e.getMessage().endsWith("a message from the server exceeds the limit of 16384 bytes"), e.getMessage());
    }

    @Test
    void silenceAfterNegotiationTimesTheCallOut() throws Exception {
        Throwable e = failureOfCall(p -> {
            p.request();
            p.awaitClose();
        }, QmpClient.builder().defaultTimeout(Duration.ofMillis(300)));
        assertInstanceOf(TimeoutException.class, e);
        assertTrue(e.getMessage().contains("query-status timed out after 300 ms"), e.getMessage());
    }

    @Test
    void noGreetingFailsTheConnectWithinItsTimeout() throws Exception {
        try (FakeServer fake = new FakeServer(FakeServer.Peer::awaitClose)) {
            QmpConnectionException e = assertThrows(QmpConnectionException.class, () -> QmpClient.builder()
                    .unixSocket(fake.socket).connectTimeout(Duration.ofMillis(300)).connect());
            assertTrue(e.getMessage().endsWith("no QMP greeting within 300 ms"), e.getMessage());
        }
    }

    @Test
    void somethingElseThanAGreetingFailsTheConnect() throws Exception {
        try (FakeServer fake = new FakeServer(p -> {
            p.send("{\"return\": {}}\r\n");
            p.awaitClose();
        })) {
            QmpConnectionException e = assertThrows(QmpConnectionException.class,
                    () -> QmpClient.connect(fake.socket));
            assertTrue(e.getMessage().contains("expected the QMP greeting"), e.getMessage());
        }
    }

    @Test
    void aMissingSocketFailsTheConnectNamingIt() throws Exception {
        Path missing = Files.createTempDirectory("client-none").resolve("none.sock");
        QmpConnectionException e = assertThrows(QmpConnectionException.class, () -> QmpClient.builder()
                .unixSocket(missing).waitForSocket(Duration.ofMillis(200)).connect());
        assertTrue(e.getMessage().startsWith("cannot connect to " + missing + " (waited 200 ms for it): "), e.getMessage());
        Files.delete(missing.getParent());
    }

    @Test
    void aLateReplyIsDroppedAndNeverGivenToAnotherCall() throws Exception {
        try (FakeServer fake = new FakeServer(p -> {
            p.negotiate();
            JsonNode first = p.request();
            JsonNode second = p.request();
            // Answers the first only after it timed out, then the second.
            Thread.sleep(400);
            p.send("{\"return\": \"first\", \"id\": " + first.get("id") + "}\r\n");
            p.send("{\"return\": \"second\", \"id\": " + second.get("id") + "}\r\n");
            p.awaitClose();
        }); QmpClient qmp = QmpClient.connect(fake.socket)) {
            CompletableFuture<JsonNode> first = qmp.call("a", null, CallOptions.DEFAULT.withTimeout(Duration.ofMillis(100)));
            CompletableFuture<JsonNode> second = qmp.call("b", null, CallOptions.DEFAULT);
            ExecutionException e = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, e.getCause());
            assertEquals("second", second.get(5, TimeUnit.SECONDS).asText());
            assertEquals(1, qmp.lateReplies());
        }
    }

    @Test
    void aCancelledCallsReplyIsDropped() throws Exception {
        try (FakeServer fake = new FakeServer(p -> {
            p.negotiate();
            JsonNode first = p.request();
            JsonNode second = p.request();
            p.send("{\"return\": \"first\", \"id\": " + first.get("id") + "}\r\n");
            p.send("{\"return\": \"second\", \"id\": " + second.get("id") + "}\r\n");
            p.awaitClose();
        }); QmpClient qmp = QmpClient.connect(fake.socket)) {
            CompletableFuture<JsonNode> first = qmp.call("a");
            first.cancel(false);
            assertEquals("second", qmp.call("b").get(5, TimeUnit.SECONDS).asText());
            assertEquals(1, qmp.lateReplies());
            assertEquals(0, qmp.pendingCalls());
        }
    }
}
