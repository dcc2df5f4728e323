package dev.qapi.compat;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SchemaLoader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads one side of a comparison, a QAPI schema file (includes followed) or {@code query-qmp-schema}
 * data, telling them apart by their first character: introspection data is a JSON array (or a QMP reply
 * object with {@code "return"}); a schema file is a sequence of expressions and comments.
 */
public final class CompatInput {
    private CompatInput() {
    }

    /**
     * Reads {@code file}, resolved against {@code baseDir}; messages and locations name it as given.
     *
     * @param defines for a schema file, the configuration symbols to evaluate conditions with, or {@code null}
     *     to keep everything
     * @throws CompatInputException for a missing or invalid input, with the located message
     */
    public static WireSchema load(Path baseDir, String file, Set<String> defines) {
        Path path = baseDir.resolve(file);
        String text;
        try {
            text = Files.readString(path);
        } catch (CharacterCodingException e) {
            throw new CompatInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CompatInputException(file + ": cannot read: "
                    + (Files.exists(path) ? e.getMessage() : "no such file"));
        }
        if (isIntrospection(text)) {
            return IntrospectionWire.parse(text, file);
        }
        try {
            return SchemaWire.of(SchemaLoader.load(baseDir, file), file, defines);
        } catch (QapiError e) {
            throw new CompatInputException(e.getMessage());
        }
    }

    /** Reads {@code file} relative to the working directory. */
    public static WireSchema load(String file, Set<String> defines) {
        return load(Path.of(""), file, defines);
    }

    static boolean isIntrospection(String text) {
        int i = skipSpace(text, 0);
        if (i < text.length() && text.charAt(i) == '[') {
            return true;
        }
        // a QMP reply; a schema's expressions use single quotes in QEMU's files but may use double ones,
        // and no schema expression has a "return" key first
        return i < text.length() && text.charAt(i) == '{' && text.startsWith("\"return\"", skipSpace(text, i + 1));
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
