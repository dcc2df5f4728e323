package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.client.QmpClient;
import dev.qapi.example.qmp.ChardevBackend;
import dev.qapi.example.qmp.ChardevSocket;
import dev.qapi.example.qmp.ChardevSocketWrapper;
import dev.qapi.example.qmp.MonitorAddArguments;
import dev.qapi.example.qmp.MonitorInfo;
import dev.qapi.example.qmp.MonitorMode;
import dev.qapi.example.qmp.SchemaClient;
import dev.qapi.example.qmp.SocketAddressLegacy;
import dev.qapi.example.qmp.UnixSocketAddress;
import dev.qapi.example.qmp.UnixSocketAddressWrapper;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.QmpConnectionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed's on-demand flow through the typed client generated from {@code schemas/} (the same
 * bindings the server is written against), over {@code qapi-client} connections.
 */
class TypedClientFlowTest {
    @RegisterExtension
    final ExampleServerExtension example = new ExampleServerExtension();

    private static ChardevBackend unixServer(Path path) {
        SocketAddressLegacy addr = new SocketAddressLegacy.Unix(new UnixSocketAddressWrapper(new UnixSocketAddress(path.toString())));
        return new ChardevBackend.Socket(new ChardevSocketWrapper(ChardevSocket.builder().addr(addr).server(true).wait_(false).build()));
    }

    private static Map<String, MonitorInfo> byChardev(List<MonitorInfo> monitors) {
        return monitors.stream().collect(Collectors.toMap(MonitorInfo::chardev, m -> m));
    }

    private static void assertEnded(QmpClient client) throws Exception {
        assertTrue(client.disconnected().get(5, TimeUnit.SECONDS) instanceof QmpConnectionException);
        assertFalse(client.isOpen());
    }

    @Test
    void theOnDemandMonitorFlowThroughTheGeneratedClient() throws Exception {
        Path extra = example.dir().resolve("extra.sock");
        try (QmpClient a = QmpClient.connect(example.socket())) {
            SchemaClient first = SchemaClient.of(a);
            first.chardevAdd("extra", unixServer(extra));
            assertTrue(Files.exists(extra));
            first.monitorAdd(MonitorAddArguments.builder().id("b").chardev("extra").build());
            try (QmpClient b = QmpClient.connect(extra)) {
                Map<String, MonitorInfo> monitors = byChardev(SchemaClient.of(b).queryMonitors());
                assertEquals(new MonitorInfo("#mon0", MonitorMode.CONTROL, "compat_monitor0", false), monitors.get("compat_monitor0"));
                assertEquals(new MonitorInfo("b", MonitorMode.CONTROL, "extra", true), monitors.get("extra"));
                first.monitorRemove("b");
                assertEnded(b);
            }
            first.monitorAdd(MonitorAddArguments.builder().chardev("extra").build());
            try (QmpClient b = QmpClient.connect(extra)) {
                SchemaClient second = SchemaClient.of(b);
                String generated = byChardev(second.queryMonitors()).get("extra").id();
                assertTrue(generated.startsWith("#"), generated);
                second.monitorRemove(generated);
                assertEnded(b);
            }
            first.monitorAdd(MonitorAddArguments.builder().id("again").chardev("extra").pretty(true).build());
            first.monitorRemove("again");
            first.chardevRemove("extra");
            assertFalse(Files.exists(extra));
            QmpException gone = assertThrows(QmpException.class, () -> first.chardevRemove("extra"));
            assertEquals("Chardev 'extra' not found", gone.desc());
        }
    }

    @Test
    void aSynchronousCallFromACallbackOnTheEventLoopFailsAtOnceInsteadOfWaitingForItself() {
        try (QmpClient a = QmpClient.connect(example.socket())) {
            SchemaClient typed = SchemaClient.of(a);
            Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                Thread test = Thread.currentThread();
                // The callback runs where the reply is handled: the loop thread, unless the reply came
                // before the callback was attached (then here, which is no test: try again).
                for (int attempt = 0; attempt < 100; attempt++) {
                    Object o = typed.queryMonitorsAsync().handle((monitors, error) -> {
                        if (Thread.currentThread() == test) {
                            return null;
                        }
                        try {
                            return typed.queryMonitors();
                        } catch (RuntimeException e) {
                            return e;
                        }
                    }).join();
                    if (o != null) {
                        return o;
                    }
                }
                return "every reply came before its callback was attached";
            });
            IllegalStateException refused = assertInstanceOf(IllegalStateException.class, outcome);
            assertTrue(refused.getMessage().startsWith("query-monitors: a synchronous call"), refused.getMessage());
            assertTrue(refused.getMessage().contains("...Async()"), refused.getMessage());
            assertEquals(1, typed.queryMonitors().size(), "the connection is still usable");
        }
    }
}
