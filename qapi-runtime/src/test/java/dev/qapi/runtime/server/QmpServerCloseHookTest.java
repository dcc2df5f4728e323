package dev.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.qapi.runtime.dispatch.CommandInfo;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.FdSets;
import dev.qapi.runtime.fd.FileOpener;
import dev.qapi.runtime.fd.OpenFlags;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QmpServer#onClose}: what handlers hold is closed with the server, once, whoever closes it. */
class QmpServerCloseHookTest {
    @TempDir
    Path tmp;

    /** What the handlers of {@code open} hold: the descriptors they opened, closed together. */
    private static final class Held implements AutoCloseable {
        final List<Fd> fds = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void close() {
            fds.forEach(Fd::close);
        }
    }

    /**
     * A server whose command {@code open} opens its {@code filename} (a path or {@code /dev/fdset/N}) for
     * writing and keeps the descriptor in {@code held}, as the example server's {@code log-open} does.
     */
    private static QmpServer serverHolding(Held held) {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        AtomicReference<FileOpener> opener = new AtomicReference<>();
        registry.register(CommandInfo.of("open"), (args, ctx) -> {
            held.fds.add(opener.get().open(args.get("filename").asText(), OpenFlags.O_WRONLY | OpenFlags.O_CREAT));
            return JsonNodeFactory.instance.objectNode();
        });
        QmpServer server = new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
        opener.set(new FileOpener(server.fdSets()));
        return server;
    }

    private static QmpServer plainServer() {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        return new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
    }

    /** Collects what the server's package logs while it is open. */
    private static final class Captured extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(QmpServer.class.getPackageName());
        final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        Captured() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** A file in set 1 and one opened by path, each held by a handler; the client has left. */
    private void openTwo(QmpServer server, String name) throws IOException {
        Path socket = TestMonitors.add(server, tmp, name, null, false);
        try (Fd file = new FileOpener(new FdSets()).open(tmp.resolve(name + "-set.log").toString(),
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT)) {
            server.fdSets().add(file.duplicate(), OptionalLong.of(1), Optional.empty());
        }
        try (QmpClient client = QmpClient.negotiated(socket, false)) {
            client.send("{\"execute\": \"open\", \"arguments\": {\"filename\": \"/dev/fdset/1\"}}\n");
            assertEquals("{\"return\": {}}", client.read());
            client.send("{\"execute\": \"open\", \"arguments\": {\"filename\": \"" + tmp.resolve(name + ".log") + "\"}}\n");
            assertEquals("{\"return\": {}}", client.read());
        }
    }

    @Test
    void aClosedServerLeavesNoDescriptorOpenThatAHandlerOpened() throws Exception {
        // a first round loads what the JVM keeps open afterwards (jars, libraries)
        Held warm = new Held();
        QmpServer first = serverHolding(warm);
        first.onClose(warm);
        openTwo(first, "warm");
        first.close();

        long baseline = openDescriptors();
        Held held = new Held();
        QmpServer server = serverHolding(held);
        server.onClose(held);
        openTwo(server, "c0");
        List<Path> handlers = new ArrayList<>();
        for (Fd fd : held.fds) {
            handlers.add(Path.of("/proc/self/fd/" + fd.number()));
        }
        assertEquals(2, handlers.size());
        assertTrue(handlers.stream().allMatch(Files::exists), "the handlers' descriptors are open");
        server.close();
        // the server closes its own sockets on its loop thread: give the count a moment to settle
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (openDescriptors() != baseline && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(baseline, openDescriptors(), "descriptors left open: " + held.fds);
        assertTrue(held.fds.stream().noneMatch(Fd::isOpen), "closed by the hook: " + held.fds);
    }

    @Test
    void aHookRunsOnceWhenCloseIsCalledTwiceAndFromTwoThreads() throws Exception {
        QmpServer server = plainServer();
        TestMonitors.add(server, tmp, "c0", null, false);
        AtomicInteger runs = new AtomicInteger();
        server.onClose(runs::incrementAndGet);
        CompletableFuture<Void> other = CompletableFuture.runAsync(server::close);
        server.close();
        other.get(10, TimeUnit.SECONDS);
        assertEquals(1, runs.get());
        server.close();
        assertEquals(1, runs.get());
    }

    @Test
    void aHookRunsOnceWhenAHandlerClosesTheServerTwiceAndBeforeAwaitCloseReturns() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        AtomicReference<QmpServer> self = new AtomicReference<>();
        registry.register(CommandInfo.of("quit"), (args, ctx) -> {
            self.get().close();
            self.get().close();
            return JsonNodeFactory.instance.objectNode();
        });
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<String> thread = new AtomicReference<>();
        try (Captured log = new Captured();
                QmpServer server = new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT)) {
            self.set(server);
            server.onClose(() -> {
                thread.set(Thread.currentThread().getName());
                runs.incrementAndGet();
            });
            Path socket = TestMonitors.add(server, tmp, "c0", null, false);
            try (QmpClient client = QmpClient.negotiated(socket, false)) {
                client.send("{\"execute\": \"quit\"}\n");
                assertTrue(server.awaitClose(10, TimeUnit.SECONDS));
            }
            assertEquals(1, runs.get(), "run before awaitClose returned");
            assertEquals("qmp-io", thread.get(), "on the thread that closed: the handler's");
            // the loop thread ends after the handler returns: a selector closed under its select() used to be
            // logged as a loop error (ClosedSelectorException) there
            Thread.sleep(300);
            assertEquals(List.of(), log.records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(r -> r.getMessage() + ": " + r.getThrown()).toList());
        }
        assertEquals(1, runs.get(), "not again when try-with-resources closes it");
    }

    @Test
    void hooksRunLastRegisteredFirstAndOneThatFailsIsLoggedNotThrown() {
        try (Captured log = new Captured()) {
            QmpServer server = plainServer();
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            server.onClose(() -> order.add("first"));
            server.onClose(() -> {
                order.add("second");
                throw new IOException("disk gone");
            });
            server.onClose(() -> order.add("third"));
            server.close(); // does not throw
            assertEquals(List.of("third", "second", "first"), order);
            assertTrue(log.records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getThrown() != null
                    && "disk gone".equals(r.getThrown().getMessage())), "logged: " + log.records);
        }
    }

    @Test
    void aResourceRegisteredOnceTheServerIsClosedIsClosedAtOnce() {
        QmpServer server = plainServer();
        server.close();
        AtomicInteger runs = new AtomicInteger();
        server.onClose(runs::incrementAndGet);
        assertEquals(1, runs.get());
        server.close();
        assertEquals(1, runs.get());
    }
}
