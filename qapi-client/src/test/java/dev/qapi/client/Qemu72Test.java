package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qapi.runtime.client.CallOptions;
import dev.qapi.runtime.client.QmpConnectionException;
import dev.qapi.testsupport.Qemu;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a real QEMU 7.2 ({@code qemu-system-x86_64 -machine none}). */
class Qemu72Test {

    @BeforeAll
    static void needsQemu() {
        Qemu.require();
    }

    /**
     * A client builder for {@code q}'s socket. It waits for the socket: QEMU creates the file before
     * it listens, so a connect in between is refused.
     */
    private static QmpClient.Builder client(Qemu q) {
        return QmpClient.builder().unixSocket(q.socket()).waitForSocket(Duration.ofSeconds(10));
    }

    @Test
    void greetingNegotiationAndQueries() throws Exception {
        try (Qemu q = Qemu.serve();
                QmpClient qmp = client(q).oob(true).connect()) {
            assertEquals(7, qmp.greeting().major());
            assertTrue(qmp.greeting().offers("oob"));
            assertTrue(qmp.oobEnabled());
            JsonNode v = qmp.execute("query-version");
            assertEquals(7, v.path("qemu").path("major").asInt());
            assertEquals("running", qmp.execute("query-status").path("status").asText());
            assertTrue(qmp.execute("query-commands").size() > 100);
        }
    }

    @Test
    void stopAndContGiveTheirEventsBeforeTheirReplies() throws Exception {
        try (Qemu q = Qemu.serve(); QmpClient qmp = client(q).connect()) {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            qmp.subscribe(e -> seen.add(e.name()), "STOP", "RESUME");
            qmp.execute("stop");
            assertEquals(List.of("STOP"), List.copyOf(seen), "STOP is handed over before stop returns");
            qmp.execute("cont");
            assertEquals(List.of("STOP", "RESUME"), List.copyOf(seen));
        }
    }

    @Test
    void execOobRunsOutOfBand() throws Exception {
        try (Qemu q = Qemu.serve();
                QmpClient qmp = client(q).oob(true).connect()) {
            JsonNode r = qmp.execute("query-yank", null, CallOptions.DEFAULT.withOob());
            assertTrue(r.isArray());
        }
    }

    @Test
    void thousandCallsInFlight() throws Exception {
        try (Qemu q = Qemu.serve();
                QmpClient qmp = client(q).oob(true).connect()) {
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                calls.add(qmp.call(i % 2 == 0 ? "query-version" : "query-status"));
            }
            for (int i = 0; i < calls.size(); i++) {
                JsonNode r = calls.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(i % 2 == 0, r.has("qemu"), "reply " + i);
            }
        }
    }

    @Test
    void aStoppedQemuTimesOutTheCallAndTheLateReplyIsDropped() throws Exception {
        try (Qemu q = Qemu.serve(); QmpClient qmp = client(q).connect()) {
            q.signal("STOP");
            CompletableFuture<JsonNode> slow = qmp.call("query-version", null,
                    CallOptions.DEFAULT.withTimeout(Duration.ofMillis(200)));
            ExecutionException e = assertThrows(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("query-version timed out after 200 ms"), e.getCause().getMessage());
            q.signal("CONT");
            assertEquals("running", qmp.execute("query-status").path("status").asText());
            assertEquals(1, qmp.lateReplies());
        }
    }

    @Test
    void killingQemuFailsEveryPendingCall() throws Exception {
        try (Qemu q = Qemu.serve(); QmpClient qmp = client(q).connect()) {
            q.signal("STOP");
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(qmp.call("query-status"));
            }
            q.process().destroyForcibly();
            for (CompletableFuture<JsonNode> c : calls) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> c.get(10, TimeUnit.SECONDS));
                assertInstanceOf(QmpConnectionException.class, e.getCause());
                String why = e.getCause().getMessage();
                assertTrue(why.startsWith(q.socket() + ": the "), why);
                assertTrue(why.contains("closed the connection") || why.contains("connection broke"), why);
            }
            assertFalse(qmp.isOpen());
            assertEquals(0, qmp.pendingCalls());
        }
    }

    @Test
    void waitsForASocketThatAppearsLater() throws Exception {
        Path dir = Qemu.tempDir();
        CompletableFuture<QmpClient> connecting = QmpClient.builder().unixSocket(dir.resolve("qmp.sock"))
                .waitForSocket(Duration.ofSeconds(20)).connectAsync();
        Thread.sleep(300);
        assertFalse(connecting.isDone());
        try (Qemu q = Qemu.start(dir, "unix:" + dir.resolve("qmp.sock") + ",server=on,wait=off");
                QmpClient qmp = connecting.get(30, TimeUnit.SECONDS)) {
            assertEquals(7, qmp.execute("query-version").path("qemu").path("major").asInt());
        }
    }

    @Test
    void listeningModeQemuConnectsToUs() throws Exception {
        Path dir = Qemu.tempDir();
        Path sock = dir.resolve("listen.sock");
        try (QmpAcceptor acceptor = QmpClient.builder().listen(java.net.UnixDomainSocketAddress.of(sock));
                Qemu q = Qemu.start(dir, "unix:" + sock + ",server=off");
                QmpClient qmp = acceptor.accept(Duration.ofSeconds(20))) {
            assertEquals(7, qmp.greeting().major());
            assertEquals("running", qmp.execute("query-status").path("status").asText());
        }
    }

    @Test
    void probingAnswersLibvirtStyleQuestionsAndRefusesUnknownCommands() throws Exception {
        try (Qemu q = Qemu.serve();
                QmpClient qmp = client(q).probe(true).connect()) {
            QmpSchema s = qmp.schema();
            assertTrue(s.has("blockdev-add/arg-type/+file/aio/^threads"));
            assertFalse(s.has("blockdev-add/arg-type/+file/aio/^no-such-mode"));
            assertTrue(s.has("blockdev-add/arg-type/*node-name"));
            assertFalse(s.has("blockdev-add/arg-type/*driver"));
            assertTrue(s.has("query-version/ret-type/qemu/major/!int"));
            assertTrue(s.has("query-status/ret-type/status/^running"));
            assertTrue(qmp.supports("query-version"));
            assertFalse(qmp.supports("query-no-such-thing"));
            long lateBefore = qmp.lateReplies();
            dev.qapi.runtime.QmpException e = assertThrows(dev.qapi.runtime.QmpException.class,
                    () -> qmp.execute("query-no-such-thing"));
            assertEquals("CommandNotFound", e.errorClass());
            assertTrue(e.desc().contains("QEMU 7.2."), e.desc());
            assertTrue(e.desc().endsWith("nothing was sent"), e.desc());
            assertEquals(lateBefore, qmp.lateReplies());
        }
    }

    @Test
    void getfdWithADescriptorThenClosefdAndGetfdWithoutOne() throws Exception {
        DescriptorPassingTest.requireAvailable();
        Path dir = Qemu.tempDir();
        try (Qemu q = Qemu.serve(dir); QmpClient qmp = client(q).connect();
                dev.qapi.runtime.fd.Fd mine = DescriptorPassingTest.open(dir.resolve("passed.img"))) {
            JsonNode r = qmp.execute("getfd", DescriptorPassingTest.fdname("disk"), CallOptions.DEFAULT.withFds(mine));
            assertTrue(r.isObject() && r.isEmpty(), r.toString());
            assertTrue(mine.isOpen(), "the caller's descriptor stays the caller's");
            assertTrue(qmp.execute("closefd", DescriptorPassingTest.fdname("disk")).isEmpty());
            dev.qapi.runtime.QmpException none = assertThrows(dev.qapi.runtime.QmpException.class,
                    () -> qmp.execute("getfd", DescriptorPassingTest.fdname("none")));
            assertEquals("GenericError", none.errorClass());
            assertEquals("No file descriptor supplied via SCM_RIGHTS", none.desc());
            assertEquals("running", qmp.execute("query-status").path("status").asText());
        }
    }
}
