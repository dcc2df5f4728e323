package dev.qapi.maven;

import dev.qapi.compat.CompatInput;
import dev.qapi.compat.CompatOptions;
import dev.qapi.compat.CompatReport;
import dev.qapi.compat.SchemaWire;
import dev.qapi.compat.WireSchema;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.parser.schema.Schema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code compat} goal's output: the comparison of the project's schema with a baseline, as
 * {@value #TEXT} (one finding a line, severity first) and {@value #JSON} in {@code reportDirectory}. The
 * baseline's content is a setting (its SHA-256), so that a changed baseline compares again and an
 * unchanged one does not.
 *
 * @param baseDir the project's directory, which the baseline's name is relative to
 * @param baseline the baseline file (a schema file or {@code query-qmp-schema} data) as messages name it
 * @param baselineHash the SHA-256 of the baseline's bytes, hex
 * @param schemaName the project's root schema as messages name it
 * @param strict whether {@code unstable} parts are compared too
 * @param defines the symbols conditions are evaluated with, or {@code null} to keep everything
 * @param reportDirectory where the report goes, absolute
 */
record CompatOutput(Path baseDir, String baseline, String baselineHash, String schemaName, boolean strict,
        Set<String> defines, Path reportDirectory) implements SchemaOutput {

    static final String REPORT = GeneratedFile.Kind.REPORT.key();
    static final String TEXT = "compat-report.txt";
    static final String JSON = "compat-report.json";

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseline", baseline);
        settings.put("baseline-sha256", baselineHash);
        settings.put("strict", Boolean.toString(strict));
        settings.put("defines", defines == null ? "(all)" : String.join(",", new TreeSet<>(defines)));
        return settings;
    }

    @Override
    public Map<String, Path> roots() {
        return Map.of(REPORT, reportDirectory);
    }

    /** @throws dev.qapi.compat.CompatInputException when the baseline is not a valid input */
    @Override
    public List<GeneratedFile> generate(Schema schema) {
        WireSchema old = CompatInput.load(baseDir, baseline, defines);
        WireSchema neu = SchemaWire.of(schema, schemaName, defines);
        CompatReport report = CompatReport.compare(old, neu, new CompatOptions(strict));
        return List.of(new GeneratedFile(GeneratedFile.Kind.REPORT, TEXT, report.toText()),
                new GeneratedFile(GeneratedFile.Kind.REPORT, JSON, report.toJson()));
    }
}
