package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bindings of QEMU's whole schema compile, warning-free but for deprecation. */
class QemuSchemaCompileTest {

    @Test
    void fullQemuSchemaCompiles(@TempDir Path classes) {
        Schema schema = SchemaLoader.load(SharedMaterial.qemuSchemaDir(), "qapi-schema.json");
        GeneratedFiles files = JavaGenerator.generate(schema, GeneratorOptions.of("org.qemu.qmp"), "qapi-schema.json");
        InMemoryCompiler.Result result = InMemoryCompiler.compile(files.ofKind(GeneratedFile.Kind.SOURCE), classes);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        assertTrue(result.success());
    }

    @Test
    void fullQemuSchemaCompilesWithConditionsEvaluated(@TempDir Path classes) {
        Schema schema = SchemaLoader.load(SharedMaterial.qemuSchemaDir(), "qapi-schema.json");
        GeneratorOptions options = new GeneratorOptions("org.qemu.qmp", Optional.of(Set.of("CONFIG_LINUX", "CONFIG_POSIX")));
        GeneratedFiles files = JavaGenerator.generate(schema, options, "qapi-schema.json");
        InMemoryCompiler.Result result = InMemoryCompiler.compile(files.ofKind(GeneratedFile.Kind.SOURCE), classes);
        assertEquals(List.of(), result.errors());
        assertTrue(result.success());
    }
}
