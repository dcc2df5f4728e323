package dev.qapi.generator.output;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * One generated file, whichever output made it.
 *
 * @param kind which output directory it belongs in
 * @param path its path relative to that directory, with {@code /} separators
 * @param text its content
 */
public record GeneratedFile(Kind kind, String path, String text) {

    /** Which output directory a generated file belongs in. */
    public enum Kind {
        /** A Java source file, for the compiler. */
        SOURCE,
        /** A class-path resource, e.g. the introspection data. */
        RESOURCE,
        /** A page or stylesheet of the reference documentation. */
        DOC,
        /** A check's report, e.g. the findings of a compatibility comparison. */
        REPORT;

        /** A short stable name ({@code source}, {@code resource}, {@code doc}), e.g. for state files. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GeneratedFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** The content as UTF-8. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
