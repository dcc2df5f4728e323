package dev.qapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.generator.doc.DocOptions;
import dev.qapi.generator.java.GeneratorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date check, in a fresh JVM as Maven runs it on every build, spins no method handles and
 * starts no regex engine: no lambda, method reference, stream, {@code invokedynamic} string
 * concatenation, record-generated {@code equals}/{@code hashCode} or {@link Pattern} on the way. Each
 * costs milliseconds the first time it runs in a JVM, together more than the check itself
 * ({@code tools/bench/maven.sh}, no change). Regenerating may use them.
 */
class ColdStartTest {
    private static final Pattern SPUN = Pattern.compile(
            "\\$\\$Lambda|LambdaForm\\$|__JVM_LookupDefineClass__|java\\.util\\.regex\\.|java\\.util\\.stream\\.");

    @TempDir
    Path project;

    /**
     * Runs the up-to-date check of both goals: arguments project, plugin jar; exit status 3 if one was not
     * up to date. A class of its own, so that ColdStartTest's Pattern is not loaded with it.
     */
    static final class Check {
        /** The requests of both goals for the project in {@code project}, built as the mojos build them. */
        static List<GenerationRequest> requests(Path project, Path generatorJar) {
            PluginCode code = new PluginCode("1.0-SNAPSHOT", List.of(
                    new PluginCode.Library("dev.qapi:qapi-generator:1.0-SNAPSHOT", generatorJar, true),
                    new PluginCode.Library("com.palantir.javapoet:javapoet:0.22.0", null, false)));
            Path schema = project.resolve("src/main/qapi/qapi-schema.json");
            Path state = project.resolve("target/maven-status/qapi/default");
            List<GenerationRequest> requests = new ArrayList<>();
            BindingsOutput bindings = new BindingsOutput(
                    new GeneratorOptions("com.example.qmp", Optional.of(Set.of("CONFIG_LINUX"))), "qapi-schema.json",
                    project.resolve("target/generated-sources/qapi"), project.resolve("target/generated-resources/qapi"));
            requests.add(new GenerationRequest(project, schema, bindings, state.resolve("generate-state.txt"), code));
            DocOutput doc = new DocOutput(DocOptions.DEFAULT.withTitle("Reference"), project.resolve("target/qapi-doc"));
            requests.add(new GenerationRequest(project, schema, doc, state.resolve("doc-state.txt"), code));
            return requests;
        }

        public static void main(String[] args) throws IOException {
            for (GenerationRequest request : requests(Path.of(args[0]), Path.of(args[1]))) {
                if (!IncrementalGeneration.run(request).upToDate()) {
                    System.exit(3);
                }
            }
        }
    }

    @Test
    void anUpToDateCheckSpinsNoMethodHandlesAndNoRegexEngine() throws IOException, InterruptedException {
        Path schema = project.resolve("src/main/qapi/qapi-schema.json");
        Path include = project.resolve("src/main/qapi/sub/types.json");
        Path jar = project.resolve("lib/qapi-generator-1.0-SNAPSHOT.jar");
        Files.createDirectories(include.getParent());
        Files.createDirectories(jar.getParent());
        Files.writeString(schema, """
                { 'include': 'sub/types.json' }
                { 'command': 'ping', 'data': { 'target': 'Target' } }
                """);
        Files.writeString(include, "{ 'struct': 'Target', 'data': { 'name': 'str' } }\n");
        TestJar.write(jar, 0, Map.of("dev/qapi/generator/java/JavaGenerator.class", "code"));
        for (Path input : List.of(schema, include, jar)) {
            Files.setLastModifiedTime(input, FileTime.fromMillis(1_000_000_000_000L));
        }
        for (GenerationRequest request : Check.requests(project, jar)) {
            IncrementalGeneration.run(request);
        }

        Path log = project.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-Xlog:class+load:file=" + log,
                "-cp", System.getProperty("java.class.path"), Check.class.getName(), project.toString(), jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("out.txt").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the check did not finish");
        assertEquals(0, p.exitValue(), () -> read(project.resolve("out.txt")));
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> spun = new ArrayList<>();
        String before = "";
        for (int i = 0; i < loaded.size(); i++) {
            if (SPUN.matcher(loaded.get(i)).find()) {
                if (spun.isEmpty()) {
                    before = String.join("\n", loaded.subList(Math.max(0, i - 8), i));
                }
                spun.add(loaded.get(i));
            }
        }
        assertEquals(List.of(), spun, "classes an up-to-date check should not need; the first came after\n" + before);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
