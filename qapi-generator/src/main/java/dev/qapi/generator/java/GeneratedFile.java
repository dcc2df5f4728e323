package dev.qapi.generator.java;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One generated file.
 *
 * @param path its path relative to the output root, with {@code /} separators
 * @param kind whether it is Java source or a resource
 * @param text its content
 */
public record GeneratedFile(String path, Kind kind, String text) {

    /** Where a generated file belongs. */
    public enum Kind {
        /** A Java source file, for the compiler. */
        SOURCE,
        /** A class-path resource, e.g. the introspection data. */
        RESOURCE,
    }

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The content as UTF-8. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
