package dev.qapi.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qapi.client.QmpClient;
import dev.qapi.client.QmpEventLoop;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our client as {@code tools/bench/client/run.sh} runs it.
 *
 * <pre>
 * ClientBench pingpong SOCKET WARMUP_MS MEASURE_MS         one synchronous call after another
 * ClientBench pipeline SOCKET WARMUP_MS MEASURE_MS INFLIGHT INFLIGHT calls in flight at all times
 * ClientBench scale PATTERN N                                N connections (PATTERN with %d), one loop
 * </pre>
 *
 * Prints one line of {@code key=value} pairs: {@code rps=} for the first two (ping-pong adds the calling
 * thread's CPU time per call, all and user, in microseconds); for scale the connect and
 * call times and the heap per idle connection (used heap after full GCs, minus the same before
 * connecting, divided by N).
 */
public final class ClientBench {
    private ClientBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "pingpong" -> pingPong(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]));
            case "pipeline" -> pipeline(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]),
                    Integer.parseInt(args[4]));
            case "scale" -> scale(args[1], Integer.parseInt(args[2]));
            default -> {
                System.err.println("usage: ClientBench pingpong|pipeline SOCKET WARMUP_MS MEASURE_MS [INFLIGHT]"
                        + " | scale PATTERN N");
                System.exit(2);
            }
        }
    }

    private static void pingPong(Path socket, long warmupMs, long measureMs) {
        try (QmpClient qmp = QmpClient.connect(socket)) {
            long warmEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(warmupMs);
            while (System.nanoTime() < warmEnd) {
                qmp.execute("query-version");
            }
            long n = 0;
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long user0 = threads.getCurrentThreadUserTime();
            long start = System.nanoTime();
            long end = start + TimeUnit.MILLISECONDS.toNanos(measureMs);
            long now;
            do {
                qmp.execute("query-version");
                n++;
                now = System.nanoTime();
            } while (now < end);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long user = threads.getCurrentThreadUserTime() - user0;
            System.out.printf(Locale.ROOT, "responses=%d secs=%.3f rps=%.0f caller_cpu_us=%.2f caller_user_us=%.2f%n",
                    n, (now - start) / 1e9, n / ((now - start) / 1e9), cpu / 1e3 / n, user / 1e3 / n);
        }
    }

    private static void pipeline(Path socket, long warmupMs, long measureMs, int inflight) throws Exception {
        try (QmpClient qmp = QmpClient.connect(socket)) {
            AtomicLong done = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            Pipeline p = new Pipeline(qmp, done, errors);
            for (int i = 0; i < inflight; i++) {
                p.issue();
            }
            Thread.sleep(warmupMs);
            long n0 = done.get();
            long t0 = System.nanoTime();
            Thread.sleep(measureMs);
            long n1 = done.get();
            long t1 = System.nanoTime();
            p.stop = true;
            p.drained(inflight).get(30, TimeUnit.SECONDS);
            if (errors.get() > 0) {
                System.err.println("errors=" + errors.get());
            }
            report(n1 - n0, t1 - t0);
        }
    }

    /** Keeps calls in flight: each completion (on the loop thread) sends the next call. */
    private static final class Pipeline {
        final QmpClient qmp;
        final AtomicLong done;
        final AtomicLong errors;
        final AtomicLong finished = new AtomicLong();
        final CompletableFuture<Void> allFinished = new CompletableFuture<>();
        volatile boolean stop;
        int expected;

        Pipeline(QmpClient qmp, AtomicLong done, AtomicLong errors) {
            this.qmp = qmp;
            this.done = done;
            this.errors = errors;
        }

        void issue() {
            qmp.call("query-version").whenComplete(this::completed);
        }

        private void completed(JsonNode r, Throwable e) {
            if (e != null) {
                errors.incrementAndGet();
            }
            done.incrementAndGet();
            if (!stop) {
                issue();
            } else if (finished.incrementAndGet() == expected) {
                allFinished.complete(null);
            }
        }

        CompletableFuture<Void> drained(int inflight) {
            expected = inflight;
            if (finished.get() >= inflight) {
                allFinished.complete(null);
            }
            return allFinished;
        }
    }

    private static void scale(String pattern, int n) throws Exception {
        long before = usedHeapAfterGc();
        try (QmpEventLoop loop = new QmpEventLoop("qmp-client-bench")) {
            long t0 = System.nanoTime();
            List<CompletableFuture<QmpClient>> connecting = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                connecting.add(QmpClient.builder().unixSocket(Path.of(String.format(Locale.ROOT, pattern, i)))
                        .eventLoop(loop).connectTimeout(java.time.Duration.ofSeconds(60)).connectAsync());
            }
            List<QmpClient> clients = new ArrayList<>(n);
            for (CompletableFuture<QmpClient> c : connecting) {
                clients.add(c.get(120, TimeUnit.SECONDS));
            }
            long t1 = System.nanoTime();
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>(n);
            for (QmpClient c : clients) {
                calls.add(c.call("query-version"));
            }
            for (CompletableFuture<JsonNode> c : calls) {
                c.get(120, TimeUnit.SECONDS);
            }
            long t2 = System.nanoTime();
            calls.clear();
            connecting.clear();
            long after = usedHeapAfterGc();
            int threads = Thread.activeCount();
            System.out.printf(Locale.ROOT, "conns=%d connect_ms=%.0f calls_ms=%.0f heap_before=%d heap_after=%d"
                    + " bytes_per_conn=%d max_heap=%d threads=%d%n", n, (t1 - t0) / 1e6, (t2 - t1) / 1e6, before,
                    after, (after - before) / n, Runtime.getRuntime().maxMemory(), threads);
            for (QmpClient c : clients) {
                c.close();
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void report(long n, long nanos) {
        System.out.printf(Locale.ROOT, "responses=%d secs=%.3f rps=%.0f%n", n, nanos / 1e9, n / (nanos / 1e9));
    }
}
