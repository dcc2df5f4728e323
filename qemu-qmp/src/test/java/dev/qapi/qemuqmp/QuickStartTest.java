package dev.qapi.qemuqmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.testsupport.Qemu;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick start of this module's README, compiled as written and run against QEMU 7.2. */
class QuickStartTest {
    private static final String START = "<!-- quick-start -->";
    private static final String END = "<!-- /quick-start -->";

    @TempDir
    Path tmp;

    /** The Java code between the quick-start markers of README.md. */
    static String quickStart() throws Exception {
        return quickStart(Path.of("README.md"), "```java\n");
    }

    /** The Java code between the quick-start markers of {@code readme}, fenced by {@code fence}. */
    private static String quickStart(Path readme, String fence) throws Exception {
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, readme + " has the quick-start markers");
        String block = text.substring(start + START.length(), end).strip();
        assertTrue(block.startsWith(fence) && block.endsWith("```"), block);
        return block.substring(fence.length(), block.length() - 3);
    }

    /**
     * The top README shows the same quick start (fenced {@code ```java qemu-qmp}, which the generator's
     * ReadmeSnippetsTest leaves to this test: it needs QEMU's bindings).
     */
    @Test
    void theTopReadmeShowsThisQuickStart() throws Exception {
        assertEquals(quickStart(), quickStart(Path.of("../README.md"), "```java qemu-qmp\n"));
    }

    @Test
    void theReadmesQuickStartCompilesAndRuns() throws Exception {
        Path source = tmp.resolve("src/QuickStart.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, quickStart());
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-Xlint:all", "-Werror", "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        try (Qemu qemu = Qemu.serve();
                URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                main.invoke(null, (Object) new String[] {qemu.socket().toString()});
                for (int i = 0; i < 100 && !captured.toString(StandardCharsets.UTF_8).contains("event: STOP"); i++) {
                    Thread.sleep(10);
                }
            } finally {
                System.setOut(stdout);
            }
            List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().sorted().toList();
            assertEquals(List.of("event: STOP", "status: PAUSED"), lines);
        }
    }
}
