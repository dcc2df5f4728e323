package dev.qapi.qemuqmp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A QEMU 7.2 ({@code qemu-system-x86_64 -machine none}) serving QMP on two Unix sockets, for tests. Without
 * the binary the test is skipped with a message on the console; under {@code CI=true} it fails.
 */
final class Qemu72 implements AutoCloseable {
    static final String BINARY = System.getenv().getOrDefault("QEMU", "qemu-system-x86_64");

    private final Process process;
    private final Path dir;

    private Qemu72(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    static void require() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, BINARY)) || Files.isExecutable(Path.of(BINARY))) {
                return;
            }
        }
        String why = BINARY + " not found on PATH (apt-get install qemu-system-x86)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; it is required under CI=true");
        }
        System.err.println("SKIPPED qemu-qmp tests against QEMU 7.2: " + why);
        assumeTrue(false, why);
    }

    /** Starts QEMU; returns once its QMP socket exists. */
    static Qemu72 start() throws IOException, InterruptedException {
        require();
        Path dir = Files.createTempDirectory("clientgen-qemu");
        Path sock = dir.resolve("qmp.sock");
        Process p = new ProcessBuilder(BINARY, "-machine", "none", "-display", "none", "-nodefaults",
                "-qmp", "unix:" + sock + ",server=on,wait=off",
                "-qmp", "unix:" + dir.resolve("second.sock") + ",server=on,wait=off")
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
        Qemu72 qemu = new Qemu72(p, dir);
        for (int i = 0; i < 1000 && !(Files.exists(sock) && Files.exists(dir.resolve("second.sock"))); i++) {
            if (!p.isAlive()) {
                qemu.close();
                throw new IOException("QEMU exited: " + Files.readString(dir.resolve("qemu.log")));
            }
            Thread.sleep(10);
        }
        return qemu;
    }

    Path socket() {
        return dir.resolve("qmp.sock");
    }

    /** A second QMP monitor (each serves one client at a time). */
    Path secondSocket() {
        return dir.resolve("second.sock");
    }

    long pid() {
        return process.pid();
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
