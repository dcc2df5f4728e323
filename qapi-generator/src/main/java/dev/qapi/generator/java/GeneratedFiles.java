package dev.qapi.generator.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The output of one generation: Java sources and resources, in a fixed order.
 *
 * @param files the files
 */
public record GeneratedFiles(List<GeneratedFile> files) {

    public GeneratedFiles {
        files = List.copyOf(files);
    }

    /**
     * How a write went.
     *
     * @param written files created or changed
     * @param unchanged files whose bytes were already there (left alone, timestamps kept)
     */
    public record WriteResult(int written, int unchanged) {
    }

    /**
     * Writes sources under {@code sourceRoot} and resources under {@code resourceRoot}, rewriting only
     * files whose bytes differ, so that timestamps of unchanged files stay.
     */
    public WriteResult writeTo(Path sourceRoot, Path resourceRoot) {
        int written = 0;
        int unchanged = 0;
        for (GeneratedFile file : files) {
            Path root = file.kind() == GeneratedFile.Kind.SOURCE ? sourceRoot : resourceRoot;
            Path target = root.resolve(file.path());
            byte[] bytes = file.bytes();
            try {
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    unchanged++;
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        return new WriteResult(written, unchanged);
    }

    /** The sources only. */
    public List<GeneratedFile> sources() {
        return files.stream().filter(f -> f.kind() == GeneratedFile.Kind.SOURCE).toList();
    }
}
