package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.CallOptions;
import dev.qapi.runtime.dispatch.CommandInfo;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.fd.ChannelDescriptor;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.ScmRights;
import dev.qapi.runtime.server.ProtocolCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls that pass descriptors ({@code SCM_RIGHTS}) with their request, against our own server. */
class DescriptorPassingTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Opens files for the tests, as a C client would. */
    static final class TestLibc {
        static {
            Native.register(TestLibc.class, Platform.C_LIBRARY_NAME);
        }

        static native int open(String path, int flags);
    }

    @TempDir
    Path tmp;

    @BeforeEach
    void requireDescriptorPassing() {
        requireAvailable();
    }

    static void requireAvailable() {
        String why = "descriptor passing needs Linux/64-bit and --add-exports java.base/sun.nio.ch=ALL-UNNAMED";
        if (!ChannelDescriptor.available() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + " (CI=true)");
        }
        if (!ChannelDescriptor.available()) {
            System.err.println("SKIPPED descriptor passing tests: " + why);
        }
        assumeTrue(ChannelDescriptor.available(), why);
    }

    /** A descriptor of {@code file}, opened read-write and close-on-exec. */
    static Fd open(Path file) throws IOException {
        Files.write(file, new byte[0]);
        int fd = TestLibc.open(file.toString(), 02 | 02000000);
        if (fd < 0) {
            throw new IOException("cannot open " + file);
        }
        return Fd.adopt(fd);
    }

    static String target(int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    }

    static ObjectNode fdname(String name) {
        return NODES.objectNode().put("fdname", name);
    }

    /** Our server with a getfd that keeps the descriptor it is given, by name. */
    private static TestServer getfdServer(Map<String, Fd> kept) throws IOException {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        registry.register(CommandInfo.of("getfd"), (args, ctx) -> {
            Fd fd = ctx.descriptors().take()
                    .orElseThrow(() -> QmpException.generic("No file descriptor supplied via SCM_RIGHTS"));
            kept.put(args.path("fdname").asText(), fd);
            return NODES.objectNode();
        });
        return new TestServer(registry);
    }

    @Test
    void getfdReceivesADescriptorForTheSameFile() throws Exception {
        Map<String, Fd> kept = new ConcurrentHashMap<>();
        Path file = tmp.resolve("disk.img");
        try (TestServer s = getfdServer(kept); QmpClient qmp = QmpClient.connect(s.socket); Fd mine = open(file)) {
            qmp.execute("getfd", fdname("disk"), CallOptions.DEFAULT.withFds(mine));
            assertTrue(mine.isOpen(), "the caller's descriptor stays the caller's");
            Fd received = kept.get("disk");
            assertTrue(received.number() != mine.number());
            assertEquals(file.toRealPath().toString(), target(received.number()));
            QmpException none = assertThrows(QmpException.class, () -> qmp.execute("getfd", fdname("none")));
            assertEquals("No file descriptor supplied via SCM_RIGHTS", none.desc());
        } finally {
            kept.values().forEach(Fd::close);
        }
    }

    @Test
    void theCallersDescriptorMayBeClosedAsSoonAsTheCallIsMade() throws Exception {
        Map<String, Fd> kept = new ConcurrentHashMap<>();
        Path file = tmp.resolve("early.img");
        try (TestServer s = getfdServer(kept); QmpClient qmp = QmpClient.connect(s.socket)) {
            CompletableFuture<JsonNode> call;
            try (Fd mine = open(file)) {
                call = qmp.call("getfd", fdname("f"), CallOptions.DEFAULT.withFds(mine));
            }
            call.get(10, TimeUnit.SECONDS);
            assertEquals(file.toRealPath().toString(), target(kept.get("f").number()));
        } finally {
            kept.values().forEach(Fd::close);
        }
    }

    @Test
    void aCallMadeOnTheLoopThreadWhileItReadsCarriesItsDescriptorsToo() throws Exception {
        Map<String, Fd> kept = new ConcurrentHashMap<>();
        Path file = tmp.resolve("gathered.img");
        try (TestServer s = getfdServer(kept);
                QmpClient qmp = QmpClient.builder().unixSocket(s.socket).listenerExecutor(Runnable::run).connect();
                Fd mine = open(file)) {
            // A listener run on the loop thread as it handles input: its request is gathered.
            CompletableFuture<CompletableFuture<JsonNode>> made = new CompletableFuture<>();
            qmp.subscribe(e -> made.complete(qmp.call("getfd", fdname("g"), CallOptions.DEFAULT.withFds(mine))), "GO");
            s.server.emit("GO", NODES.objectNode());
            made.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
            assertEquals(file.toRealPath().toString(), target(kept.get("g").number()));
        } finally {
            kept.values().forEach(Fd::close);
        }
    }

    @Test
    void theClientsCopiesAreClosedOnceSent() throws Exception {
        Map<String, Fd> kept = new ConcurrentHashMap<>();
        try (TestServer s = getfdServer(kept); QmpClient qmp = QmpClient.connect(s.socket);
                Fd mine = open(tmp.resolve("many.img"))) {
            qmp.execute("getfd", fdname("warm-up"), CallOptions.DEFAULT.withFds(mine));
            kept.remove("warm-up").close();
            long before = descriptors();
            for (int i = 0; i < 500; i++) {
                qmp.execute("getfd", fdname("f"), CallOptions.DEFAULT.withFds(mine));
                kept.remove("f").close();
            }
            long after = descriptors();
            // A copy left open per call would show as hundreds; a few may come and go with the JDK's own.
            assertTrue(after < before + 10, "descriptors before " + before + ", after 500 calls " + after);
        } finally {
            kept.values().forEach(Fd::close);
        }
    }

    private static long descriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void descriptorsWaitingBehindAFullSocketGoWithTheFirstByteOfTheirRequest() throws Exception {
        Path file = tmp.resolve("queued.img");
        Path sock = tmp.resolve("raw.sock");
        String big = "x".repeat(1 << 20);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            CompletableFuture<QmpClient> connecting = QmpClient.builder().unixSocket(sock).connectAsync();
            try (SocketChannel peer = server.accept()) {
                RawPeer raw = new RawPeer(peer);
                raw.send(FakeServer.GREETING);
                String caps = raw.line();
                raw.send("{\"return\": {}, \"id\": " + caps.replaceAll("(?s).*\"id\": (\\d+).*", "$1") + "}\r\n");
                try (QmpClient qmp = connecting.get(10, TimeUnit.SECONDS)) {
                    List<CompletableFuture<JsonNode>> bigs = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        bigs.add(qmp.call("big", NODES.objectNode().put("s", big), CallOptions.DEFAULT));
                    }
                    CompletableFuture<JsonNode> getfd;
                    try (Fd mine = open(file)) {
                        getfd = qmp.call("getfd", fdname("f"), CallOptions.DEFAULT.withFds(mine));
                    }
                    // The socket is full: the two requests before it (over 2 MiB) wait in the client.
                    int each = ("{\"execute\": \"big\", \"arguments\": {\"s\": \"\"}, \"id\": 1}\n".length()
                            + big.length());
                    for (int i = 0; i < 2; i++) {
                        assertTrue(raw.line(each).startsWith("{\"execute\": \"big\""));
                    }
                    assertTrue(raw.fds.isEmpty(), "no descriptor came with the requests before getfd");
                    String chunk = raw.receive();
                    assertTrue(chunk.startsWith("{\"execute\": \"getfd\""), chunk);
                    assertEquals(1, raw.fds.size(), "one descriptor, with getfd's first bytes");
                    try (Fd received = raw.fds.get(0)) {
                        assertEquals(file.toRealPath().toString(), target(received.number()));
                    }
                    String id = chunk.replaceAll("(?s).*\"id\": (\\d+).*", "$1");
                    raw.send("{\"return\": {}, \"id\": " + id + "}\r\n");
                    getfd.get(10, TimeUnit.SECONDS);
                    assertFalse(bigs.get(0).isDone());
                }
            }
        }
    }

    @Test
    void descriptorsOverTcpAreRefusedAndNothingIsSent() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        try (TestServer s = new TestServer(registry)) {
            var view = s.server.addChardev("tcp", new InetSocketAddress("127.0.0.1", 0));
            s.server.addMonitor("tcp", java.util.Optional.empty(), false, false);
            try (QmpClient qmp = QmpClient.connect(view.address()); Fd mine = open(tmp.resolve("f"))) {
                QmpException e = assertThrows(QmpException.class,
                        () -> qmp.execute("getfd", fdname("f"), CallOptions.DEFAULT.withFds(mine)));
                assertTrue(e.desc().startsWith("cannot pass descriptors to getfd over "), e.desc());
                assertTrue(e.desc().contains("SCM_RIGHTS needs a Unix socket connection; nothing was sent"), e.desc());
                assertEquals(0, qmp.pendingCalls());
                assertTrue(mine.isOpen());
                assertEquals(10, qmp.execute("query-version").path("qemu").path("major").asInt());
            }
        }
    }

    /**
     * The server's end of a connection, read with recvmsg: bytes, and the descriptors that came with
     * them. It reads no further than asked, so what carried descriptors is known byte for byte.
     */
    private static final class RawPeer {
        final SocketChannel channel;
        final int fd;
        final ScmRights scm = new ScmRights();
        final List<Fd> fds = new ArrayList<>();
        final ByteBuffer in = ByteBuffer.allocateDirect(1 << 16);

        RawPeer(SocketChannel channel) throws IOException {
            this.channel = channel;
            channel.configureBlocking(false);
            fd = ChannelDescriptor.of(channel).orElseThrow();
        }

        void send(String text) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        /** Up to {@code max} bytes (at least one), waiting up to 10 s. */
        private String receive(int max) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                in.clear().limit(Math.min(max, in.capacity()));
                int n = scm.receive(fd, in, fds);
                if (n < 0) {
                    throw new IOException("end of file");
                }
                if (n > 0) {
                    in.flip();
                    return StandardCharsets.UTF_8.decode(in).toString();
                }
                Thread.onSpinWait();
            }
            throw new IOException("nothing within 10 s");
        }

        String receive() throws IOException {
            return receive(Integer.MAX_VALUE);
        }

        /** One line, read in big pieces up to {@code atLeast} bytes, then byte by byte to its end. */
        String line(int atLeast) throws IOException {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < atLeast - 64 && sb.indexOf("\n") < 0) {
                sb.append(receive(atLeast - 64 - sb.length()));
            }
            while (sb.indexOf("\n") < 0) {
                sb.append(receive(1));
            }
            assertEquals(sb.length() - 1, sb.indexOf("\n"), "read past the end of the line");
            return sb.toString();
        }

        String line() throws IOException {
            return line(0);
        }
    }
}
