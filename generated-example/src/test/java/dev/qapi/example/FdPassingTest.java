package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qapi.runtime.fd.ChannelDescriptor;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.FdSets;
import dev.qapi.runtime.fd.FileOpener;
import dev.qapi.runtime.fd.OpenFlags;
import dev.qapi.runtime.server.QmpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Descriptors passed over the example server's Unix sockets: QEMU 7.2's recorded answers
 * ({@code tools/qmp-diff --corpus fds}), QEMU's own Python client, and no descriptor leaked.
 */
class FdPassingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Pattern> FD_NUMBERS = List.of(Pattern.compile("(\"fd\": )(\\d+)"), Pattern.compile("(fd:)(\\d+)"));
    private static final Pattern FD_PLACEHOLDER = Pattern.compile("@fd(\\d+)@");
    private static final Pattern ADD_FD_REPLY = Pattern.compile("\\{\"return\": \\{\"fd\": (\\d+), \"fdset-id\": \\d+\\}\\}\r\n");
    /** The key of fdmap holding the next free N. */
    private static final int NEXT = -1;

    @TempDir
    Path tmp;

    @BeforeEach
    void requireDescriptorPassing() {
        String why = "descriptor passing needs Linux/64-bit and --add-exports java.base/sun.nio.ch=ALL-UNNAMED";
        if (!ChannelDescriptor.available() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + " (CI=true)");
        }
        assumeTrue(ChannelDescriptor.available(), why + ": skipping");
    }

    private QmpServer start(Path socket) {
        try {
            return ExampleServer.start(Options.parse(new String[] {"-qmp", "unix:" + socket + ",server=on,wait=off"}));
        } catch (Options.BadOption e) {
            throw new IllegalArgumentException(e);
        }
    }

    static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** What each open descriptor is (for a failure message). */
    static List<String> describeDescriptors() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    out.add(fd.getFileName() + " -> " + Files.readSymbolicLink(fd));
                } catch (IOException e) {
                    out.add(fd.getFileName() + " (gone)");
                }
            }
        }
        return out;
    }

    /**
     * Waits (up to 2 s: the server closes a dropped client's socket on its own thread) for the open
     * descriptors to come back to {@code baseline}.
     */
    static void assertBackTo(long baseline, List<String> before, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (openDescriptors() != baseline && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<String> now = describeDescriptors();
        List<String> extra = new ArrayList<>(now);
        extra.removeAll(before);
        assertEquals(baseline, openDescriptors(), what + "; new: " + extra);
    }

    // ---- the recorded corpus ----------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> answersEqualQemusRecordings() throws IOException {
        JsonNode index = resource("index.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode name : index.get("cases")) {
            tests.add(DynamicTest.dynamicTest(name.asText(), () -> replay(resource(name.asText() + ".json"))));
        }
        return tests;
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = FdPassingTest.class.getResourceAsStream("/qmp-diff-fds/" + name)) {
            if (in == null) {
                throw new IOException("missing resource qmp-diff-fds/" + name);
            }
            return JSON.readTree(in);
        }
    }

    /** Replaces descriptor numbers by @fdN@ as record.py does (add-fd's reply always starts a new N). */
    static String normalise(String raw, Map<Integer, Integer> fdmap) {
        Matcher added = ADD_FD_REPLY.matcher(raw);
        if (added.matches()) {
            fdIndex(fdmap, Integer.parseInt(added.group(1)), true);
        }
        for (Pattern p : FD_NUMBERS) {
            Matcher m = p.matcher(raw);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int index = fdIndex(fdmap, Integer.parseInt(m.group(2)), false);
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "@fd" + index + "@"));
            }
            m.appendTail(out);
            raw = out.toString();
        }
        return raw;
    }

    private static int fdIndex(Map<Integer, Integer> fdmap, int number, boolean fresh) {
        if (fresh || !fdmap.containsKey(number)) {
            int next = fdmap.getOrDefault(NEXT, 0);
            fdmap.put(number, next);
            fdmap.put(NEXT, next + 1);
        }
        return fdmap.get(number);
    }

    private static String substitute(String data, Map<Integer, Integer> fdmap) {
        Map<Integer, Integer> numbers = new HashMap<>();
        fdmap.forEach((number, index) -> {
            if (number != NEXT) {
                numbers.put(index, number);
            }
        });
        return FD_PLACEHOLDER.matcher(data).replaceAll(m -> String.valueOf(numbers.get(Integer.parseInt(m.group(1)))));
    }

    private void replay(JsonNode recording) throws IOException {
        Path socket = tmp.resolve(recording.get("name").asText() + ".sock");
        QmpServer server = start(socket);
        Map<String, FdClient> clients = new HashMap<>();
        Map<Integer, Integer> fdmap = new HashMap<>();
        int n = 0;
        try {
            for (JsonNode step : recording.get("steps")) {
                String where = recording.get("name").asText() + " step " + n++;
                String client = step.path("client").asText("a");
                switch (step.get("op").asText()) {
                    case "connect" -> clients.put(client, new FdClient(socket));
                    case "close" -> clients.remove(client).close();
                    case "send" -> clients.get(client).send(substitute(step.get("data").asText(), fdmap), step.path("fds").asInt(0));
                    case "quiet" -> assertTrue(clients.get(client).quiet(step.get("ms").asLong()), where + ": expected silence");
                    case "read" -> {
                        for (JsonNode message : step.get("messages")) {
                            String got = clients.get(client).read(step.get("timeout-ms").asLong());
                            assertTrue(got != null, where + ": no message");
                            JsonNode expected = message.has("qemu-10.0") ? message.get("qemu-10.0") : message;
                            if (message.has("version-dependent") && expected.path("json").has("QMP")) {
                                assertTrue(got.startsWith("{\"QMP\": {\"version\": "), where + ": greeting " + got);
                            } else {
                                assertEquals(expected.get("raw").asText(), normalise(got, fdmap), where);
                            }
                        }
                    }
                    default -> throw new IllegalStateException(where + ": unknown op " + step.get("op"));
                }
            }
        } finally {
            for (FdClient c : clients.values()) {
                c.close();
            }
            server.close();
        }
    }

    // ---- QEMU's own client ------------------------------------------------------------------------

    @Test
    void qemuQmpSendFdScmPassesDescriptorsToGetfdAndAddFd() throws Exception {
        Path socket = tmp.resolve("qmp.sock");
        QmpServer server = start(socket);
        try {
            QemuPython.Result result = QemuPython.run("fds.py", socket.toString());
            assertEquals(0, result.exitValue(), result.output());
        } finally {
            server.close();
        }
    }

    // ---- leaks and bad input ----------------------------------------------------------------------

    @Test
    void tenThousandCyclesOverTheSocketLeaveNoDescriptorOpen() throws Exception {
        Path socket = tmp.resolve("leak.sock");
        QmpServer server = start(socket);
        try (FdClient a = new FdClient(socket).negotiate()) {
            // Warm up once so that lazily opened descriptors (the JVM's, the loop's) are in the baseline.
            cycle(a, 0);
            long baseline = openDescriptors();
            List<String> before = describeDescriptors();
            for (int i = 0; i < 10_000; i++) {
                cycle(a, i);
            }
            assertBackTo(baseline, before, "getfd/closefd and add-fd/remove-fd cycles");

            // monitor-remove while the monitor holds named descriptors: they are closed with it.
            for (int i = 0; i < 200; i++) {
                Path extra = tmp.resolve("m.sock");
                assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"chardev-add\", \"arguments\": {\"id\": \"m\", "
                        + "\"backend\": {\"type\": \"socket\", \"data\": {\"addr\": {\"type\": \"unix\", \"data\": {\"path\": \""
                        + extra + "\"}}, \"server\": true, \"wait\": false}}}}", 0));
                assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"chardev\": \"m\", \"id\": \"m\"}}", 0));
                try (FdClient b = new FdClient(extra).negotiate()) {
                    assertEquals("{\"return\": {}}", b.execute("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"x\"}}", 1));
                    assertEquals("{\"return\": {}}", b.execute("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"y\"}}", 3));
                    assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"monitor-remove\", \"arguments\": {\"id\": \"m\"}}", 0));
                }
                assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"chardev-remove\", \"arguments\": {\"id\": \"m\"}}", 0));
            }
            assertBackTo(baseline, before, "monitor-remove with descriptors held");
        } finally {
            server.close();
        }
    }

    private static void cycle(FdClient a, int i) throws IOException {
        assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"f\"}}", 1 + i % 3));
        assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"closefd\", \"arguments\": {\"fdname\": \"f\"}}", 0));
        String added = a.execute("{\"execute\": \"add-fd\", \"arguments\": {\"fdset-id\": 7}}", 1);
        JsonNode info = JSON.readTree(added).get("return");
        assertEquals("{\"return\": {}}", a.execute("{\"execute\": \"remove-fd\", \"arguments\": {\"fdset-id\": 7, \"fd\": "
                + info.get("fd").asInt() + "}}", 0));
    }

    @Test
    void descriptorsNobodyTakesAreClosedAndOtherMonitorsKeepWorking() throws Exception {
        Path socket = tmp.resolve("bad.sock");
        QmpServer server = start(socket);
        Path other = tmp.resolve("other.sock");
        try (FdClient a = new FdClient(socket).negotiate()) {
            a.execute("{\"execute\": \"chardev-add\", \"arguments\": {\"id\": \"o\", \"backend\": {\"type\": \"socket\", "
                    + "\"data\": {\"addr\": {\"type\": \"unix\", \"data\": {\"path\": \"" + other + "\"}}, \"server\": true, \"wait\": false}}}}", 0);
            a.execute("{\"execute\": \"monitor-add\", \"arguments\": {\"chardev\": \"o\"}}", 0);
            FdClient b = new FdClient(other).negotiate();
            long baseline = openDescriptors();
            List<String> before = describeDescriptors();
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", a.execute("{]", 5));
            assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command nope has not been found\"}}",
                    a.execute("{\"execute\": \"nope\"}", 5));
            assertTrue(a.execute("{\"execute\": \"query-version\"}", 200).startsWith("{\"return\": {\"qemu\""));
            assertBackTo(baseline, before, "descriptors of requests that took none are closed");
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"No file descriptor supplied via SCM_RIGHTS\"}}",
                    a.execute("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"late\"}}", 0),
                    "never handed to a later command");
            // Two requests in one write with descriptors: the first gets them; it takes none, so they are gone.
            a.send("{\"execute\": \"query-fdsets\"}\n{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"late\"}}\n", 1);
            assertEquals("{\"return\": []}", a.read());
            assertTrue(a.read().contains("No file descriptor supplied via SCM_RIGHTS"));
            assertBackTo(baseline, before, "two requests in one write");
            assertEquals("{\"return\": {}}", b.execute("{\"execute\": \"getfd\", \"arguments\": {\"fdname\": \"b\"}}", 1),
                    "another monitor is unaffected");
            assertEquals("{\"return\": {}}", b.execute("{\"execute\": \"closefd\", \"arguments\": {\"fdname\": \"b\"}}", 0));
            b.close();
        } finally {
            server.close();
        }
    }

    // ---- /dev/fdset/N as a file name ------------------------------------------------------------------

    private static final String OK = "{\"return\": {}}";

    private static String error(String desc) {
        return "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + desc + "\"}}";
    }

    @Test
    void aLogOnAnFdsetWritesThroughACopyThatKeepsTheEmptiedSetUntilItIsClosed() throws Exception {
        Path socket = tmp.resolve("fdset.sock");
        Path log = tmp.resolve("audit.log");
        Path readOnly = tmp.resolve("read-only");
        Files.writeString(readOnly, "");
        QmpServer server = start(socket);
        FileOpener local = new FileOpener(new FdSets());
        try {
            try (FdClient warm = new FdClient(socket).negotiate()) {
                warm.execute("{\"execute\": \"query-fdsets\"}", 0);
            }
            long baseline = settledDescriptors();
            List<String> before = describeDescriptors();
            try (FdClient a = new FdClient(socket).negotiate();
                    Fd ro = local.open(readOnly.toString(), OpenFlags.O_RDONLY);
                    Fd wo = local.open(log.toString(), OpenFlags.O_WRONLY | OpenFlags.O_CREAT)) {
                assertTrue(a.execute("{\"execute\": \"add-fd\", \"arguments\": {\"fdset-id\": 3}}", wo)
                        .startsWith("{\"return\": {\"fd\": "));
                assertTrue(a.execute("{\"execute\": \"add-fd\", \"arguments\": {\"fdset-id\": 3}}", ro)
                        .startsWith("{\"return\": {\"fd\": "));
                assertEquals(OK, a.execute(logOpen("audit", "/dev/fdset/3"), 0), "the write-only one matches");
                assertEquals(OK, a.execute("{\"execute\": \"remove-fd\", \"arguments\": {\"fdset-id\": 3}}", 0));
                assertEquals(OK, a.execute(logWrite("audit", "written through the copy\\n"), 0));
            }
            // the client that passed the descriptors is gone (QEMU's monitor_fdsets_cleanup ran): the log's
            // copy still holds the emptied set, which query-fdsets shows as QEMU does
            try (FdClient b = new FdClient(socket).negotiate()) {
                assertEquals("{\"return\": [{\"fds\": [], \"fdset-id\": 3}]}", b.execute("{\"execute\": \"query-fdsets\"}", 0));
                assertEquals(OK, b.execute(logWrite("audit", "and again\\n"), 0));
                assertEquals(error("Log 'audit' is already open"), b.execute(logOpen("audit", log.toString()), 0));
                assertEquals(OK, b.execute("{\"execute\": \"log-close\", \"arguments\": {\"id\": \"audit\"}}", 0));
                assertEquals("{\"return\": []}", b.execute("{\"execute\": \"query-fdsets\"}", 0), "gone with its last copy");
                assertEquals("written through the copy\nand again\n", Files.readString(log));

                // QEMU's errors: no such set; no descriptor with the access mode asked for; a name that is no set
                assertEquals(error("Failed to find fdset /dev/fdset/3"), b.execute(logOpen("x", "/dev/fdset/3"), 0));
                try (Fd ro = local.open(readOnly.toString(), OpenFlags.O_RDONLY)) {
                    b.execute("{\"execute\": \"add-fd\", \"arguments\": {\"fdset-id\": 4}}", ro);
                }
                assertEquals(error("Failed to find file descriptor with matching flags=0xc41"),
                        b.execute(logOpen("x", "/dev/fdset/4"), 0));
                assertEquals(error("Could not parse fdset /dev/fdset/four"), b.execute(logOpen("x", "/dev/fdset/four"), 0));
                assertEquals(OK, b.execute("{\"execute\": \"remove-fd\", \"arguments\": {\"fdset-id\": 4}}", 0));
                assertEquals(error("Log 'x' is not open"), b.execute(logWrite("x", "lost"), 0));

                // any other name is a file the server opens itself
                Path plain = tmp.resolve("plain.log");
                assertEquals(OK, b.execute(logOpen("plain", plain.toString()), 0));
                assertEquals(OK, b.execute(logWrite("plain", "direct"), 0));
                assertEquals(OK, b.execute("{\"execute\": \"log-close\", \"arguments\": {\"id\": \"plain\"}}", 0));
                assertEquals("direct", Files.readString(plain));
                assertEquals(error("Could not open '" + tmp + "/no/log': No such file or directory").replace("open", "create"),
                        b.execute(logOpen("x", tmp + "/no/log"), 0));
            }
            assertBackTo(baseline, before, "logs on fd sets and files, opened and closed");
        } finally {
            server.close();
            server.awaitClose(); // nothing of this server is closed during the next test's count
        }
    }

    @Test
    void logsLeftOpenAreClosedWithTheServer() throws Exception {
        leaveLogsOpenAndCloseTheServer("warm"); // what the JVM keeps open afterwards (jars, libraries) is loaded
        long baseline = settledDescriptors();
        List<String> before = describeDescriptors();
        Path log = leaveLogsOpenAndCloseTheServer("left");
        // neither log was closed by a client: the set's copy and the file go with the server, not the process
        assertBackTo(baseline, before, "logs left open when the server closed");
        assertEquals("kept\n", Files.readString(log));
    }

    /** Opens a log on a set's copy and one on a path, leaves both open and closes the server. */
    private Path leaveLogsOpenAndCloseTheServer(String name) throws IOException {
        Path socket = tmp.resolve(name + ".sock");
        Path log = tmp.resolve(name + ".log");
        QmpServer server = start(socket);
        try (FdClient a = new FdClient(socket).negotiate();
                Fd wo = new FileOpener(new FdSets()).open(log.toString(), OpenFlags.O_WRONLY | OpenFlags.O_CREAT)) {
            a.execute("{\"execute\": \"add-fd\", \"arguments\": {\"fdset-id\": 5}}", wo);
            assertEquals(OK, a.execute(logOpen("on-set", "/dev/fdset/5"), 0));
            assertEquals(OK, a.execute(logOpen("on-path", tmp.resolve(name + "-path.log").toString()), 0));
            assertEquals(OK, a.execute(logWrite("on-set", "kept\\n"), 0));
        } finally {
            server.close();
        }
        return log;
    }

    @Test
    void aLogOnAPipeNobodyReadsFailsItsWriteAndTheServerKeepsAnswering() throws Exception {
        Path socket = tmp.resolve("pipe.sock");
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, FdClient.Libc.mkfifo(fifo.toString(), 0600));
        QmpServer server = start(socket);
        FileOpener local = new FileOpener(new FdSets());
        try (FdClient a = new FdClient(socket).negotiate();
                Fd reader = local.open(fifo.toString(), OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK);
                Fd writer = local.open(fifo.toString(), OpenFlags.O_WRONLY)) {
            a.execute("{\"execute\": \"add-fd\", \"arguments\": {\"fdset-id\": 9}}", writer);
            assertEquals(OK, a.execute(logOpen("p", "/dev/fdset/9"), 0));
            // more than a pipe holds (64 KiB), and nobody reads
            assertEquals(error("Could not write to log 'p': Resource temporarily unavailable"),
                    a.execute(logWrite("p", "x".repeat(100_000)), 0));
            assertTrue(a.execute("{\"execute\": \"query-version\"}", 0).startsWith("{\"return\": {\"qemu\""));
            assertEquals(OK, a.execute("{\"execute\": \"log-close\", \"arguments\": {\"id\": \"p\"}}", 0));
            assertEquals(OK, a.execute("{\"execute\": \"remove-fd\", \"arguments\": {\"fdset-id\": 9}}", 0));
        } finally {
            server.close();
            server.awaitClose(); // nothing of this server is closed during the next test's count
        }
    }

    /** The open descriptors once their number holds still for 100 ms (earlier servers close on their own threads). */
    private static long settledDescriptors() throws IOException, InterruptedException {
        long last = -1;
        long now = openDescriptors();
        for (int i = 0; i < 40 && now != last; i++) {
            Thread.sleep(100);
            last = now;
            now = openDescriptors();
        }
        return now;
    }

    private static String logOpen(String id, String filename) {
        return "{\"execute\": \"log-open\", \"arguments\": {\"id\": \"" + id + "\", \"filename\": \"" + filename + "\"}}";
    }

    private static String logWrite(String id, String text) {
        return "{\"execute\": \"log-write\", \"arguments\": {\"id\": \"" + id + "\", \"text\": \"" + text + "\"}}";
    }
}
