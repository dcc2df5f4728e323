package dev.qapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A tiny scripted QMP server for one connection, to misbehave on purpose: the script reads requests
 * and writes whatever bytes it likes.
 */
final class FakeServer implements AutoCloseable {
    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7},"
            + " \"package\": \"fake\"}, \"capabilities\": [\"oob\"]}}\r\n";

    /** What the script does with the connection. */
    interface Script {
        void run(Peer peer) throws Exception;
    }

    /** The server's end of the connection. */
    static final class Peer {
        private final SocketChannel channel;
        private final BufferedReader in;

        Peer(SocketChannel channel) {
            this.channel = channel;
            this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        }

        void send(String text) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        /** The next request (one per line, as the client writes them), or null at end of input. */
        JsonNode request() throws IOException {
            String line = in.readLine();
            return line == null ? null : new ObjectMapper().readTree(line);
        }

        /** Greets and answers qmp_capabilities. */
        void negotiate() throws IOException {
            send(GREETING);
            JsonNode caps = request();
            send("{\"return\": {}, \"id\": " + caps.get("id") + "}\r\n");
        }

        /** Waits until the client closes its end. */
        void awaitClose() throws IOException {
            while (in.read() >= 0) {
                // discard
            }
        }
    }

    final Path socket;
    private final Path dir;
    private final ServerSocketChannel server;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    FakeServer(Script script) throws IOException {
        dir = Files.createTempDirectory("client-fake");
        socket = dir.resolve("fake.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (SocketChannel ch = server.accept()) {
                script.run(new Peer(ch));
                done.complete(null);
            } catch (IOException e) {
                // The client closed on us while we were still talking: what these tests provoke.
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "fake-qmp-server");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws Exception {
        server.close();
        done.get(10, TimeUnit.SECONDS);
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }
}
