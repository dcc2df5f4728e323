package dev.qapi.generator.doc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files of one documentation site, in a fixed order: for each format its index, then the module pages
 * in the schema's order; the HTML stylesheet last.
 *
 * @param files the files
 */
public record DocFiles(List<DocFile> files) {

    public DocFiles {
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

    /** The file at {@code path}, if there is one. */
    public Optional<DocFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** Writes every file under {@code dir}, rewriting only those whose bytes differ. Deletes nothing. */
    public WriteResult writeTo(Path dir) {
        int written = 0;
        int unchanged = 0;
        for (DocFile file : files) {
            Path target = dir.resolve(file.path());
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
}
