package dev.qapi.client;

import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.server.ProtocolCommands;
import dev.qapi.runtime.server.QmpServer;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Our own QMP server (qapi-runtime's), in-process, with the protocol commands on one Unix socket. */
final class TestServer implements AutoCloseable {
    final QmpServer server;
    final Path socket;
    private final Path dir;

    TestServer(CommandRegistry registry) throws IOException {
        dir = Files.createTempDirectory("client-test");
        socket = dir.resolve("qmp.sock");
        server = new QmpServer(registry, QmpServer.version(10, 0, 0, "test"), CompatPolicy.DEFAULT);
        server.addChardev("qmp", UnixDomainSocketAddress.of(socket));
        server.addMonitor("qmp", Optional.empty(), false, false);
    }

    static TestServer basic() throws IOException {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        return new TestServer(registry);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }
}
