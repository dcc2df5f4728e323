package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generator's output for {@code src/test/resources/golden/golden.json} is exactly the checked-in
 * golden files under {@code src/test/golden}, which the build also compiles and the other tests use.
 *
 * <p>After an intended change to the generator, refresh them with
 * {@code mvn -T1 -pl qapi-generator -am test -Dtest=GoldenFilesTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class GoldenFilesTest {
    static final Path SCHEMA_DIR = Path.of("src/test/resources/golden");
    static final Path SOURCES = Path.of("src/test/golden/java");
    static final Path RESOURCES = Path.of("src/test/golden/resources");
    static final String PACKAGE = "dev.qapi.golden";

    static GeneratedFiles generate() {
        Schema schema = SchemaLoader.load(SCHEMA_DIR, "golden.json");
        return JavaGenerator.generate(schema, GeneratorOptions.of(PACKAGE), "golden.json");
    }

    @Test
    void generatedFilesAreTheGoldenFiles() throws IOException {
        GeneratedFiles files = generate();
        if (Boolean.getBoolean("golden.update")) {
            files.writeTo(kind -> kind == GeneratedFile.Kind.SOURCE ? SOURCES : RESOURCES);
        }
        Set<Path> expected = new TreeSet<>();
        for (GeneratedFile f : files.files()) {
            Path path = (f.kind() == GeneratedFile.Kind.SOURCE ? SOURCES : RESOURCES).resolve(f.path());
            expected.add(path);
            assertEquals(Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "<missing>", f.text(),
                    "generated " + f.path() + " differs from the golden file " + path);
        }
        Set<Path> present = new TreeSet<>();
        for (Path root : List.of(SOURCES, RESOURCES)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(present::add);
            }
        }
        assertEquals(expected, present, "golden files that the generator no longer writes, or missing ones");
    }

    @Test
    void outputIsTheSameOnEveryRun() {
        assertEquals(generate(), generate());
    }
}
