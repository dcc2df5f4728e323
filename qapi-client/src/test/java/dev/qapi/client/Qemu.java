package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A QEMU 7.2 process ({@code qemu-system-x86_64 -machine none}) for tests. Without the binary the test
 * is skipped with a message on the console; under {@code CI=true} it fails instead.
 */
final class Qemu implements AutoCloseable {
    static final String BINARY = System.getenv().getOrDefault("QEMU", "qemu-system-x86_64");

    final Process process;
    final Path dir;

    private Qemu(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Skips (or fails under CI) when QEMU is not installed. */
    static void require() {
        boolean found = false;
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, BINARY)) || Files.isExecutable(Path.of(BINARY))) {
                found = true;
                break;
            }
        }
        if (!found) {
            String why = BINARY + " not found on PATH (apt-get install qemu-system-x86)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; it is required under CI=true");
            }
            System.err.println("SKIPPED QEMU tests: " + why);
            assumeTrue(false, why);
        }
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("client-qemu");
    }

    /** Starts QEMU with {@code qmpOption} as its {@code -qmp} argument. */
    static Qemu start(Path dir, String qmpOption) throws IOException {
        require();
        List<String> cmd = new ArrayList<>(List.of(BINARY, "-machine", "none", "-display", "none",
                "-nodefaults", "-qmp", qmpOption));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile()).start();
        return new Qemu(p, dir);
    }

    /** Starts QEMU serving QMP on a Unix socket in {@code dir}; returns once it exists. */
    static Qemu serve(Path dir) throws IOException, InterruptedException {
        Path sock = dir.resolve("qmp.sock");
        Qemu q = start(dir, "unix:" + sock + ",server=on,wait=off");
        for (int i = 0; i < 500 && !Files.exists(sock); i++) {
            if (!q.process.isAlive()) {
                throw new IOException("QEMU exited: " + Files.readString(dir.resolve("qemu.log")));
            }
            Thread.sleep(10);
        }
        return q;
    }

    Path socket() {
        return dir.resolve("qmp.sock");
    }

    /**
     * A client builder for this QEMU's socket. It waits for the socket: QEMU creates the file before
     * it listens, so a connect in between is refused.
     */
    QmpClient.Builder client() {
        return QmpClient.builder().unixSocket(socket()).waitForSocket(java.time.Duration.ofSeconds(10));
    }

    void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
