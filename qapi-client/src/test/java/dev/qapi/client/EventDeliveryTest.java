package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.QmpConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Events: wire order with replies, slow listeners and the overflow policies. */
class EventDeliveryTest {

    /** A server that answers the first request after sending {@code events} events E0, E1, ... */
    private static FakeServer eventsThenReply(int events) throws Exception {
        return new FakeServer(p -> {
            p.negotiate();
            JsonNode r = p.request();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < events; i++) {
                out.append("{\"timestamp\": {\"seconds\": 1, \"microseconds\": ").append(i)
                        .append("}, \"event\": \"E").append(i % 2).append("\", \"data\": {\"n\": ").append(i)
                        .append("}}\r\n");
            }
            out.append("{\"return\": {}, \"id\": ").append(r.get("id")).append("}\r\n");
            p.send(out.toString());
            p.awaitClose();
        });
    }

    @Test
    void aReplyCompletesOnlyAfterTheEventsBeforeItWereHandedOver() throws Exception {
        try (FakeServer fake = eventsThenReply(100); QmpClient qmp = QmpClient.connect(fake.socket)) {
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            qmp.subscribe(e -> {
                sleep(1);
                seen.add(e.data().get("n").asInt());
            });
            qmp.execute("go");
            // The last listener call may still be running; every one has begun.
            for (int i = 0; i < 100 && seen.size() < 100; i++) {
                Thread.sleep(5);
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add(i);
            }
            assertEquals(expected, List.copyOf(seen));
        }
    }

    @Test
    void nameFiltersSelectEvents() throws Exception {
        try (FakeServer fake = eventsThenReply(10); QmpClient qmp = QmpClient.connect(fake.socket)) {
            List<Integer> odd = Collections.synchronizedList(new ArrayList<>());
            var sub = qmp.subscribe(e -> odd.add(e.data().get("n").asInt()), "E1");
            qmp.execute("go");
            Thread.sleep(100);
            assertEquals(List.of(1, 3, 5, 7, 9), List.copyOf(odd));
            sub.close();
            sub.close();
        }
    }

    @Test
    void dropOldestCountsWhatItDrops() throws Exception {
        try (FakeServer fake = eventsThenReply(50); QmpClient qmp = QmpClient.builder().unixSocket(fake.socket)
                .eventBuffer(10).overflowPolicy(EventOverflowPolicy.DROP_OLDEST).connect()) {
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            qmp.subscribe(e -> {
                await(release);
                seen.add(e.data().get("n").asInt());
            });
            CompletableFuture<JsonNode> go = qmp.call("go");
            for (int i = 0; i < 200 && qmp.droppedEvents() < 39; i++) {
                Thread.sleep(5);
            }
            release.countDown();
            go.get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 200 && seen.size() + qmp.droppedEvents() < 50; i++) {
                Thread.sleep(5);
            }
            // At most one event being delivered plus 10 buffered: the oldest of the rest were dropped.
            assertEquals(50, seen.size() + qmp.droppedEvents());
            assertTrue(qmp.droppedEvents() >= 39, "dropped " + qmp.droppedEvents());
            assertEquals(49, seen.get(seen.size() - 1));
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i - 1) < seen.get(i), "in order: " + seen);
            }
        }
    }

    @Test
    void pauseReadingLosesNothing() throws Exception {
        try (FakeServer fake = eventsThenReply(2000); QmpClient qmp = QmpClient.builder().unixSocket(fake.socket)
                .eventBuffer(16).overflowPolicy(EventOverflowPolicy.PAUSE_READING).connect()) {
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            qmp.subscribe(e -> seen.add(e.data().get("n").asInt()));
            qmp.execute("go");
            for (int i = 0; i < 100 && seen.size() < 2000; i++) {
                Thread.sleep(5);
            }
            assertEquals(2000, seen.size());
            assertEquals(0, qmp.droppedEvents());
            for (int i = 0; i < 2000; i++) {
                assertEquals(i, seen.get(i));
            }
        }
    }

    @Test
    void failConnectionNamesTheOverflow() throws Exception {
        try (FakeServer fake = eventsThenReply(50); QmpClient qmp = QmpClient.builder().unixSocket(fake.socket)
                .eventBuffer(10).overflowPolicy(EventOverflowPolicy.FAIL_CONNECTION).connect()) {
            CountDownLatch release = new CountDownLatch(1);
            qmp.subscribe(e -> await(release));
            CompletableFuture<JsonNode> go = qmp.call("go");
            ExecutionException e = assertThrows(ExecutionException.class, () -> go.get(5, TimeUnit.SECONDS));
            release.countDown();
            assertInstanceOf(QmpConnectionException.class, e.getCause());
            assertTrue(e.getCause().getMessage().endsWith("event listeners fell more than 10 events behind"
                    + " (overflow policy FAIL_CONNECTION)"), e.getCause().getMessage());
        }
    }

    @Test
    void aListenerMayCallSynchronouslyOnItsOwnConnection() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.connect(s.socket)) {
            CompletableFuture<JsonNode> fromListener = new CompletableFuture<>();
            qmp.subscribe(e -> fromListener.complete(qmp.execute("query-version")), "PING");
            s.server.emit("PING", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            s.server.emit("OTHER", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            assertEquals(10, fromListener.get(5, TimeUnit.SECONDS).path("qemu").path("major").asInt());
        }
    }

    @Test
    void aSynchronousCallOnTheLoopThreadIsRefused() throws Exception {
        try (TestServer s = TestServer.basic(); QmpClient qmp = QmpClient.builder().unixSocket(s.socket)
                .listenerExecutor(Runnable::run).connect()) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            qmp.subscribe(e -> {
                try {
                    qmp.execute("query-version");
                    refused.complete(null);
                } catch (IllegalStateException x) {
                    refused.complete(x);
                }
            });
            s.server.emit("PING", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            assertInstanceOf(IllegalStateException.class, refused.get(5, TimeUnit.SECONDS));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /**
     * A synchronous caller reads its replies itself: over many calls, events and replies keep their wire
     * order, and replies of every shape (the fast path's, errors, split across writes) reach their own
     * call.
     */
    @Test
    void synchronousCallersSeeEventsAndRepliesOfEveryShapeInWireOrder() throws Exception {
        int n = 256;
        try (FakeServer fake = new FakeServer(p -> {
            p.negotiate();
            for (int i = 0; i < n; i++) {
                JsonNode r = p.request();
                p.send("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 0}, \"event\": \"E\", \"data\": {\"n\": "
                        + i + "}}\r\n");
                String reply = i % 7 == 3
                        ? "{\"error\": {\"class\": \"GenericError\", \"desc\": \"no " + i + "\"}, \"id\": " + r.get("id") + "}\r\n"
                        : "{\"return\": {\"n\": " + i + ", \"s\": \"x\\u0041\"}, \"id\": " + r.get("id") + "}\r\n";
                if (i % 5 == 2) {
                    p.send(reply.substring(0, 9));
                    Thread.sleep(0, 200_000);
                    p.send(reply.substring(9));
                } else {
                    p.send(reply);
                }
            }
            p.awaitClose();
        }); QmpClient qmp = QmpClient.builder().unixSocket(fake.socket).listenerExecutor(Runnable::run).connect()) {
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            qmp.subscribe(e -> seen.add(e.data().get("n").asInt()), "E");
            for (int i = 0; i < n; i++) {
                if (i % 7 == 3) {
                    int k = i;
                    QmpException e = assertThrows(QmpException.class, () -> qmp.execute("go"));
                    assertEquals("no " + k, e.desc());
                } else {
                    JsonNode r = qmp.execute("go");
                    assertEquals(i, r.get("n").asInt());
                    assertEquals("xA", r.get("s").asText());
                }
                assertEquals(i + 1, seen.size(), "events handed over before reply " + i);
                assertEquals(i, seen.get(i));
            }
        }
    }
}
