package dev.qapi.parser;

import dev.qapi.parser.expr.ExpressionChecker;
import dev.qapi.parser.expr.Expression;
import dev.qapi.parser.expr.ParsedSchema;
import dev.qapi.parser.schema.Schema;
import dev.qapi.parser.schema.SchemaBuilder;
import dev.qapi.parser.syntax.SchemaFileParser;
import java.nio.file.Path;
import java.util.List;

/**
 * The front end in one call: read a schema and its includes, check every expression, build and
 * check the resolved {@link Schema}. This is what the generator, the CLI and the Maven plugin use.
 */
public final class SchemaLoader {

    private SchemaLoader() {
    }

    /**
     * Loads the schema whose root file is {@code rootFile} (relative to the working directory or
     * absolute; messages print it as given).
     *
     * @throws QapiError for the first error, exactly as QEMU's generator would report it
     */
    public static Schema load(String rootFile) {
        return load(Path.of(""), rootFile);
    }

    /**
     * Loads {@code rootFile}, resolved against {@code baseDir}; messages print file names relative to
     * {@code baseDir}.
     */
    public static Schema load(Path baseDir, String rootFile) {
        ParsedSchema parsed = SchemaFileParser.parse(baseDir, rootFile);
        List<Expression> checked = ExpressionChecker.check(parsed);
        return SchemaBuilder.build(rootFile, checked, parsed.docs(), parsed.pragma());
    }
}
