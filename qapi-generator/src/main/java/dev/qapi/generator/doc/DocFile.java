package dev.qapi.generator.doc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of the documentation site.
 *
 * @param path its path relative to the output directory, with {@code /} separators
 * @param text its content
 */
public record DocFile(String path, String text) {

    public DocFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** The content as UTF-8. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
