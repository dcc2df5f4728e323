package dev.qapi.maven;

import java.util.Objects;

/**
 * One file a goal generates.
 *
 * @param root the name of the output directory it goes to (a key of {@link SchemaOutput#roots()})
 * @param path its path relative to that directory, with {@code /} separators
 * @param bytes its content
 */
record OutputFile(String root, String path, byte[] bytes) {

    OutputFile {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
    }
}
