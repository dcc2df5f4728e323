package dev.qapi.compat;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Records the {@code query-qmp-schema} data of the installed QEMU ({@code qemu-system-x86_64}, 7.2 on
 * Debian) at test time: starts it with no machine on a private QMP socket, negotiates, asks, and stops it
 * by its pid. The data is QEMU's, so it is never committed. Without QEMU the caller skips with a message;
 * under {@code CI=true} it fails.
 */
final class Qemu72 {
    private Qemu72() {
    }

    /** QEMU's reply to {@code query-qmp-schema}, one line of JSON ({@link IntrospectionWire} takes it whole). */
    static String recordSchema(Path dir) throws IOException, InterruptedException {
        String qemu = locate();
        Path socket = Path.of("/tmp", "compat-q-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(socket);
        Process process = new ProcessBuilder(qemu, "-machine", "none", "-display", "none", "-nodefaults",
                "-qmp", "unix:" + socket + ",server=on,wait=off")
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
        try {
            SocketChannel channel = connect(socket, process);
            try (channel) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                        StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(channel);
                in.readLine(); // greeting
                out.write("{\"execute\": \"qmp_capabilities\"}\n".getBytes(StandardCharsets.UTF_8));
                reply(in);
                out.write("{\"execute\": \"query-qmp-schema\"}\n".getBytes(StandardCharsets.UTF_8));
                return reply(in);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(socket);
        }
    }

    /** The next line that is a reply, not an event. */
    private static String reply(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("{\"return\"") || line.startsWith("{\"error\"")) {
                return line;
            }
        }
        throw new IOException("QEMU closed the QMP connection");
    }

    private static SocketChannel connect(Path socket, Process process) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(socket)) {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(socket));
                return ch;
            }
            if (!process.isAlive()) {
                throw new IOException("QEMU exited with status " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IOException("QEMU made no QMP socket in 10 s");
    }

    private static String locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "qemu-system-x86_64");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        String why = "qemu-system-x86_64 (QEMU 7.2) not found on PATH";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; it is required under CI=true");
        }
        assumeTrue(false, why + ": skipping");
        return null;
    }
}
