package dev.qapi.generator.introspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.qapi.generator.output.ChangedFiles;
import dev.qapi.parser.schema.Schema;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The introspection data of a schema: what {@code query-qmp-schema} returns, a JSON array of
 * {@code SchemaInfo} objects (see QEMU's {@code qapi/introspect.json}), built exactly as QEMU 10.0's
 * generator builds it.
 *
 * <pre>{@code
 * Introspection data = Introspection.of(schema, Introspection.Options.DEFAULT);
 * data.writeResource(Path.of("target/classes/qapi-introspect.json"));
 * }</pre>
 */
public final class Introspection {
    private final ArrayNode entries;

    private Introspection(ArrayNode entries) {
        this.entries = entries;
    }

    /**
     * What to generate.
     *
     * @param unmask keep the real names of types (QEMU's {@code --unmask-non-abi-names}) instead of numbering
     *     them
     * @param build which conditional parts to keep
     */
    public record Options(boolean unmask, Build build) {
        /** Masked names, every condition holding: QEMU's default output before the C preprocessor. */
        public static final Options DEFAULT = new Options(false, Build.unconfigured());

        public Options {
            Objects.requireNonNull(build, "build");
        }
    }

    /** Builds the data of {@code schema}. */
    public static Introspection of(Schema schema, Options options) {
        IntrospectionVisitor visitor = new IntrospectionVisitor(options);
        schema.visit(visitor);
        return new Introspection(visitor.entries());
    }

    /**
     * The entries: every command and event in schema order, then the types they use in order of first
     * reference. Object keys are in the order QEMU's generator inserts them. The caller gets a copy.
     */
    public ArrayNode entries() {
        return entries.deepCopy();
    }

    /**
     * The data as JSON text: {@code [} on the first line, one compact entry per line (each but the last
     * followed by a comma), {@code ]} and a newline on the last; {@code []} and a newline when there are no
     * entries. The same input always gives the same text.
     */
    public String toJson() {
        if (entries.isEmpty()) {
            return "[]\n";
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < entries.size(); i++) {
            sb.append(CompactJson.of(entries.get(i))).append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    /**
     * Writes {@link #toJson()} to {@code file} in UTF-8, creating its directory, unless the file already
     * holds exactly those bytes (so unchanged output keeps its timestamp).
     *
     * @return whether the file was written
     * @throws UncheckedIOException if it cannot be read or written
     */
    public boolean writeResource(Path file) {
        Path target = file.toAbsolutePath();
        ChangedFiles.createParents(List.of(target));
        return ChangedFiles.write(target, toJson().getBytes(StandardCharsets.UTF_8));
    }
}
