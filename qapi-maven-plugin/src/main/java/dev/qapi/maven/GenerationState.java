package dev.qapi.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one execution's last successful generation left behind: the hash of its inputs, the schema
 * files it read, and the manifest of the files it generated, by output directory. Stored as a small
 * line-oriented text file so that it can be read when something looks wrong:
 *
 * <pre>
 * qapi-maven-plugin state 2
 * hash 3f2a...
 * root source target/generated-sources/qapi
 * root resource target/generated-resources/qapi
 * include sub/types.json
 * source com/example/qmp/Target.java
 * resource com/example/qmp/qapi-introspect.json
 * </pre>
 *
 * @param inputsHash the SHA-256 of the inputs, hex
 * @param includes the schema files read besides the root, relative to the root's directory
 * @param roots the directories the files were written to, by name (stored relative to the project)
 * @param files the generated files by the name of their directory, relative to it, with {@code /}
 *     separators
 */
record GenerationState(String inputsHash, List<String> includes, Map<String, Path> roots,
        Map<String, List<String>> files) {

    /** Bump when the file's format or the hash's recipe changes: an old file is then ignored. */
    static final String FORMAT = "qapi-maven-plugin state 2";

    GenerationState {
        includes = List.copyOf(includes);
        roots = copy(roots);
        Map<String, List<String>> byRoot = new LinkedHashMap<>();
        files.forEach((root, paths) -> byRoot.put(root, List.copyOf(paths)));
        files = Collections.unmodifiableMap(byRoot);
        for (String root : roots.keySet()) {
            if (!root.matches("[a-z]+") || List.of("hash", "root", "include").contains(root)) {
                throw new IllegalArgumentException("not a name for an output directory: '" + root + "'");
            }
        }
        for (String root : files.keySet()) {
            if (!roots.containsKey(root)) {
                throw new IllegalArgumentException("files under an unknown output directory: " + root);
            }
        }
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Every file of the manifest, absolute. */
    List<Path> generatedFiles() {
        List<Path> all = new ArrayList<>();
        files.forEach((root, paths) -> {
            Path dir = roots.get(root);
            paths.forEach(p -> all.add(dir.resolve(p).normalize()));
        });
        return all;
    }

    /** The state in {@code file}, if there is one this version can read. */
    static Optional<GenerationState> read(Path file, Path baseDir) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
            return Optional.empty();
        }
        String hash = null;
        List<String> includes = new ArrayList<>();
        Map<String, Path> roots = new LinkedHashMap<>();
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            String key = line.substring(0, space);
            String value = line.substring(space + 1);
            switch (key) {
                case "hash" -> hash = value;
                case "include" -> includes.add(value);
                case "root" -> {
                    int nameEnd = value.indexOf(' ');
                    if (nameEnd < 0) {
                        return Optional.empty();
                    }
                    String name = value.substring(0, nameEnd);
                    roots.put(name, baseDir.resolve(value.substring(nameEnd + 1)).normalize());
                    files.put(name, new ArrayList<>());
                }
                default -> {
                    List<String> paths = files.get(key);
                    if (paths == null) {
                        return Optional.empty();
                    }
                    paths.add(value);
                }
            }
        }
        if (hash == null) {
            return Optional.empty();
        }
        return Optional.of(new GenerationState(hash, includes, roots, files));
    }

    /** Forgets the state in {@code file}: done before regenerating, so a failed run leaves none. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Writes this state to {@code file}, replacing it in one move. */
    void write(Path file, GenerationRequest request) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append("hash ").append(inputsHash).append('\n');
        roots.forEach((name, dir) -> text.append("root ").append(name).append(' ')
                .append(request.relative(dir)).append('\n'));
        includes.forEach(i -> text.append("include ").append(i).append('\n'));
        files.forEach((root, paths) -> paths.forEach(p -> text.append(root).append(' ').append(p).append('\n')));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
