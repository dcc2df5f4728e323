package dev.qapi.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.testsupport.SharedMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading QEMU's schema in a fresh JVM spins no method handles and starts no regex engine: no
 * lambda, method reference, {@code invokedynamic} string concatenation, record-generated
 * {@code equals}/{@code hashCode} or {@link Pattern} on the way. In a fresh JVM each of these costs
 * milliseconds the first time it runs, together a large part of a cold {@code qapi-gen check}
 * ({@code tools/bench/frontend.sh}). Error paths may use them; the path of a valid schema must not.
 */
class ColdStartTest {
    private static final Pattern SPUN = Pattern.compile(
            "\\$\\$Lambda|LambdaForm\\$|__JVM_LookupDefineClass__|java\\.util\\.regex\\.|java\\.util\\.stream\\.");

    @TempDir
    Path tmp;

    /** Loads the schema named by the arguments: directory, root file. */
    static final class Load {
        public static void main(String[] args) {
            SchemaLoader.load(Path.of(args[0]), args[1]);
        }
    }

    @Test
    void loadingQemuSchemaSpinsNoMethodHandlesAndNoRegexEngine() throws IOException, InterruptedException {
        Path dir = SharedMaterial.qemuSchemaDir();
        Path log = tmp.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-Xlog:class+load:file=" + log,
                "-cp", System.getProperty("java.class.path"), Load.class.getName(), dir.toString(),
                "qapi-schema.json")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the load did not finish");
        assertEquals(0, p.exitValue(), () -> read(tmp.resolve("out.txt")));
        List<String> spun = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> SPUN.matcher(line).find())
                .toList();
        assertEquals(List.of(), spun, "classes a cold load should not need");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
