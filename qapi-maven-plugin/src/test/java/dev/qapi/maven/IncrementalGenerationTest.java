package dev.qapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.generator.doc.DocFormat;
import dev.qapi.generator.doc.DocOptions;
import dev.qapi.generator.java.GeneratorOptions;
import dev.qapi.parser.QapiError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGenerationTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path project;

    private Path schema;
    private Path include;
    private Path generatorJar;

    @BeforeEach
    void writeSchema() throws IOException {
        schema = project.resolve("src/main/qapi/qapi-schema.json");
        include = project.resolve("src/main/qapi/sub/types.json");
        Files.createDirectories(include.getParent());
        Files.writeString(schema, """
                { 'include': 'sub/types.json' }
                { 'command': 'ping', 'data': { 'target': 'Target' } }
                """);
        Files.writeString(include, """
                { 'struct': 'Target', 'data': { 'name': 'str' } }
                { 'enum': 'Color', 'data': [ 'red', 'green' ] }
                """);
        generatorJar = project.resolve("lib/qapi-generator-1.0-SNAPSHOT.jar");
        Files.createDirectories(generatorJar.getParent());
        TestJar.write(generatorJar, 0, Map.of("dev/qapi/generator/java/JavaGenerator.class", "code v1"));
    }

    private PluginCode pluginCode() {
        return new PluginCode("1.0-SNAPSHOT", List.of(
                new PluginCode.Library("dev.qapi:qapi-generator:1.0-SNAPSHOT", generatorJar, true),
                new PluginCode.Library("com.palantir.javapoet:javapoet:0.22.0", null, false)));
    }

    private GenerationRequest request(String packageName) {
        BindingsOutput output = new BindingsOutput(GeneratorOptions.of(packageName), "qapi-schema.json",
                project.resolve("target/generated-sources/qapi"), project.resolve("target/generated-resources/qapi"));
        return new GenerationRequest(project, schema, output,
                project.resolve("target/maven-status/qapi/default/generate-state.txt"), pluginCode());
    }

    private GenerationRequest request() {
        return request("com.example.qmp");
    }

    private Path source(String simpleName) {
        return project.resolve("target/generated-sources/qapi/com/example/qmp/" + simpleName + ".java");
    }

    private Map<Path, FileTime> ageOutputs() throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(project.resolve("target/generated-sources"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, LONG_AGO);
                times.put(file, LONG_AGO);
            }
        }
        return times;
    }

    @Test
    void firstRunGeneratesEverythingAndRecordsTheInclude() throws IOException {
        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request());

        assertFalse(outcome.upToDate());
        assertEquals(outcome.files(), outcome.written());
        assertTrue(Files.isRegularFile(source("Color")));
        assertTrue(Files.isRegularFile(source("Target")));
        GenerationState state = GenerationState.read(request().stateFile(), project).orElseThrow();
        assertEquals(List.of("sub/types.json"), state.includes());
        assertEquals(outcome.files(), state.generatedFiles().size());
    }

    @Test
    void secondRunWithNothingChangedWritesNothing() throws IOException {
        IncrementalGeneration.run(request());
        Map<Path, FileTime> times = ageOutputs();

        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request());

        assertTrue(outcome.upToDate());
        for (Map.Entry<Path, FileTime> e : times.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey().toString());
        }
    }

    @Test
    void editedIncludeRegeneratesOnlyWhatChangedAndDeletesTheRemovedDefinition() throws IOException {
        IncrementalGeneration.run(request());
        ageOutputs();
        Files.writeString(include, """
                { 'struct': 'Target', 'data': { 'name': 'str', '*port': 'int' } }
                """);

        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request());

        assertFalse(outcome.upToDate());
        assertFalse(Files.exists(source("Color")));
        assertEquals(1, outcome.deleted());
        assertTrue(Files.readString(source("Target")).contains("port"));
        assertTrue(Files.getLastModifiedTime(source("Target")).compareTo(LONG_AGO) > 0);
        assertTrue(outcome.unchanged() > 0, "files not affected by the edit keep their bytes and timestamps");
    }

    @Test
    void aDeletedOutputFileIsRegenerated() throws IOException {
        IncrementalGeneration.run(request());
        Files.delete(source("Color"));

        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request());

        assertFalse(outcome.upToDate());
        assertEquals(1, outcome.written());
        assertTrue(Files.isRegularFile(source("Color")));
    }

    @Test
    void aNewPackageRegeneratesAndDeletesTheOldPackagesFiles() throws IOException {
        IncrementalGeneration.run(request());

        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request("org.other"));

        assertFalse(outcome.upToDate());
        assertFalse(Files.exists(source("Color")));
        assertTrue(Files.isRegularFile(project.resolve("target/generated-sources/qapi/org/other/Color.java")));
    }

    @Test
    void filesNotInTheManifestAreNeverDeleted() throws IOException {
        IncrementalGeneration.run(request());
        Path mine = source("Handwritten");
        Files.writeString(mine, "class Handwritten {}");
        Files.writeString(include, "{ 'struct': 'Target', 'data': { 'name': 'str' } }\n");

        IncrementalGeneration.run(request());

        assertTrue(Files.exists(mine));
    }

    @Test
    void aSchemaErrorLeavesNoStateSoTheNextRunRegenerates() throws IOException {
        IncrementalGeneration.run(request());
        String good = Files.readString(include);
        Files.writeString(include, "{ 'struct': 'Target', 'data': { 'name': 'nosuchtype' } }\n");

        QapiError error = assertThrows(QapiError.class, () -> IncrementalGeneration.run(request()));

        assertTrue(error.getMessage().contains("src/main/qapi/sub/types.json:1:"), error.getMessage());
        assertTrue(GenerationState.read(request().stateFile(), project).isEmpty());
        Files.writeString(include, good);
        assertFalse(IncrementalGeneration.run(request()).upToDate());
        assertTrue(IncrementalGeneration.run(request()).upToDate());
    }

    @Test
    void theOutputIsTheSameOnEveryRun() throws IOException {
        IncrementalGeneration.run(request());
        String first = Files.readString(source("Target"));
        Files.delete(request().stateFile());

        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request());

        assertEquals(0, outcome.written());
        assertEquals(first, Files.readString(source("Target")));
    }

    @Test
    void aSnapshotPluginRebuiltWithOtherCodeRegeneratesThoughItsVersionIsTheSame() throws IOException {
        IncrementalGeneration.run(request());
        assertTrue(IncrementalGeneration.run(request()).upToDate());

        TestJar.write(generatorJar, 0, Map.of("dev/qapi/generator/java/JavaGenerator.class", "code v2"));

        assertFalse(IncrementalGeneration.run(request()).upToDate());
    }

    @Test
    void aSnapshotPluginRebuiltFromTheSameCodeDoesNotRegenerate() throws IOException {
        IncrementalGeneration.run(request());

        TestJar.write(generatorJar, 1_000_000_000_000L, Map.of("dev/qapi/generator/java/JavaGenerator.class", "code v1"));

        assertTrue(IncrementalGeneration.run(request()).upToDate());
    }

    /** Sets the times of the schema files and the plugin's jar to long ago, as for a project checked out earlier. */
    private void ageInputs() throws IOException {
        for (Path file : List.of(schema, include, generatorJar)) {
            Files.setLastModifiedTime(file, LONG_AGO);
        }
    }

    @Test
    void inputFilesWhoseStampsAreUnchangedAreNotReadAgain() throws IOException {
        ageInputs();
        IncrementalGeneration.run(request());
        // Same size, same time: only reading the bytes could tell, and the check does not read them.
        Files.writeString(include, Files.readString(include).replace("green", "brown"));
        Files.setLastModifiedTime(include, LONG_AGO);

        assertTrue(IncrementalGeneration.run(request()).upToDate());
    }

    @Test
    void aFileStampedTooCloseToTheStatesWritingIsComparedByContent() throws IOException {
        IncrementalGeneration.run(request());
        FileTime stateWritten = Files.getLastModifiedTime(request().stateFile());
        FileTime racy = FileTime.fromMillis(stateWritten.toMillis() - 10);
        Files.setLastModifiedTime(include, racy);
        IncrementalGeneration.run(request());
        Files.setLastModifiedTime(request().stateFile(), FileTime.fromMillis(racy.toMillis() + 20));
        // A second edit within the file system's granularity would keep the time: same size, same time.
        Files.writeString(include, Files.readString(include).replace("green", "brown"));
        Files.setLastModifiedTime(include, racy);

        assertFalse(IncrementalGeneration.run(request()).upToDate());
        assertTrue(Files.readString(source("Color")).contains("BROWN"));
    }

    @Test
    void aTouchedFileWithTheSameBytesIsUpToDateAndRestamped() throws IOException {
        ageInputs();
        IncrementalGeneration.run(request());
        FileTime touched = FileTime.fromMillis(LONG_AGO.toMillis() + 60_000);
        Files.setLastModifiedTime(include, touched);

        assertTrue(IncrementalGeneration.run(request()).upToDate());
        GenerationState state = GenerationState.read(request().stateFile(), project).orElseThrow();
        assertTrue(state.stamps().stream().anyMatch(s -> s.file().equals("src/main/qapi/sub/types.json")
                && s.modified() == touched.to(java.util.concurrent.TimeUnit.NANOSECONDS)), state.stamps().toString());
    }

    @Test
    void directoriesLeftEmptyByDeletedFilesAreRemovedButNotTheOutputDirectory() throws IOException {
        IncrementalGeneration.run(request());
        Path sources = project.resolve("target/generated-sources/qapi");
        Path resources = project.resolve("target/generated-resources/qapi");
        assertTrue(Files.isDirectory(sources.resolve("com/example/qmp")));

        IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request("org.other"));

        assertTrue(outcome.deleted() > 0);
        assertFalse(Files.exists(sources.resolve("com")), "com/example/qmp, com/example and com are empty");
        assertFalse(Files.exists(resources.resolve("com")));
        assertTrue(Files.isRegularFile(sources.resolve("org/other/Color.java")));

        IncrementalGeneration.run(request());
        Files.writeString(source("Handwritten"), "class Handwritten {}");
        Files.writeString(schema, "{ 'include': 'sub/types.json' }\n");
        Files.writeString(include, "{ 'enum': 'Color', 'data': [ 'red' ] }\n");
        IncrementalGeneration.run(request("org.other"));

        assertTrue(Files.isRegularFile(source("Handwritten")), "a directory with a file of our own stays");
        assertFalse(Files.exists(resources.resolve("com")));
        assertTrue(Files.isDirectory(resources), "the output directory itself stays");
    }

    @Test
    void aMovedOutputDirectoryLeavesTheOldOneEmptyButThere() throws IOException {
        Path old = project.resolve("target/generated-sources/qapi");
        IncrementalGeneration.run(request());
        BindingsOutput moved = new BindingsOutput(GeneratorOptions.of("com.example.qmp"), "qapi-schema.json",
                project.resolve("target/other-sources"), project.resolve("target/generated-resources/qapi"));

        IncrementalGeneration.run(new GenerationRequest(project, schema, moved, request().stateFile(), pluginCode()));

        assertTrue(Files.isRegularFile(project.resolve("target/other-sources/com/example/qmp/Color.java")));
        assertTrue(Files.isDirectory(old));
        try (Stream<Path> left = Files.list(old)) {
            assertEquals(List.of(), left.toList());
        }
    }

    private GenerationRequest docRequest(DocOptions options) {
        return new GenerationRequest(project, schema, new DocOutput(options, project.resolve("target/qapi-doc")),
                project.resolve("target/maven-status/qapi/default/doc-state.txt"), pluginCode());
    }

    @Test
    void documentationIsIncrementalToo() throws IOException {
        IncrementalGeneration.Outcome first = IncrementalGeneration.run(docRequest(DocOptions.DEFAULT));
        Path doc = project.resolve("target/qapi-doc");
        assertTrue(Files.isRegularFile(doc.resolve("index.html")));
        assertTrue(Files.isRegularFile(doc.resolve("index.md")));

        assertTrue(IncrementalGeneration.run(docRequest(DocOptions.DEFAULT)).upToDate());
        assertFalse(IncrementalGeneration.run(docRequest(DocOptions.DEFAULT.withTitle("Other"))).upToDate());

        IncrementalGeneration.Outcome htmlOnly = IncrementalGeneration.run(
                docRequest(DocOptions.DEFAULT.withFormats(EnumSet.of(DocFormat.HTML))));
        assertFalse(Files.exists(doc.resolve("index.md")));
        assertTrue(Files.isRegularFile(doc.resolve("index.html")));
        assertEquals(first.files() - htmlOnly.files(), htmlOnly.deleted());
    }

    @Test
    void theDocumentationAndTheBindingsOfOneExecutionKeepApartStates() throws IOException {
        IncrementalGeneration.run(request());
        IncrementalGeneration.run(docRequest(DocOptions.DEFAULT));

        assertTrue(IncrementalGeneration.run(request()).upToDate());
        assertTrue(IncrementalGeneration.run(docRequest(DocOptions.DEFAULT)).upToDate());
    }
}
