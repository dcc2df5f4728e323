package dev.qapi.generator.doc;

import dev.qapi.generator.java.ChangedFiles;
import java.nio.file.Path;
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
        int written = ChangedFiles.writeAll(files, f -> dir.resolve(f.path()), DocFile::bytes);
        return new WriteResult(written, files.size() - written);
    }
}
