package dev.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.qapi.runtime.dispatch.CommandInfo;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedding the server: closing it (once, from anywhere) and waiting until it is closed. */
class QmpServerLifecycleTest {
    @TempDir
    Path tmp;

    private static QmpServer newServer(CommandRegistry registry) {
        ProtocolCommands.registerBasics(registry);
        return new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
    }

    @Test
    void closeTwiceClosesOnceAndRemovesTheSocketFile() {
        QmpServer server = newServer(new CommandRegistry());
        Path socket = TestMonitors.add(server, tmp, "c0", null, false);
        assertTrue(Files.exists(socket));
        assertFalse(server.isClosed());
        server.close();
        assertTrue(server.isClosed());
        assertFalse(Files.exists(socket));
        server.close();
        assertTrue(server.isClosed());
    }

    @Test
    void aClosedServerRefusesWorkInsteadOfWaitingForEver() throws Exception {
        QmpServer server = newServer(new CommandRegistry());
        TestMonitors.add(server, tmp, "c0", null, false);
        server.close();
        CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                server.monitors();
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        Throwable refused = attempt.get(10, TimeUnit.SECONDS);
        assertEquals("the server is closed", refused == null ? null : refused.getMessage());
        assertThrows(IllegalStateException.class, () -> server.removeChardev("c0"));
    }

    @Test
    void awaitCloseReturnsOnceAnotherThreadCloses() throws Exception {
        QmpServer server = newServer(new CommandRegistry());
        TestMonitors.add(server, tmp, "c0", null, false);
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                server.awaitClose();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(server.awaitClose(50, TimeUnit.MILLISECONDS));
        assertFalse(waiter.isDone());
        server.close();
        waiter.get(10, TimeUnit.SECONDS);
        assertTrue(server.awaitClose(0, TimeUnit.SECONDS));
    }

    @Test
    void aCommandHandlerMayCloseTheServerAndTheMainThreadWakesUp() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        AtomicReference<QmpServer> self = new AtomicReference<>();
        AtomicReference<Throwable> awaitOnLoop = new AtomicReference<>();
        registry.register(CommandInfo.of("quit"), (args, ctx) -> {
            try {
                self.get().awaitClose();
            } catch (IllegalStateException | InterruptedException e) {
                awaitOnLoop.set(e);
            }
            self.get().close();
            self.get().close();
            return JsonNodeFactory.instance.objectNode();
        });
        try (QmpServer server = newServer(registry)) {
            self.set(server);
            Path socket = TestMonitors.add(server, tmp, "c0", null, false);
            try (QmpClient client = new QmpClient(socket)) {
                client.read();
                client.send("{\"execute\": \"qmp_capabilities\"}\n{\"execute\": \"quit\"}\n");
                assertTrue(server.awaitClose(10, TimeUnit.SECONDS));
            }
            assertFalse(Files.exists(socket));
            assertEquals(IllegalStateException.class, awaitOnLoop.get().getClass());
        }
    }

    @Test
    void aCallQueuedWhileAHandlerClosesTheServerIsRefusedNotLeftWaiting() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        AtomicReference<QmpServer> self = new AtomicReference<>();
        CompletableFuture<Throwable> other = new CompletableFuture<>();
        registry.register(CommandInfo.of("quit"), (args, ctx) -> {
            // another thread asks the loop for something while this handler holds it, then the handler
            // closes the server: that call must fail, not wait for a loop that is gone
            Thread asker = new Thread(() -> {
                try {
                    self.get().monitors();
                    other.complete(null);
                } catch (IllegalStateException e) {
                    other.complete(e);
                }
            });
            asker.setDaemon(true);
            asker.start();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            self.get().close();
            return JsonNodeFactory.instance.objectNode();
        });
        try (QmpServer server = newServer(registry)) {
            self.set(server);
            Path socket = TestMonitors.add(server, tmp, "c0", null, false);
            try (QmpClient client = new QmpClient(socket)) {
                client.read();
                client.send("{\"execute\": \"qmp_capabilities\"}\n{\"execute\": \"quit\"}\n");
                assertTrue(server.awaitClose(10, TimeUnit.SECONDS));
            }
            Throwable refused = other.get(10, TimeUnit.SECONDS);
            assertEquals("the server is closed", refused == null ? null : refused.getMessage());
        }
    }

    @Test
    void closeOnAnotherThreadWhileOneIsClosingWaitsForIt() throws Exception {
        QmpServer server = newServer(new CommandRegistry());
        TestMonitors.add(server, tmp, "c0", null, false);
        CompletableFuture<Void> first = CompletableFuture.runAsync(server::close);
        server.close();
        assertTrue(server.isClosed());
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void awaitCloseIsInterruptible() {
        QmpServer server = newServer(new CommandRegistry());
        try {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, server::awaitClose);
        } finally {
            Thread.interrupted();
            server.close();
        }
    }

    @Test
    void closingAServerWithAConnectedClientEndsItsConnection() throws IOException {
        QmpServer server = newServer(new CommandRegistry());
        Path socket = TestMonitors.add(server, tmp, "c0", null, false);
        try (QmpClient client = new QmpClient(socket)) {
            client.read();
            server.close();
            assertEquals(null, client.read());
        }
    }
}
