package dev.qapi.runtime.bench;

import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.server.ProtocolCommands;
import dev.qapi.runtime.server.QmpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Our QMP server as the load benchmark ({@code tools/bench/qmp/run.sh}) runs it: only the protocol
 * commands, on N socket chardevs with one compact monitor each.
 *
 * <pre>
 * java [-Xmx...] -cp ... dev.qapi.runtime.bench.BenchServer DIR N [TCP_BASE_PORT]
 * </pre>
 *
 * <p>Chardev {@code cI} listens on {@code DIR/mon-I.sock} (and, with a base port, monitor I on
 * {@code 127.0.0.1:BASE+I} instead). Prints {@code ready} once everything listens. Then reads
 * commands from stdin: {@code heap} runs a full GC and prints
 * {@code heap used=B committed=B max=B rss_kb=K threads=T}; end of input (or SIGTERM) closes the
 * server and exits.
 */
public final class BenchServer {
    /** Held so the level sticks: a chardev and a monitor logged at INFO each would flood 10,000-monitor runs. */
    private static final Logger SERVER_LOG = Logger.getLogger("dev.qapi.runtime.server");

    private BenchServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchServer DIR N [TCP_BASE_PORT]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int tcpBase = args.length > 2 ? Integer.parseInt(args[2]) : 0;

        SERVER_LOG.setLevel(Level.WARNING);
        CommandRegistry registry = new CommandRegistry();
        ProtocolCommands.registerBasics(registry);
        QmpServer server = new QmpServer(registry, QmpServer.version(10, 0, 13, ""), CompatPolicy.DEFAULT);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bench-shutdown"));
        for (int i = 0; i < n; i++) {
            String chardev = "c" + i;
            if (tcpBase > 0) {
                server.addChardev(chardev, new InetSocketAddress("127.0.0.1", tcpBase + i));
            } else {
                Path socket = dir.resolve("mon-" + i + ".sock");
                Files.deleteIfExists(socket);
                server.addChardev(chardev, UnixDomainSocketAddress.of(socket));
            }
            server.addMonitor(chardev, Optional.of("m" + i), false, false);
        }
        System.out.println("ready");
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.strip().equals("heap")) {
                System.out.println(heap());
                System.out.flush();
            }
        }
        server.close();
        System.exit(0);
    }

    private static String heap() throws IOException {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rssKb = 0;
        for (String s : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (s.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(s.replaceAll("[^0-9]", ""));
            }
        }
        return String.format(Locale.ROOT, "heap used=%d committed=%d max=%d rss_kb=%d threads=%d", heap.getUsed(),
                heap.getCommitted(), heap.getMax(), rssKb, Thread.activeCount());
    }
}
