package dev.qapi.generator.java;

import java.nio.file.Path;
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
        int written = ChangedFiles.writeAll(files, f -> target(f, sourceRoot, resourceRoot), GeneratedFile::bytes);
        return new WriteResult(written, files.size() - written);
    }

    private static Path target(GeneratedFile file, Path sourceRoot, Path resourceRoot) {
        return (file.kind() == GeneratedFile.Kind.SOURCE ? sourceRoot : resourceRoot).resolve(file.path());
    }

    /** The sources only. */
    public List<GeneratedFile> sources() {
        return files.stream().filter(f -> f.kind() == GeneratedFile.Kind.SOURCE).toList();
    }
}
