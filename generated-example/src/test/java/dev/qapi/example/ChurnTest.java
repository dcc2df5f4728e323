package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.runtime.server.QmpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 cycles of chardev-add, monitor-add, connect (greeting, negotiation, a command),
 * monitor-remove and chardev-remove leave file descriptors, threads and heap where they were.
 */
class ChurnTest {
    static final int CYCLES = 10_000;

    @RegisterExtension
    final ExampleServerExtension example = new ExampleServerExtension();

    @Test
    void tenThousandCyclesLeakNothing() throws Exception {
        QmpServer server = example.server();
        try (Client a = new Client(example.socket()).negotiate()) {
            Path sock = example.dir().resolve("churn.sock");
            // Warm up first: the JVM opens a few descriptors lazily (class-path jars, entropy) on first use.
            for (int i = 0; i < 100; i++) {
                cycle(a, sock, -1 - i);
            }
            long fds0 = openFds();
            int threads0 = Thread.activeCount();
            long heap0 = usedHeapAfterGc();
            long t0 = System.nanoTime();
            for (int i = 1; i <= CYCLES; i++) {
                cycle(a, sock, i);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long fds1 = openFds();
            int threads1 = Thread.activeCount();
            long heap1 = usedHeapAfterGc();
            System.out.printf("churn: %d cycles in %.1f s; fds %d -> %d, threads %d -> %d, heap %d KiB -> %d KiB%n",
                    CYCLES, seconds, fds0, fds1, threads0, threads1, heap0 >> 10, heap1 >> 10);
            // A leak would show as thousands; allow for a descriptor or two the JVM itself opens late.
            assertTrue(fds1 - fds0 <= 2, "file descriptors grew from " + fds0 + " to " + fds1);
            assertEquals(threads0, threads1, "threads");
            assertTrue(heap1 < heap0 + (4 << 20), "heap grew from " + heap0 + " to " + heap1);
            assertEquals(1, server.monitors().size());
            assertEquals(1, server.chardevs().size());
        }
    }

    private static void cycle(Client a, Path sock, int i) throws IOException {
        String ok = "{\"return\": {}}";
        check(ok, a.execute("{\"execute\": \"chardev-add\", \"arguments\": {\"id\": \"churn\", \"backend\": {\"type\": \"socket\","
                + " \"data\": {\"addr\": {\"type\": \"unix\", \"data\": {\"path\": \"" + sock + "\"}}}}}}"));
        check(ok, a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"id\": \"m" + Math.abs(i) + "\", \"chardev\": \"churn\"}}"));
        try (Client b = new Client(sock).negotiate()) {
            String r = b.execute("{\"execute\": \"query-version\"}");
            if (!r.startsWith("{\"return\": {\"qemu\"")) {
                throw new IOException("cycle " + i + ": " + r);
            }
        }
        check(ok, a.execute("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"m" + Math.abs(i) + "\"}}"));
        check(ok, a.execute("{\"execute\": \"chardev-remove\", \"arguments\": {\"id\": \"churn\"}}"));
    }

    private static void check(String expected, String actual) throws IOException {
        if (!expected.equals(actual)) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }

    private static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
