package dev.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU's event rate limiting: first at once, the last of a window at its end, windows per key. */
class EventThrottleTest {
    private static final long PERIOD_MS = 300;

    @TempDir
    Path tmp;

    QmpServer server;
    QmpClient client;

    @BeforeEach
    void start() throws IOException {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        server = new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
        server.throttleEvents(EventThrottle.qemu().with(new EventThrottle.Rule("TICK", Duration.ofMillis(PERIOD_MS),
                Optional.of("id"), Optional.of("action=stop"))));
        Path path = tmp.resolve("m.sock");
        server.addChardev("c", UnixDomainSocketAddress.of(path));
        server.addMonitor("c", Optional.of("m"), false, false);
        client = QmpClient.negotiated(path, false);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private void tick(String id, int n, String action) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", id).put("n", n);
        if (action != null) {
            data.put("action", action);
        }
        server.emit("TICK", data);
    }

    private String nextData() throws IOException {
        String event = client.read();
        assertTrue(event.contains("\"event\": \"TICK\""), event);
        return event.substring(event.indexOf("\"data\": ") + 8, event.length() - 1);
    }

    /** Data members come in QEMU's QDict order, so they are checked one by one. */
    private static void assertTick(String id, int n, String data) {
        assertTrue(data.contains("\"id\": \"" + id + "\"") && data.matches(".*\"n\": " + n + "[,}].*"), data + " is not " + id + n);
    }

    @Test
    void theFirstGoesAtOnceTheLastOfTheWindowAtItsEnd() throws IOException {
        long t0 = System.nanoTime();
        tick("a", 1, null);
        tick("a", 2, null);
        tick("a", 3, null);
        assertTick("a", 1, nextData());
        assertTick("a", 3, nextData());
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(elapsedMs >= PERIOD_MS - 20, "held until the window ended: " + elapsedMs + " ms");
        tick("a", 4, null);
        assertNull(client.poll(PERIOD_MS / 3), "a window follows the held one");
        assertTick("a", 4, nextData());
    }

    @Test
    void eachKeyHasItsOwnWindowAndTheExemptValuePasses() throws IOException {
        tick("a", 1, null);
        tick("b", 1, null);
        tick("a", 2, "stop");
        tick("a", 3, null);
        assertTick("a", 1, nextData());
        assertTick("b", 1, nextData());
        assertTick("a", 2, nextData());
        assertTick("a", 3, nextData());
    }

    @Test
    void aWindowThatEndsWithNothingHeldCloses() throws IOException, InterruptedException {
        tick("a", 1, null);
        assertTick("a", 1, nextData());
        Thread.sleep(PERIOD_MS * 2 + 100);
        long t0 = System.nanoTime();
        tick("a", 2, null);
        assertTick("a", 2, nextData());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < PERIOD_MS, "sent at once");
    }

    @Test
    void qemusTableLimitsItsNineEvents() {
        for (String e : new String[] {"RTC_CHANGE", "BLOCK_IO_ERROR", "WATCHDOG", "BALLOON_CHANGE", "QUORUM_REPORT_BAD",
            "QUORUM_FAILURE", "VSERPORT_CHANGE", "MEMORY_DEVICE_SIZE_CHANGE", "HV_BALLOON_STATUS_REPORT"}) {
            assertEquals(Duration.ofSeconds(1), EventThrottle.qemu().rule(e).orElseThrow().period(), e);
        }
        assertTrue(EventThrottle.qemu().rule("SHUTDOWN").isEmpty());
        assertTrue(EventThrottle.qemu().rule("BLOCK_IO_ERROR").orElseThrow()
                .exempt(JsonNodeFactory.instance.objectNode().put("action", "stop")));
        assertEquals(Optional.of("id"), EventThrottle.qemu().rule("VSERPORT_CHANGE").orElseThrow().key());
    }
}
