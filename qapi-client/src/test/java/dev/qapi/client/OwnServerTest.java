package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.QmpConnectionException;
import dev.qapi.runtime.client.QmpEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client against our own server (qapi-runtime's QmpServer), in-process. */
class OwnServerTest {

    @Test
    void connectsNegotiatesAndCalls() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.connect(s.socket)) {
            assertEquals(10, qmp.greeting().major());
            assertTrue(qmp.greeting().offers("oob"));
            JsonNode v = qmp.execute("query-version");
            assertEquals(10, v.path("qemu").path("major").asInt());
            assertTrue(qmp.isOpen());
        }
    }

    @Test
    void errorRepliesFailOnlyTheirCall() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.connect(s.socket)) {
            QmpException e = assertThrows(QmpException.class, () -> qmp.execute("no-such-command"));
            assertEquals("CommandNotFound", e.errorClass());
            assertEquals("The command no-such-command has not been found", e.desc());
            assertEquals(10, qmp.execute("query-version").path("qemu").path("major").asInt());
        }
    }

    @Test
    void manyCallsInFlightAllGetTheirOwnReply() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.connect(s.socket)) {
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                calls.add(qmp.call(i % 2 == 0 ? "query-version" : "query-commands"));
            }
            for (int i = 0; i < calls.size(); i++) {
                JsonNode r = calls.get(i).get(10, TimeUnit.SECONDS);
                assertEquals(i % 2 == 0, r.isObject(), "reply " + i);
            }
        }
    }

    @Test
    void eventsReachListenersByName() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.connect(s.socket)) {
            LinkedBlockingQueue<QmpEvent> stops = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<QmpEvent> all = new LinkedBlockingQueue<>();
            qmp.subscribe(stops::add, "STOP");
            qmp.subscribe(all::add);
            qmp.execute("query-version");
            s.server.emit("RESUME", JsonNodeFactory.instance.objectNode());
            s.server.emit("STOP", JsonNodeFactory.instance.objectNode().put("x", 1));
            assertEquals("STOP", stops.poll(5, TimeUnit.SECONDS).name());
            assertEquals(1, all.poll(5, TimeUnit.SECONDS).data().size() == 0 ? 1 : 0);
            QmpEvent second = all.poll(5, TimeUnit.SECONDS);
            assertEquals("STOP", second.name());
            assertEquals(1, second.data().path("x").asInt());
            assertTrue(second.seconds() > 0);
        }
    }

    @Test
    void closingFailsPendingCallsAndLaterCalls() throws Exception {
        try (TestServer s = TestServer.basic()) {
            QmpClient qmp = QmpClient.connect(s.socket);
            qmp.close();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> qmp.call("query-version").get(5, TimeUnit.SECONDS));
            assertInstanceOf(QmpConnectionException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("closed by the client"), e.getCause().getMessage());
            assertTrue(qmp.disconnected().isDone());
        }
    }

    @Test
    void manyConnectionsShareTheOneLoopThread() throws Exception {
        try (TestServer s = TestServer.basic(); QmpEventLoop loop = new QmpEventLoop("qmp-client-test")) {
            int n = 200;
            for (int i = 0; i < n; i++) {
                s.server.addChardev("c" + i, java.net.UnixDomainSocketAddress.of(s.socket.resolveSibling("c" + i)));
                s.server.addMonitor("c" + i, java.util.Optional.empty(), false, false);
            }
            int threadsBefore = Thread.activeCount();
            List<CompletableFuture<QmpClient>> connecting = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                connecting.add(QmpClient.builder().unixSocket(s.socket.resolveSibling("c" + i)).eventLoop(loop).connectAsync());
            }
            List<QmpClient> clients = new ArrayList<>();
            for (CompletableFuture<QmpClient> c : connecting) {
                clients.add(c.get(20, TimeUnit.SECONDS));
            }
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (QmpClient c : clients) {
                calls.add(c.call("query-version"));
            }
            for (CompletableFuture<JsonNode> c : calls) {
                assertEquals(10, c.get(20, TimeUnit.SECONDS).path("qemu").path("major").asInt());
            }
            assertTrue(Thread.activeCount() - threadsBefore < 5, "threads: " + threadsBefore + " -> " + Thread.activeCount());
            for (QmpClient c : clients) {
                c.close();
            }
            for (int i = 0; i < n; i++) {
                java.nio.file.Files.deleteIfExists(s.socket.resolveSibling("c" + i));
            }
        }
    }

    @Test
    void eventsAfterSynchronousCallsStillArrive() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.connect(s.socket)) {
            LinkedBlockingQueue<QmpEvent> all = new LinkedBlockingQueue<>();
            qmp.subscribe(all::add);
            for (int i = 0; i < 100; i++) {
                qmp.execute("query-version");
            }
            // Nobody calls now: the loop has to take over reading from the synchronous callers.
            s.server.emit("LATER", JsonNodeFactory.instance.objectNode());
            QmpEvent e = all.poll(5, TimeUnit.SECONDS);
            assertEquals("LATER", e == null ? null : e.name());
        }
    }

    @Test
    void synchronousAndAsynchronousCallersTogetherAllGetTheirOwnReplies() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.connect(s.socket)) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                boolean sync = t % 2 == 0;
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < 500; i++) {
                            String cmd = i % 2 == 0 ? "query-version" : "query-commands";
                            JsonNode r = sync ? qmp.execute(cmd) : qmp.call(cmd).get(10, TimeUnit.SECONDS);
                            if (r.isObject() != (i % 2 == 0)) {
                                throw new AssertionError("wrong reply for " + cmd + ": " + r);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join(30_000);
            }
            assertEquals(List.of(), failures);
            assertEquals(0, qmp.pendingCalls());
        }
    }

    @Test
    void manySynchronousCallersOnSeveralConnectionsShareABoundedSetOfSelectors() throws Exception {
        int keep = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        try (TestServer s = TestServer.basic()) {
            QmpClient[] clients = new QmpClient[3];
            for (int i = 0; i < clients.length; i++) {
                java.nio.file.Path socket = s.socket.resolveSibling("s" + i);
                s.server.addChardev("s" + i, java.net.UnixDomainSocketAddress.of(socket));
                s.server.addMonitor("s" + i, java.util.Optional.empty(), false, false);
                clients[i] = QmpClient.connect(socket);
            }
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 3 * keep; t++) {
                QmpClient qmp = clients[t % clients.length];
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            String cmd = i % 2 == 0 ? "query-version" : "query-commands";
                            if (qmp.execute(cmd).isObject() != (i % 2 == 0)) {
                                throw new AssertionError("wrong reply for " + cmd);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join(60_000);
            }
            assertEquals(List.of(), failures);
            // Selectors opened beyond the kept ones while many callers waited at once are closed again.
            assertTrue(CallerSelectors.open() <= keep, "caller selectors open: " + CallerSelectors.open());
            for (QmpClient qmp : clients) {
                assertEquals(0, qmp.pendingCalls());
                assertTrue(qmp.execute("query-version").has("qemu"));
                qmp.close();
            }
            for (int i = 0; i < clients.length; i++) {
                java.nio.file.Files.deleteIfExists(s.socket.resolveSibling("s" + i));
            }
        }
    }
}
