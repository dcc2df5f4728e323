package dev.qapi.generator.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The output of one generation (Java bindings and their resources, or a documentation site), in the fixed
 * order its generator gives.
 *
 * @param files the files
 */
public record GeneratedFiles(List<GeneratedFile> files) {

    public GeneratedFiles {
        files = List.copyOf(files);
    }

    /** The file at {@code path}, if there is one. */
    public Optional<GeneratedFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The files of one kind, in order. */
    public List<GeneratedFile> ofKind(GeneratedFile.Kind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Writes every file under {@code dir}, whatever its kind; see {@link #writeTo(Function)}. */
    public WriteResult writeTo(Path dir) {
        return writeTo(kind -> dir);
    }

    /**
     * Writes each file under the directory for its kind, rewriting only files whose bytes differ, so that
     * timestamps of unchanged files stay. Deletes nothing.
     *
     * @param root the output directory for each kind of file
     * @throws java.io.UncheckedIOException when a file cannot be written
     */
    public WriteResult writeTo(Function<GeneratedFile.Kind, Path> root) {
        int written = ChangedFiles.writeAll(files, f -> root.apply(f.kind()).resolve(f.path()), GeneratedFile::bytes);
        return new WriteResult(written, files.size() - written);
    }
}
