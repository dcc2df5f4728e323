package dev.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.qapi.runtime.dispatch.CommandInfo;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.json.JsonWriter;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that misbehave must not hurt the others: a monitor fed random garbage, a client that never
 * reads its answers, and a flood of pipelined requests.
 */
class HostileClientsTest {
    @TempDir
    Path tmp;

    QmpServer server;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        String big = "x".repeat(16 << 10);
        registry.register(CommandInfo.of("big"), (args, ctx) -> JsonNodeFactory.instance.objectNode().put("s", big));
        server = new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    private Path monitor(String name) {
        return TestMonitors.add(server, tmp, name, name, true);
    }

    private static SocketChannel raw(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return ch;
    }

    /** Reads and throws away whatever arrives until end of file; returns how many bytes that was. */
    private Future<Long> drain(SocketChannel ch) {
        return threads.submit(() -> {
            ByteBuffer b = ByteBuffer.allocate(64 << 10);
            long total = 0;
            try {
                int n;
                while ((n = ch.read(b)) >= 0) {
                    total += n;
                    b.clear();
                }
            } catch (IOException closed) {
                // the test closed it
            }
            return total;
        });
    }

    private static void pingPong(QmpClient c, int rounds) throws IOException {
        for (int i = 0; i < rounds; i++) {
            c.send("{\"execute\": \"query-version\", \"id\": " + i + "}\n");
            String answer = c.read();
            assertTrue(answer.startsWith("{\"return\": {\"qemu\"") && answer.endsWith("\"id\": " + i + "}"), answer);
        }
    }

    @Test
    void aMonitorHammeredWithGarbageDoesNotDisturbAnother() throws Exception {
        Path bad = monitor("bad");
        Path good = monitor("good");
        try (SocketChannel hammer = raw(bad); QmpClient c = QmpClient.negotiated(good, false)) {
            Future<Long> answers = drain(hammer);
            AtomicLong sent = new AtomicLong();
            Future<?> writer = threads.submit(() -> {
                Random random = new Random(42);
                byte[] chunk = new byte[4096];
                String[] pieces = {"{", "}", "[", "]", "\"", "'", "\\u", "\n", "{\"execute\": ", "\"qmp_capabilities\"}",
                    ":", ",", "1e999", "-", "nul", "\u00ff"};
                for (int round = 0; round < 1000 && !Thread.currentThread().isInterrupted(); round++) {
                    int len = 0;
                    while (len < chunk.length - 32) {
                        if (random.nextBoolean()) {
                            chunk[len++] = (byte) random.nextInt(256);
                        } else {
                            byte[] p = pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.ISO_8859_1);
                            System.arraycopy(p, 0, chunk, len, p.length);
                            len += p.length;
                        }
                    }
                    ByteBuffer b = ByteBuffer.wrap(chunk, 0, len);
                    while (b.hasRemaining()) {
                        hammer.write(b);
                    }
                    sent.addAndGet(len);
                }
                return null;
            });
            pingPong(c, 2000);
            writer.get(60, TimeUnit.SECONDS);
            hammer.shutdownOutput();
            long replied = answers.get(60, TimeUnit.SECONDS);
            assertTrue(sent.get() > 4_000_000 && replied > 0, sent + " sent, " + replied + " answered");
            pingPong(c, 10);
        }
        assertEquals(2, server.monitors().size());
    }

    @Test
    void aFloodOfPipelinedRequestsIsAnsweredOnceEachInOrder() throws Exception {
        int count = 100_000;
        try (QmpClient c = QmpClient.negotiated(monitor("m"), false)) {
            Future<?> writer = threads.submit(() -> {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    batch.append("{\"execute\": \"query-version\", \"id\": ").append(i).append("}");
                    if (batch.length() > 8000 || i == count - 1) {
                        c.send(batch.toString());
                        batch.setLength(0);
                    }
                }
                return null;
            });
            for (int i = 0; i < count; i++) {
                String answer = c.read();
                assertTrue(answer.endsWith("\"id\": " + i + "}"), i + ": " + answer);
            }
            writer.get(60, TimeUnit.SECONDS);
            assertEquals(null, c.poll(100), "nothing more");
        }
    }

    @Test
    void aClientThatStopsReadingIsNoLongerReadAtOneMebibyteOfUnsentOutputAndGetsEveryAnswerLater() throws Exception {
        Path slow = monitor("slow");
        Path good = monitor("good");
        try (QmpClient s = QmpClient.negotiated(slow, false); QmpClient c = QmpClient.negotiated(good, false)) {
            byte[] request = "{\"execute\": \"big\"}\n".getBytes(StandardCharsets.US_ASCII);
            AtomicLong requests = new AtomicLong();
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < 100_000; i++) {
                    s.send(request);
                    requests.incrementAndGet();
                }
                return null;
            });
            // Until the server stops reading: the count stands still.
            long seen = -1;
            while (requests.get() != seen) {
                seen = requests.get();
                Thread.sleep(300);
            }
            int pending = server.pendingOutput("slow");
            int answer = 16 << 10 | 64; // one answer, 16 KiB of string and its frame, at most
            assertTrue(pending >= SocketChardev.OUTPUT_HIGH_WATER && pending < SocketChardev.OUTPUT_HIGH_WATER + answer,
                    pending + " bytes unsent");
            pingPong(c, 200);
            assertEquals(pending, server.pendingOutput("slow"), "nothing more was read meanwhile");
            writer.cancel(true);
            long sent = requests.get();
            for (long i = 0; i < sent; i++) {
                String a = s.read();
                assertTrue(a != null && a.startsWith("{\"return\": {\"s\": \"xxx"), i + " of " + sent + ": " + a);
            }
            pingPong(s, 1);
        }
    }

    @Test
    void aFiftyMebibyteTokenOnOneMonitorHoldsUpNoOtherAndItsEchoArrivesIntact() throws Exception {
        Path bad = monitor("bad");
        Path good = monitor("good");
        // A string token of 1 KiB blocks (ASCII, a two-byte character, an invalid byte), ended by a
        // newline: a lexical error whose desc quotes the whole token.
        byte[] block = new byte[1024];
        java.util.Arrays.fill(block, (byte) 'x');
        block[1021] = (byte) 0xC3;
        block[1022] = (byte) 0xA9;
        block[1023] = (byte) 0x80;
        int blocks = 50 << 10;
        byte[] half = new byte[(blocks / 2) * block.length];
        for (int i = 0; i < blocks / 2; i++) {
            System.arraycopy(block, 0, half, i * block.length, block.length);
        }
        try (QmpClient attacker = QmpClient.negotiated(bad, false); QmpClient c = QmpClient.negotiated(good, false)) {
            attacker.send("\"");
            attacker.send(half);
            pingPong(c, 100); // while the server holds 25 MiB of an unfinished token
            attacker.send(half);
            attacker.send("\n");
            pingPong(c, 100); // while the 52 MB answer waits for the attacker to read it
            // What the server sent before it streamed this answer: the writer's text of QEMU's error.
            String shown = "x".repeat(1021) + "\u00e9\ufffd";
            String desc = "JSON parse error, stray '\"" + shown.repeat(blocks) + "\n'";
            String expected = JsonWriter.compact().toJson(QmpDispatcher.error(QmpException.generic(desc), null, null));
            desc = null;
            String answer = attacker.read();
            assertEquals(expected.length(), answer.length(), "answer length");
            assertTrue(expected.equals(answer), () -> "first difference at " + mismatch(expected, answer));
            pingPong(attacker, 1);
        }
        assertEquals(2, server.monitors().size());
    }

    @Test
    void pastTheInputBudgetTheSmallerHolderWaitsUntilTheLargerFinishes() throws Exception {
        long budget = 4 << 20;
        server.inputBudget(budget);
        Path a = monitor("a");
        Path b = monitor("b");
        Path good = monitor("good");
        byte[] three = new byte[3 << 20];
        java.util.Arrays.fill(three, (byte) 'x');
        try (QmpClient ca = QmpClient.negotiated(a, false); QmpClient cb = QmpClient.negotiated(b, false);
                QmpClient c = QmpClient.negotiated(good, false)) {
            ca.send("\"");
            ca.send(three);
            while (server.inputBudgetUsed() < three.length) {
                Thread.sleep(10);
            }
            // b crosses the budget: it holds less than a, so it is no longer read.
            Future<?> bSends = threads.submit(() -> {
                cb.send("\"");
                cb.send(three);
                cb.send("\n");
                return null;
            });
            Thread.sleep(500);
            assertEquals(false, bSends.isDone(), "b is still being read");
            long used = server.inputBudgetUsed();
            assertTrue(used > budget && used < budget + three.length, used + " bytes held");
            pingPong(c, 100);
            // a finishes: its answer goes out, then b is read again and answered too.
            ca.send("\n");
            assertEquals(3 << 20, ca.read().length() - "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\\"\\n'\"}}".length());
            bSends.get(10, TimeUnit.SECONDS);
            assertTrue(cb.read().startsWith("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\\"xxx"));
            pingPong(ca, 1);
            pingPong(cb, 1);
            assertEquals(0, server.inputBudgetUsed());
        }
    }

    private static int mismatch(String a, String b) {
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
