package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The on-demand monitor flow end to end, over real sockets, with every error of the seed. */
class ExampleServerTest {
    @RegisterExtension
    final ExampleServerExtension example = new ExampleServerExtension(dir -> List.of(
            "-chardev", "socket,id=cli,path=" + dir.resolve("cli.sock") + ",server=on,wait=off",
            "-mon", "chardev=cli,mode=control,id=climon"));

    private String chardevAdd(Client c, String id, Path path) throws IOException {
        return c.execute("{\"execute\": \"chardev-add\", \"arguments\": {\"id\": \"" + id + "\", \"backend\": {\"type\": \"socket\","
                + " \"data\": {\"addr\": {\"type\": \"unix\", \"data\": {\"path\": \"" + path + "\"}}, \"server\": true,"
                + " \"wait\": false}}}}");
    }

    @Test
    void onDemandMonitorFlow() throws IOException {
        Path extra = example.dir().resolve("extra.sock");
        try (Client a = new Client(example.socket()).negotiate()) {
            assertEquals("{\"return\": {}}", chardevAdd(a, "extra", extra));
            assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"id\": \"b\", \"chardev\": \"extra\"}}"));
            try (Client b = new Client(extra).negotiate()) {
                String monitors = b.execute("{\"execute\": \"query-monitors\"}");
                assertTrue(monitors.contains("{\"chardev\": \"compat_monitor0\", \"mode\": \"control\", \"dynamic\": false, \"id\": \"#mon0\"}"), monitors);
                assertTrue(monitors.contains("{\"chardev\": \"extra\", \"mode\": \"control\", \"dynamic\": true, \"id\": \"b\"}"), monitors);
                assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"b\"}}"));
                assertNull(b.read(), "B sees end of file");
            }
            assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"chardev\": \"extra\"}}"));
            try (Client b = new Client(extra).negotiate()) {
                assertEquals("{\"return\": {}}", b.execute("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"#mon1\"}}"),
                        "a monitor removes itself and gets its reply");
                assertNull(b.read());
            }
            assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"id\": \"again\", \"chardev\": \"extra\"}}"),
                    "the chardev is free again");
            assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"climon\"}}"),
                    "command-line monitors are removable too");
        }
    }

    @Test
    void everyErrorOfTheSeed() throws IOException {
        try (Client a = new Client(example.socket()).negotiate()) {
            assertEquals("{\"return\": {}}", chardevAdd(a, "x", example.dir().resolve("x.sock")));
            assertEquals(err("Chardev with id 'x' already exists"), chardevAdd(a, "x", example.dir().resolve("y.sock")));
            assertEquals(err("monitor 'climon' already exists"),
                    a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"id\": \"climon\", \"chardev\": \"x\"}}"));
            assertEquals(err("chardev 'nope' not found"), a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"chardev\": \"nope\"}}"));
            assertEquals(err("chardev 'cli' is already in use"), a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"chardev\": \"cli\"}}"));
            assertEquals(err("monitor 'ghost' not found"), a.execute("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"ghost\"}}"));
            assertEquals(err("Parameter 'id' expects an identifier"),
                    a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"id\": \"#mon7\", \"chardev\": \"x\"}}"));
            assertEquals(err("Chardev 'cli' is busy"), a.execute("{\"execute\": \"chardev-remove\", \"arguments\": {\"id\": \"cli\"}}"));
            assertEquals(err("Chardev 'nope' not found"), a.execute("{\"execute\": \"chardev-remove\", \"arguments\": {\"id\": \"nope\"}}"));
            assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"chardev-remove\", \"arguments\": {\"id\": \"x\"}}"));
        }
    }

    private static String err(String desc) {
        return "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + desc + "\"}}";
    }

    @Test
    void concurrentMonitorAddOfOneIdHasExactlyOneWinner() throws Exception {
        try (Client a = new Client(example.socket()).negotiate()) {
            assertEquals("{\"return\": {}}", chardevAdd(a, "c1", example.dir().resolve("c1.sock")));
            assertEquals("{\"return\": {}}", chardevAdd(a, "c2", example.dir().resolve("c2.sock")));
        }
        example.server().addChardev("c3", java.net.UnixDomainSocketAddress.of(example.dir().resolve("c3.sock")));
        example.server().addMonitor("c3", java.util.Optional.of("x3"), false, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (Path sock : List.of(example.socket(), example.dir().resolve("c3.sock"))) {
                String chardev = sock.equals(example.socket()) ? "c1" : "c2";
                tasks.add(() -> {
                    try (Client c = new Client(sock).negotiate()) {
                        return c.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"id\": \"same\", \"chardev\": \"" + chardev + "\"}}");
                    }
                });
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            assertEquals(1, results.stream().filter(r -> r.equals("{\"return\": {}}")).count(), results.toString());
            assertEquals(1, results.stream().filter(r -> r.equals(err("monitor 'same' already exists"))).count(), results.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void commandLineErrorsAndVersion() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(1, ExampleServer.run(new String[] {"-bogus"}, o, e));
        assertEquals("qmp-example-server: unknown option '-bogus' (try -help)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, ExampleServer.run(new String[] {"-mon", "chardev=x,mode=readline"}, o, e));
        assertEquals(0, ExampleServer.run(new String[] {"-version"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("qmp-example-server 0.1.0"));
    }

    @Test
    void socketsAreRemovedOnClose() {
        assertTrue(Files.exists(example.socket()));
        example.server().close();
        assertTrue(!Files.exists(example.socket()));
    }
}
