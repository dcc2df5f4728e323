package dev.qapi.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A QEMU 7.2 process ({@code qemu-system-x86_64 -machine none}, or {@code $QEMU}) serving QMP, for
 * tests: started in a temporary directory of its own (its sockets and {@code qemu.log} there), stopped
 * by its pid and the directory deleted on {@link #close()}. Without the binary the calling test is
 * skipped with a message on the console; under {@code CI=true} it fails instead.
 */
public final class Qemu implements AutoCloseable {
    /** The QEMU binary: {@code $QEMU}, else {@code qemu-system-x86_64} on the PATH. */
    public static final String BINARY = System.getenv().getOrDefault("QEMU", "qemu-system-x86_64");

    private final Process process;
    private final Path dir;

    private Qemu(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Skips the calling test (or fails it under {@code CI=true}) when QEMU is not installed. */
    public static void require() {
        if (Files.isExecutable(Path.of(BINARY))) {
            return;
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, BINARY))) {
                return;
            }
        }
        String why = BINARY + " not found on PATH (apt-get install qemu-system-x86, or QEMU=path)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; it is required under CI=true");
        }
        System.err.println("SKIPPED tests against QEMU 7.2: " + why);
        assumeTrue(false, why);
    }

    /** A new temporary directory for a QEMU, deleted by {@link #close()}. */
    public static Path tempDir() throws IOException {
        return Files.createTempDirectory("qemu72-");
    }

    /**
     * Starts QEMU in {@code dir} with one {@code -qmp} option per {@code qmpOptions} (e.g.
     * {@code unix:PATH,server=off} for a client that listens); returns at once.
     */
    public static Qemu start(Path dir, String... qmpOptions) throws IOException {
        require();
        List<String> command = new ArrayList<>(List.of(BINARY, "-machine", "none", "-display", "none", "-nodefaults"));
        for (String option : qmpOptions) {
            command.add("-qmp");
            command.add(option);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile()).start();
        return new Qemu(p, dir);
    }

    /**
     * Starts QEMU serving QMP on a Unix socket in {@code dir} for each of {@code socketNames} (one
     * monitor each: a monitor serves one client at a time), {@code qmp.sock} when none are named; returns
     * once they all exist. QEMU creates a socket's file just before it listens: a client should wait
     * for the socket ({@code QmpClient.Builder.waitForSocket}) rather than connect once.
     */
    public static Qemu serve(Path dir, String... socketNames) throws IOException, InterruptedException {
        List<String> names = socketNames.length == 0 ? List.of("qmp.sock") : List.of(socketNames);
        String[] options = names.stream().map(n -> "unix:" + dir.resolve(n) + ",server=on,wait=off").toArray(String[]::new);
        Qemu qemu = start(dir, options);
        for (int i = 0; i < 1000 && !names.stream().allMatch(n -> Files.exists(dir.resolve(n))); i++) {
            if (!qemu.process.isAlive()) {
                String log = Files.readString(dir.resolve("qemu.log"));
                qemu.close();
                throw new IOException("QEMU exited: " + log);
            }
            Thread.sleep(10);
        }
        return qemu;
    }

    /** {@link #serve(Path, String...)} in a new {@link #tempDir()}. */
    public static Qemu serve(String... socketNames) throws IOException, InterruptedException {
        return serve(tempDir(), socketNames);
    }

    /** The directory of its sockets and log. */
    public Path dir() {
        return dir;
    }

    /** Its first QMP socket, {@code qmp.sock}. */
    public Path socket() {
        return dir.resolve("qmp.sock");
    }

    /** The QMP socket named {@code name} in {@link #dir()}. */
    public Path socket(String name) {
        return dir.resolve(name);
    }

    /** The QEMU process (for tests that kill it mid-call). */
    public Process process() {
        return process;
    }

    /** Sends {@code signal} (e.g. {@code STOP}, {@code CONT}) to the process. */
    public void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    }

    /** Kills QEMU by its pid, waits for it, and deletes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
