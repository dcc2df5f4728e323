package dev.qapi.maven;

import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.parser.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one goal makes of a schema, as {@link IncrementalGeneration} sees it: the settings the output
 * depends on besides the schema files, the directories it goes to, and the files themselves. Nothing in
 * it knows Maven.
 */
interface SchemaOutput {

    /** The settings the output depends on besides the schema files, by name, in a fixed order. */
    Map<String, String> settings();

    /**
     * The directories the files go to, absolute, each under a short name (one word of a-z, not a keyword
     * of the state file such as {@code hash} or {@code include}) that the state records the files under:
     * the {@linkplain GeneratedFile.Kind#key() key} of the kind of file that goes there.
     */
    Map<String, Path> roots();

    /** The files generated from {@code schema}, in a fixed order. */
    List<GeneratedFile> generate(Schema schema);
}
