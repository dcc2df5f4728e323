package dev.qapi.qemuqmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.client.QmpClient;
import dev.qapi.qemu.CommandInfo;
import dev.qapi.qemu.RunState;
import dev.qapi.qemu.SchemaClient;
import dev.qapi.qemu.YankInstance;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.CallOptions;
import dev.qapi.runtime.client.ClientCommand;
import dev.qapi.runtime.client.QmpDecodeException;
import dev.qapi.runtime.client.QmpEvent;
import dev.qapi.runtime.client.SkewListener;
import dev.qapi.runtime.client.TypedCaller;
import dev.qapi.runtime.marshal.Skew;
import dev.qapi.testsupport.Qemu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** QEMU 10.0's typed bindings talking to QEMU 7.2. */
class Qemu72BindingsTest {
    /**
     * Replies of 7.2 that 10.0's bindings cannot decode even tolerantly (a mandatory member 10.0 added),
     * with the documented outcome: that call fails with a QmpDecodeException naming the member and
     * keeping the reply. Each must still fail so: a fixed one has to come off the list.
     */
    private static final Map<String, String> UNDECODABLE = Map.of(
            "query-sev", "reply to query-sev: Parameter 'sev-type' is missing");

    private static Qemu qemu;

    @BeforeAll
    static void startQemu() throws Exception {
        qemu = Qemu.serve("qmp.sock", "second.sock");
    }

    @AfterAll
    static void stopQemu() throws Exception {
        if (qemu != null) {
            qemu.close();
        }
    }

    private static QmpClient connect(boolean oob) {
        return QmpClient.builder().unixSocket(qemu.socket()).oob(oob).defaultTimeout(Duration.ofSeconds(10)).connect();
    }

    private static Set<String> commandsOf(QmpClient client) {
        return SchemaClient.of(client).queryCommands().stream().map(CommandInfo::name).collect(Collectors.toSet());
    }

    /** Records what decoding passed over. */
    private static final class Skews implements SkewListener {
        final Map<String, List<Skew>> bySource = Collections.synchronizedMap(new TreeMap<>());

        @Override
        public void skewed(String source, List<Skew> skews) {
            bySource.computeIfAbsent(source, s -> new ArrayList<>()).addAll(skews);
        }

        @Override
        public void undecodableEvent(QmpEvent event, QmpDecodeException error) {
            bySource.computeIfAbsent("undecodable " + event.name(), s -> new ArrayList<>());
        }
    }

    @Test
    void everyArgumentlessQueryBothVersionsHaveDecodesThroughTheTypedBindings() {
        try (QmpClient client = connect(false)) {
            Set<String> qemu72 = commandsOf(client);
            Skews skews = new Skews();
            TypedCaller calls = TypedCaller.of(client).withSkewListener(skews);
            List<String> decoded = new ArrayList<>();
            List<String> errorReplies = new ArrayList<>();
            Map<String, String> undecodable = new TreeMap<>();
            for (ClientCommand<?, ?> command : new TreeMap<>(SchemaClient.Commands.ALL).values()) {
                if (!command.name().startsWith("query-") || !qemu72.contains(command.name()) || !callableBare(command)) {
                    continue;
                }
                try {
                    calls.async(command, null).join();
                    decoded.add(command.name());
                } catch (CompletionException e) {
                    if (e.getCause() instanceof QmpException error) {
                        errorReplies.add(command.name() + " (" + error.desc() + ")");
                    } else {
                        undecodable.put(command.name(), e.getCause().getMessage());
                        assertTrue(((QmpDecodeException) e.getCause()).received().isObject(), "the reply is kept");
                    }
                }
            }
            System.out.println("QEMU 7.2, argument-less queries: " + decoded.size() + " decoded, "
                    + errorReplies.size() + " answered with an error " + errorReplies + "; passed over: " + skews.bySource);
            assertEquals(UNDECODABLE, undecodable);
            assertTrue(decoded.size() >= 40, "only " + decoded.size() + " queries decoded: " + decoded);
        }
    }

    /** Whether the command can be sent without arguments (it takes none, or only optional ones). */
    private static boolean callableBare(ClientCommand<?, ?> command) {
        try {
            command.checkArguments(null);
            return !command.takesArguments();
        } catch (QmpException e) {
            return false;
        }
    }

    @Test
    void stopAndContGiveTypedStopAndResumeEventsInWireOrderWithTheirReplies() throws Exception {
        try (QmpClient client = connect(false)) {
            SchemaClient qemu = SchemaClient.of(client);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            qemu.onStop(e -> seen.add("STOP"));
            qemu.onResume(e -> seen.add("RESUME"));
            qemu.stopAsync().thenRun(() -> seen.add("stop reply")).join();
            assertEquals(RunState.PAUSED, qemu.queryStatus().status());
            qemu.contAsync().thenRun(() -> seen.add("cont reply")).join();
            assertEquals(RunState.RUNNING, qemu.queryStatus().status());
            assertEquals(List.of("STOP", "stop reply", "RESUME", "cont reply"), seen);
        }
    }

    @Test
    void aTypedListenerOnTheReadingThreadThatCallsSynchronouslyGetsAnIllegalStateExceptionNotAHang() {
        // Listeners run where events are read (the loop, or a synchronous caller reading its reply).
        try (QmpClient client = QmpClient.builder().unixSocket(qemu.socket()).listenerExecutor(Runnable::run)
                .defaultTimeout(Duration.ofSeconds(10)).connect()) {
            SchemaClient qemu = SchemaClient.of(client);
            List<Object> heard = Collections.synchronizedList(new ArrayList<>());
            qemu.onStop(e -> {
                try {
                    heard.add(qemu.queryStatus());
                } catch (RuntimeException refused) {
                    heard.add(refused);
                }
            });
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                qemu.stop();
                qemu.cont();
            });
            assertEquals(1, heard.size(), heard.toString());
            IllegalStateException e = assertInstanceOf(IllegalStateException.class, heard.get(0));
            assertTrue(e.getMessage().startsWith("query-status: a synchronous call"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(in a generated client: the command's ...Async() method)"), e.getMessage());
            assertEquals(RunState.RUNNING, qemu.queryStatus().status(), "the connection is still usable");
        }
    }

    @Test
    void aTypedListenerOnTheListenerThreadsMayCallSynchronously() throws Exception {
        try (QmpClient client = connect(false)) {
            SchemaClient qemu = SchemaClient.of(client);
            CompletableFuture<RunState> during = new CompletableFuture<>();
            qemu.onStop(e -> {
                try {
                    during.complete(qemu.queryStatus().status());
                } catch (RuntimeException failed) {
                    during.completeExceptionally(failed);
                }
            });
            qemu.stop();
            assertEquals(RunState.PAUSED, during.get(20, TimeUnit.SECONDS));
            qemu.cont();
        }
    }

    @Test
    void aCommandQemu72DoesNotHaveFailsFastThroughProbing() {
        try (QmpClient client = connect(false)) {
            Set<String> qemu72 = commandsOf(client);
            assertFalse(qemu72.contains("query-cryptodev"), "query-cryptodev came in QEMU 8.0");
            client.knownCommands(qemu72);
            QmpException e = assertThrows(QmpException.class, () -> SchemaClient.of(client).queryCryptodev());
            assertEquals(QmpException.COMMAND_NOT_FOUND, e.errorClass());
            assertTrue(e.desc().contains("7.2"), e.desc());
        }
    }

    @Test
    void aTypedCallGoesOutOfBand() {
        try (QmpClient client = connect(true)) {
            SchemaClient oob = SchemaClient.of(client).withOptions(CallOptions.DEFAULT.withOob());
            List<YankInstance> yanks = oob.queryYank();
            assertTrue(yanks.stream().allMatch(y -> y instanceof YankInstance.Chardev || y instanceof YankInstance.BlockNode
                    || y instanceof YankInstance.Migration), yanks.toString());
            assertThrows(IllegalArgumentException.class, oob::queryStatus, "query-status does not allow exec-oob");
        }
    }
}
