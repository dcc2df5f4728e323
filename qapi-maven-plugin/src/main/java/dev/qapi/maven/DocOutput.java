package dev.qapi.maven;

import dev.qapi.generator.doc.DocFormat;
import dev.qapi.generator.doc.DocGenerator;
import dev.qapi.generator.doc.DocOptions;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.parser.schema.Schema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code doc} goal's output: the reference documentation under {@code docDirectory}.
 *
 * @param options the formats and the title
 * @param docDirectory where the pages go
 */
record DocOutput(DocOptions options, Path docDirectory) implements SchemaOutput {

    static final String DOC = GeneratedFile.Kind.DOC.key();

    DocOutput {
        docDirectory = docDirectory.toAbsolutePath().normalize();
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        TreeSet<String> formats = new TreeSet<>();
        for (DocFormat format : options.formats()) {
            formats.add(format.name().toLowerCase(Locale.ROOT));
        }
        settings.put("formats", String.join(",", formats));
        settings.put("title", options.title().isPresent() ? "'" + options.title().get() + "'" : "from the schema");
        return settings;
    }

    @Override
    public Map<String, Path> roots() {
        return Map.of(DOC, docDirectory);
    }

    @Override
    public List<GeneratedFile> generate(Schema schema) {
        return DocGenerator.generate(schema, options).files();
    }
}
