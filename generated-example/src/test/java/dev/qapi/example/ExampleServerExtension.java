package dev.qapi.example;

import dev.qapi.runtime.server.QmpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The example server for each test of a class: started before the test on {@code main.sock} in a
 * temporary directory of its own, closed after it whether the test passed, failed or its set-up threw
 * halfway, and the directory deleted.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ExampleServerExtension example = new ExampleServerExtension();
 * // in a test: example.socket(), example.server(), example.dir().resolve("extra.sock")
 * }</pre>
 *
 * <p>The server runs inside the test JVM ({@link ExampleServer#start}), so there is no process to stop
 * by its pid: {@link QmpServer#close()} stops its loop thread and removes its sockets before the next
 * test starts.
 */
final class ExampleServerExtension implements BeforeEachCallback, AfterEachCallback {
    private final Function<Path, List<String>> moreOptions;
    private Path dir;
    private QmpServer server;

    /** The server with one QMP monitor, on {@link #socket()}. */
    ExampleServerExtension() {
        this(dir -> List.of());
    }

    /** The server with more command-line options (given the test's directory) after its QMP monitor. */
    ExampleServerExtension(Function<Path, List<String>> moreOptions) {
        this.moreOptions = moreOptions;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("example-server");
        List<String> args = new ArrayList<>(List.of("-qmp", "unix:" + socket() + ",server=on,wait=off"));
        args.addAll(moreOptions.apply(dir));
        server = ExampleServer.start(Options.parse(args.toArray(String[]::new)));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            deleteDir();
        }
    }

    private void deleteDir() throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } finally {
            dir = null;
        }
    }

    /** The running server. */
    QmpServer server() {
        return server;
    }

    /** The server's QMP socket. */
    Path socket() {
        return dir.resolve("main.sock");
    }

    /** The test's temporary directory (for more sockets), deleted after the test. */
    Path dir() {
        return dir;
    }
}
