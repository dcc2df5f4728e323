package dev.qapi.maven;

import dev.qapi.generator.java.GeneratorOptions;
import dev.qapi.generator.java.JavaGenerator;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.parser.schema.Schema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code generate} goal's output: the Java bindings under {@code sourceRoot} and the introspection
 * data under {@code resourceRoot}.
 *
 * @param options the package and the defined symbols
 * @param schemaFileName the root schema's file name, which the generated code records
 * @param sourceRoot where Java sources go
 * @param resourceRoot where resources go
 */
record BindingsOutput(GeneratorOptions options, String schemaFileName, Path sourceRoot, Path resourceRoot)
        implements SchemaOutput {

    static final String SOURCE = GeneratedFile.Kind.SOURCE.key();
    static final String RESOURCE = GeneratedFile.Kind.RESOURCE.key();

    BindingsOutput {
        sourceRoot = sourceRoot.toAbsolutePath().normalize();
        resourceRoot = resourceRoot.toAbsolutePath().normalize();
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("package", options.packageName());
        settings.put("defines", options.defines().isPresent()
                ? "[" + String.join(",", new TreeSet<>(options.defines().get())) + "]"
                : "all");
        if (!options.serverSide()) {
            // only when off, so that the recorded settings of existing builds stay as they were
            settings.put("serverSide", "false");
        }
        return settings;
    }

    @Override
    public Map<String, Path> roots() {
        Map<String, Path> roots = new LinkedHashMap<>();
        roots.put(SOURCE, sourceRoot);
        roots.put(RESOURCE, resourceRoot);
        return roots;
    }

    @Override
    public List<GeneratedFile> generate(Schema schema) {
        return JavaGenerator.generate(schema, options, schemaFileName).files();
    }
}
