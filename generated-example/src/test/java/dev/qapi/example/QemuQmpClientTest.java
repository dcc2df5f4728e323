package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapi.runtime.server.QmpServer;
import java.nio.file.Path;
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
        Path main = tmp.resolve("main.sock");
        QmpServer server = ExampleServer.start(Options.parse(new String[] {"-qmp", "unix:" + main + ",server=on,wait=off"}));
        try {
            QemuPython.Result result = QemuPython.run("flow.py", main.toString(), tmp.toString());
            assertEquals(0, result.exitValue(), result.output());
        } finally {
            server.close();
        }
    }
}
