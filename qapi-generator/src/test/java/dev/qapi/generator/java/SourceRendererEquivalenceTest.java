package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.generator.java.render.SourceRenderer;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our {@link SourceRenderer} writes every class the generator builds exactly as JavaPoet's
 * {@code JavaFile.toString()} does, byte for byte: for the golden schema and for QEMU's whole schema,
 * with conditions recorded and with them evaluated.
 */
class SourceRendererEquivalenceTest {

    @Test
    void goldenSchema() {
        Schema schema = SchemaLoader.load(GoldenFilesTest.SCHEMA_DIR, "golden.json");
        assertSameAsJavaPoet(schema, GeneratorOptions.of(GoldenFilesTest.PACKAGE), "golden.json");
        assertSameAsJavaPoet(schema, new GeneratorOptions(GoldenFilesTest.PACKAGE, Optional.of(Set.of())), "golden.json");
    }

    @Test
    void fullQemuSchema() {
        Schema schema = SchemaLoader.load(SharedMaterial.qemuSchemaDir(), "qapi-schema.json");
        assertSameAsJavaPoet(schema, GeneratorOptions.of("org.qemu.qmp"), "qapi-schema.json");
    }

    @Test
    void fullQemuSchemaWithConditionsEvaluated() {
        Schema schema = SchemaLoader.load(SharedMaterial.qemuSchemaDir(), "qapi-schema.json");
        GeneratorOptions options = new GeneratorOptions("org.qemu.qmp", Optional.of(Set.of("CONFIG_LINUX", "CONFIG_POSIX")));
        assertSameAsJavaPoet(schema, options, "qapi-schema.json");
    }

    private static void assertSameAsJavaPoet(Schema schema, GeneratorOptions options, String schemaName) {
        List<TypeSpec> specs = JavaGenerator.specs(schema, options, schemaName);
        String comment = JavaGenerator.fileComment(schemaName);
        SourceRenderer ours = new SourceRenderer(JavaGenerator.INDENT);
        for (TypeSpec spec : specs) {
            String expected = JavaFile.builder(options.packageName(), spec)
                    .addFileComment("$L", comment)
                    .indent(JavaGenerator.INDENT)
                    .build()
                    .toString();
            assertSameText(spec.name() + ".java", expected, ours.render(options.packageName(), spec, comment));
        }
        assertEquals(true, specs.size() > 10, "specs: " + specs.size());
    }

    /** Fails at the first line that differs, showing both versions of it. */
    static void assertSameText(String file, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                fail(file + " differs from JavaPoet's at line " + (i + 1) + ":\n  JavaPoet: " + show(el) + "\n  ours:     " + show(al));
            }
        }
        fail(file + " differs from JavaPoet's (same lines, different line ends?)");
    }

    private static String show(String line) {
        return "[" + line.replace("\r", "\\r") + "]";
    }
}
