package dev.qapi.example;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code tools/qemu-qmp-client} with QEMU's own Python library ({@code qemu.qmp},
 * from {@code $QEMU_SOURCE/python}, default {@code /tmp/qemu-10.0}). Skips the test, visibly, where
 * the library is not there (fails instead under {@code CI=true}).
 */
final class QemuPython {
    /** What the script printed, and its exit status. */
    record Result(int exitValue, String output) {
    }

    private QemuPython() {
    }

    static Result run(String script, String... args) throws IOException, InterruptedException {
        String env = System.getenv("QEMU_SOURCE");
        Path source = Path.of(env != null ? env : "/tmp/qemu-10.0");
        boolean present = Files.isDirectory(source.resolve("python/qemu/qmp"));
        String missing = "qemu.qmp not found under " + source + "/python (set QEMU_SOURCE, e.g. to the output of"
                + " ../shared/tools/qemu-source)";
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing + " and CI=true");
        }
        skipUnless(present, script, missing);
        List<String> command = new ArrayList<>(List.of("python3",
                Path.of("../tools/qemu-qmp-client", script).toAbsolutePath().normalize().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("QEMU_SOURCE", source.toString());
        Process p = pb.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            throw new IOException(script + " timed out: " + output);
        }
        skipUnless(p.exitValue() != 77, script, "qemu.qmp cannot be imported: " + output);
        System.out.print(output);
        return new Result(p.exitValue(), output);
    }

    /** Skips, saying why on the console too (surefire shows a skip's reason only in its XML report). */
    private static void skipUnless(boolean condition, String script, String why) {
        if (!condition) {
            System.err.println("SKIPPED " + script + ": " + why);
        }
        assumeTrue(condition, why + ": skipping");
    }
}
