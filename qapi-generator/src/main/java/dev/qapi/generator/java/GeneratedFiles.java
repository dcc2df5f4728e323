package dev.qapi.generator.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
        // Directories first, once each, then the files (sequentially: in parallel measured slower).
        Set<Path> dirs = new TreeSet<>();
        for (GeneratedFile file : files) {
            dirs.add(target(file, sourceRoot, resourceRoot).getParent());
        }
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
        int written = 0;
        for (GeneratedFile file : files) {
            Path target = target(file, sourceRoot, resourceRoot);
            byte[] bytes = file.bytes();
            try {
                if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                        && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    continue;
                }
                Files.write(target, bytes);
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
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
