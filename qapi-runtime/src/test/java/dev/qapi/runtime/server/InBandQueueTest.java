package dev.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.AsyncCommandHandler;
import dev.qapi.runtime.dispatch.CommandInfo;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QEMU's ordering model with commands that take time: in-band commands of all monitors run one at a
 * time, out-of-band ones overtake them, the per-monitor queue and its suspend rules, and what happens to
 * waiting requests when their client leaves or their monitor is removed. Modelled on QEMU's
 * {@code qmp/oob} test, where a {@code blockdev-add} blocks on a FIFO.
 */
class InBandQueueTest {
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    @TempDir
    Path tmp;

    QmpServer server;
    /** Completes the running {@code block} command. */
    volatile CompletableFuture<JsonNode> gate = new CompletableFuture<>();
    final AtomicInteger quickRuns = new AtomicInteger();
    final ExecutorService worker = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        registry.register(CommandInfo.of("block"), (AsyncCommandHandler) (args, ctx) -> gate);
        registry.register(CommandInfo.of("quick"), (args, ctx) -> {
            quickRuns.incrementAndGet();
            return EMPTY;
        });
        registry.register(new CommandInfo("oob-ping", true, false, true, 0, List.of()), (args, ctx) -> EMPTY);
        registry.register(new CommandInfo("oob-release", true, false, true, 0, List.of()), (args, ctx) -> {
            gate.complete(EMPTY);
            return EMPTY;
        });
        registry.register(CommandInfo.of("sleepy"), (args, ctx) -> {
            gate.join();
            return JsonNodeFactory.instance.objectNode().put("monitor", server.currentMonitorId().orElse("?"));
        });
        registry.register(CommandInfo.of("fail-later"), (AsyncCommandHandler) (args, ctx) ->
                CompletableFuture.supplyAsync(() -> {
                    throw QmpException.generic("failed on another thread");
                }, worker));
        registry.register(CommandInfo.of("remove-self-later"), (AsyncCommandHandler) (args, ctx) ->
                CompletableFuture.supplyAsync(() -> {
                    // On the worker's thread: only the context knows which monitor asked.
                    MonitorContext mc = (MonitorContext) ctx;
                    mc.removeMonitor(mc.monitorId());
                    return (JsonNode) EMPTY;
                }, worker));
        registry.register(CommandInfo.of("remove-other-later"), (AsyncCommandHandler) (args, ctx) ->
                CompletableFuture.supplyAsync(() -> {
                    ((MonitorContext) ctx).removeMonitor("o");
                    return (JsonNode) EMPTY;
                }, worker));
        server = new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
        server.offload("sleepy", worker);
    }

    @AfterEach
    void stop() throws InterruptedException {
        gate.complete(EMPTY);
        server.close();
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private Path monitor(String name) {
        return TestMonitors.add(server, tmp, name, name, true);
    }

    private void release() {
        gate.complete(EMPTY);
    }

    @Test
    void outOfBandOvertakesARunningInBandCommandAndTheQueueWaits() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), true)) {
            c.send("{\"execute\": \"block\", \"id\": \"ib-blocks-1\"}\n"
                    + "{\"execute\": \"quick\", \"id\": \"ib-quick-1\"}\n"
                    + "{\"exec-oob\": \"oob-ping\", \"id\": \"oob-1\"}\n");
            assertEquals("{\"return\": {}, \"id\": \"oob-1\"}", c.read());
            assertNull(c.poll(100), "in-band requests wait for the running one");
            assertEquals(0, quickRuns.get());
            release();
            assertEquals("{\"return\": {}, \"id\": \"ib-blocks-1\"}", c.read());
            assertEquals("{\"return\": {}, \"id\": \"ib-quick-1\"}", c.read());
        }
    }

    @Test
    void aQueuedRequestErrorWaitsItsTurnToo() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), true)) {
            c.send("{\"execute\": \"block\", \"id\": \"blocks-2\"}\n{\"id\": \"err-2\"}\n{]\n");
            assertNull(c.poll(100));
            release();
            assertEquals("{\"return\": {}, \"id\": \"blocks-2\"}", c.read());
            assertEquals("{\"id\": \"err-2\", \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input lacks member"
                    + " 'execute'\"}}", c.read());
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}",
                    c.read());
        }
    }

    @Test
    void withoutOobTheMonitorReadsNothingWhileItsRequestRuns() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), false)) {
            c.send("{\"execute\": \"block\", \"id\": 1}\n{\"exec-oob\": \"oob-ping\", \"id\": 2}\n");
            assertNull(c.poll(100), "lock-step: not even the exec-oob is read");
            release();
            assertEquals("{\"return\": {}, \"id\": 1}", c.read());
            assertEquals("{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'exec-oob'"
                    + " is unexpected\"}}", c.read());
        }
    }

    @Test
    void withOobReadingStopsWhenEightRequestsWait() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), true)) {
            StringBuilder in = new StringBuilder("{\"execute\": \"block\", \"id\": \"b\"}\n");
            for (int i = 0; i < 7; i++) {
                in.append("{\"execute\": \"quick\", \"id\": ").append(i).append("}\n");
            }
            c.send(in + "{\"exec-oob\": \"oob-ping\", \"id\": \"o1\"}\n");
            assertEquals("{\"return\": {}, \"id\": \"o1\"}", c.read(), "seven waiting: still reading");
            c.send("{\"execute\": \"quick\", \"id\": 7}\n{\"exec-oob\": \"oob-ping\", \"id\": \"o2\"}\n");
            assertNull(c.poll(150), "eight waiting: suspended, the exec-oob is not read");
            release();
            assertEquals("{\"return\": {}, \"id\": \"b\"}", c.read());
            List<String> rest = List.of(c.read(), c.read(), c.read(), c.read(), c.read(), c.read(), c.read(), c.read(),
                    c.read());
            assertEquals(9, rest.size());
            assertTrue(rest.contains("{\"return\": {}, \"id\": \"o2\"}"), rest.toString());
            int expect = 0;
            for (String r : rest) {
                if (!r.contains("o2")) {
                    assertEquals("{\"return\": {}, \"id\": " + expect++ + "}", r);
                }
            }
            assertEquals(8, quickRuns.get());
        }
    }

    @Test
    void inBandCommandsOfAllMonitorsRunOneAtATimeRoundRobin() throws IOException {
        try (QmpClient a = QmpClient.negotiated(monitor("a"), true);
                QmpClient b = QmpClient.negotiated(monitor("b"), true)) {
            a.send("{\"execute\": \"block\", \"id\": \"a0\"}\n{\"execute\": \"quick\", \"id\": \"a1\"}\n"
                    + "{\"execute\": \"quick\", \"id\": \"a2\"}\n");
            assertNull(a.poll(100), "a0 runs");
            b.send("{\"execute\": \"quick\", \"id\": \"b1\"}\n{\"exec-oob\": \"oob-ping\", \"id\": \"bo\"}\n");
            assertEquals("{\"return\": {}, \"id\": \"bo\"}", b.read());
            assertNull(b.poll(100), "another monitor's in-band command waits for the running one");
            release();
            assertEquals("{\"return\": {}, \"id\": \"a0\"}", a.read());
            assertEquals("{\"return\": {}, \"id\": \"b1\"}", b.read());
            assertEquals("{\"return\": {}, \"id\": \"a1\"}", a.read());
            assertEquals("{\"return\": {}, \"id\": \"a2\"}", a.read());
        }
    }

    @Test
    void aClientThatLeavesMidRequestGetsNothingAndItsQueueIsNeverRun() throws IOException, InterruptedException {
        Path socket = monitor("m");
        try (QmpClient c = QmpClient.negotiated(socket, true)) {
            c.send("{\"execute\": \"block\", \"id\": \"old\"}\n{\"execute\": \"quick\", \"id\": \"old-q\"}\n");
            assertNull(c.poll(50));
        }
        // The server cannot tell a closed client from a half-closed one until it answers: the running
        // command's reply fails to go out, and that ends the client and drops its queue.
        release();
        try (QmpClient c = new QmpClient(socket)) {
            assertTrue(c.read().startsWith("{\"QMP\""));
            c.send("{\"execute\": \"qmp_capabilities\", \"id\": \"new\"}\n");
            assertEquals("{\"return\": {}, \"id\": \"new\"}", c.read(), "a fresh session, no late reply");
            c.send("{\"execute\": \"quick\", \"id\": \"new-q\"}\n");
            assertEquals("{\"return\": {}, \"id\": \"new-q\"}", c.read());
        }
        assertEquals(1, quickRuns.get(), "the departed client's queued request never ran");
    }

    @Test
    void removalDropsQueuedRequestsAndTheRunningOnesReply() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), true);
                QmpClient other = QmpClient.negotiated(monitor("o"), true)) {
            c.send("{\"execute\": \"block\", \"id\": 1}\n{\"execute\": \"quick\", \"id\": 2}\n"
                    + "{\"execute\": \"quick\", \"id\": 3}\n");
            assertNull(c.poll(50));
            server.removeMonitor("m");
            assertEquals("<end of file>", c.poll(5000));
            release();
            other.send("{\"execute\": \"quick\", \"id\": \"o\"}\n");
            assertEquals("{\"return\": {}, \"id\": \"o\"}", other.read());
        }
        assertEquals(1, quickRuns.get(), "only the other monitor's request ran");
    }

    @Test
    void halfCloseWaitsForEveryAnswer() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), true)) {
            c.send("{\"execute\": \"block\", \"id\": 1}\n{\"execute\": \"quick\", \"id\": 2}\n");
            c.shutdownOutput();
            assertNull(c.poll(100));
            release();
            assertEquals("{\"return\": {}, \"id\": 1}", c.read());
            assertEquals("{\"return\": {}, \"id\": 2}", c.read());
            assertNull(c.read());
        }
    }

    @Test
    void aCommandCompletedFromAnotherCommandOnTheLoopAnswersAfterIt() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), true)) {
            c.send("{\"execute\": \"block\", \"id\": 1}\n{\"execute\": \"quick\", \"id\": 2}\n"
                    + "{\"exec-oob\": \"oob-release\", \"id\": 3}\n");
            assertEquals("{\"return\": {}, \"id\": 3}", c.read());
            assertEquals("{\"return\": {}, \"id\": 1}", c.read());
            assertEquals("{\"return\": {}, \"id\": 2}", c.read());
        }
    }

    @Test
    void anAsynchronousFailureIsAnErrorReply() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), false)) {
            c.send("{\"execute\": \"fail-later\", \"id\": 5}\n");
            assertEquals("{\"id\": 5, \"error\": {\"class\": \"GenericError\", \"desc\": \"failed on another thread\"}}",
                    c.read());
        }
    }

    @Test
    void anOffloadedCommandBlocksNeitherTheLoopNorOob() throws Exception {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), true);
                QmpClient other = QmpClient.negotiated(monitor("o"), false)) {
            c.send("{\"execute\": \"sleepy\", \"id\": 1}\n{\"exec-oob\": \"oob-ping\", \"id\": 2}\n");
            assertEquals("{\"return\": {}, \"id\": 2}", c.read());
            other.send("{\"execute\": \"qmp_capabilities\"}\n");
            assertNull(other.poll(100), "the other monitor's in-band request waits its turn");
            CountDownLatch done = new CountDownLatch(1);
            gate.whenComplete((r, e) -> done.countDown());
            release();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals("{\"return\": {\"monitor\": \"m\"}, \"id\": 1}", c.read(), "currentMonitorId works offloaded");
            assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is already"
                    + " complete, command ignored\"}}", other.read());
        }
    }

    @Test
    void anAsynchronousCommandOnItsOwnThreadRemovesItsOwnMonitorAfterAnswering() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), false)) {
            c.send("{\"execute\": \"remove-self-later\", \"id\": 1}\n{\"execute\": \"quick\", \"id\": 2}\n");
            assertEquals("{\"return\": {}, \"id\": 1}", c.read());
            assertNull(c.read(), "then end of file; the request after it never runs");
        }
        assertEquals(0, quickRuns.get());
        assertEquals(List.of(), server.monitors());
    }

    @Test
    void anAsynchronousCommandOnItsOwnThreadRemovingAnotherMonitorDropsThatClientAtOnce() throws IOException {
        try (QmpClient c = QmpClient.negotiated(monitor("m"), false);
                QmpClient other = QmpClient.negotiated(monitor("o"), false)) {
            c.send("{\"execute\": \"remove-other-later\", \"id\": 1}\n");
            assertEquals("{\"return\": {}, \"id\": 1}", c.read());
            assertNull(other.read());
            c.send("{\"execute\": \"quick\", \"id\": 2}\n");
            assertEquals("{\"return\": {}, \"id\": 2}", c.read(), "the caller's monitor stays");
        }
    }
}
