package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * QEMU's own Python client library ({@code qemu.qmp}, from QEMU's source: {@code $QEMU_SOURCE/python},
 * default {@code /tmp/qemu-10.0}) drives the on-demand monitor flow against our server
 * ({@code tools/qemu-qmp-client/flow.py}). Skipped, with a message, where the library is not there.
 */
class QemuQmpClientTest {
    @RegisterExtension
    final ExampleServerExtension example = new ExampleServerExtension();

    @Test
    void qemuQmpLibraryRunsTheOnDemandFlow() throws Exception {
        QemuPython.Result result = QemuPython.run("flow.py", example.socket().toString(), example.dir().toString());
        assertEquals(0, result.exitValue(), result.output());
    }
}
