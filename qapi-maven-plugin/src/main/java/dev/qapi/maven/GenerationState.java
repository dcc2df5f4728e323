package dev.qapi.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one execution's last successful generation left behind: the hash of its inputs, the schema
 * files it read, and the manifest of the files it generated. Stored as a small line-oriented text file
 * so that it can be read when something looks wrong.
 *
 * @param inputsHash the SHA-256 of the inputs, hex
 * @param includes the schema files read besides the root, relative to the root's directory
 * @param sourceRoot the directory the sources were written to (stored relative to the project)
 * @param resourceRoot the directory the resources were written to
 * @param sources the generated sources, relative to {@code sourceRoot}, with {@code /} separators
 * @param resources the generated resources, relative to {@code resourceRoot}
 */
record GenerationState(
        String inputsHash,
        List<String> includes,
        Path sourceRoot,
        Path resourceRoot,
        List<String> sources,
        List<String> resources) {

    /** Bump when the file's format or the hash's recipe changes: an old file is then ignored. */
    static final String FORMAT = "qapi-maven-plugin state 1";

    private static final String FILE_NAME = "generate-state.txt";

    GenerationState {
        includes = List.copyOf(includes);
        sources = List.copyOf(sources);
        resources = List.copyOf(resources);
    }

    /** Every file of the manifest, absolute. */
    List<Path> generatedFiles() {
        List<Path> files = new ArrayList<>();
        sources.forEach(s -> files.add(sourceRoot.resolve(s).normalize()));
        resources.forEach(r -> files.add(resourceRoot.resolve(r).normalize()));
        return files;
    }

    /** The state in {@code dir}, if there is one this version can read. */
    static Optional<GenerationState> read(Path dir, Path baseDir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
            return Optional.empty();
        }
        String hash = null;
        Path sourceRoot = null;
        Path resourceRoot = null;
        List<String> includes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            String value = line.substring(space + 1);
            switch (line.substring(0, space)) {
                case "hash" -> hash = value;
                case "sourceRoot" -> sourceRoot = baseDir.resolve(value).normalize();
                case "resourceRoot" -> resourceRoot = baseDir.resolve(value).normalize();
                case "include" -> includes.add(value);
                case "source" -> sources.add(value);
                case "resource" -> resources.add(value);
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (hash == null || sourceRoot == null || resourceRoot == null) {
            return Optional.empty();
        }
        return Optional.of(new GenerationState(hash, includes, sourceRoot, resourceRoot, sources, resources));
    }

    /** Forgets the state in {@code dir}: done before regenerating, so a failed run leaves none. */
    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE_NAME));
    }

    /** Writes this state to {@code dir}, replacing the file in one move. */
    void write(Path dir, GenerationRequest request) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append("hash ").append(inputsHash).append('\n');
        text.append("sourceRoot ").append(request.relative(sourceRoot)).append('\n');
        text.append("resourceRoot ").append(request.relative(resourceRoot)).append('\n');
        includes.forEach(i -> text.append("include ").append(i).append('\n'));
        sources.forEach(s -> text.append("source ").append(s).append('\n'));
        resources.forEach(r -> text.append("resource ").append(r).append('\n'));
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
