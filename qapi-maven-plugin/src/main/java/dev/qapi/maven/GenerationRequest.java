package dev.qapi.maven;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one goal's generation needs, gathered from the mojo's parameters; nothing in it knows Maven.
 *
 * @param baseDir the project's directory: schema file names in messages are relative to it
 * @param schema the root schema file, absolute
 * @param output what the goal makes of the schema, and where it goes
 * @param stateFile where this execution of the goal keeps its content hash and manifest, absolute
 * @param pluginCode the plugin's version and libraries, an input so that an upgrade, or a SNAPSHOT rebuilt
 *     with other code, regenerates
 */
record GenerationRequest(
        Path baseDir,
        Path schema,
        SchemaOutput output,
        Path stateFile,
        PluginCode pluginCode) {

    GenerationRequest {
        baseDir = baseDir.toAbsolutePath().normalize();
        schema = schema.toAbsolutePath().normalize();
        Objects.requireNonNull(output, "output");
        stateFile = stateFile.toAbsolutePath().normalize();
        Objects.requireNonNull(pluginCode, "pluginCode");
    }

    /**
     * The schema file as messages name it: relative to the project directory when it lies inside it,
     * with {@code /} separators, so that a message reads the same on every machine.
     */
    public String schemaDisplayName() {
        return relative(schema);
    }

    /**
     * {@code path} relative to the project directory when it lies inside it (absolute otherwise), with
     * {@code /} separators. The hash and the manifest record paths this way, so that a project that is
     * moved or copied keeps its state and never reaches back into its old place.
     */
    String relative(Path path) {
        Path shown = path.startsWith(baseDir) ? baseDir.relativize(path) : path;
        return shown.toString().replace(shown.getFileSystem().getSeparator(), "/");
    }

    /** The directory includes are resolved against, and module names are relative to. */
    public Path schemaDir() {
        return schema.getParent();
    }
}
