package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapi.runtime.server.QmpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QEMU's own Python client library ({@code qemu.qmp}, from QEMU's source: {@code $QEMU_SOURCE/python},
 * default {@code /tmp/qemu-10.0}) drives the on-demand monitor flow against our server
 * ({@code tools/qemu-qmp-client/flow.py}). Skipped, with a message, where the library is not there.
 */
class QemuQmpClientTest {
    @TempDir
    Path tmp;

    @Test
    void qemuQmpLibraryRunsTheOnDemandFlow() throws Exception {
        String env = System.getenv("QEMU_SOURCE");
        Path source = Path.of(env != null ? env : "/tmp/qemu-10.0");
        assumeTrue(Files.isDirectory(source.resolve("python/qemu/qmp")),
                "qemu.qmp not found under " + source + "/python (set QEMU_SOURCE, e.g. to the output of"
                        + " ../shared/tools/qemu-source): skipping");
        Path script = Path.of("../tools/qemu-qmp-client/flow.py").toAbsolutePath().normalize();
        Path main = tmp.resolve("main.sock");
        QmpServer server = ExampleServer.start(Options.parse(new String[] {"-qmp", "unix:" + main + ",server=on,wait=off"}));
        try {
            ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), main.toString(), tmp.toString())
                    .redirectErrorStream(true);
            pb.environment().put("QEMU_SOURCE", source.toString());
            Process p = pb.start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
                throw new IOException("flow.py timed out: " + output);
            }
            assumeTrue(p.exitValue() != 77, "qemu.qmp cannot be imported: " + output);
            System.out.print(output);
            assertEquals(0, p.exitValue(), output);
        } finally {
            server.close();
        }
    }
}
