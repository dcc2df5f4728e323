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
 * What one execution's last successful generation left behind: its inputs (their names, the stamps of
 * the input files and the hash of it all), the schema files it read, and the manifest of the files it
 * generated, by output directory. Stored as a small line-oriented text file so that it can be read when
 * something looks wrong:
 *
 * <pre>
 * qapi-maven-plugin state 3
 * hash 3f2a...
 * input plugin 0.1.0
 * input library dev.qapi:qapi-generator:0.1.0
 * input setting package com.example.qmp
 * input schema src/main/qapi/qapi-schema.json
 * stamp 412 1764072000123456789 src/main/qapi/qapi-schema.json
 * stamp 118 1764072000123456789 src/main/qapi/sub/types.json
 * root source target/generated-sources/qapi
 * root resource target/generated-resources/qapi
 * include sub/types.json
 * source com/example/qmp/Target.java
 * resource com/example/qmp/qapi-introspect.json
 * </pre>
 *
 * @param inputsHash the SHA-256 of the inputs, hex ({@link Inputs#hash()})
 * @param inputs what of the inputs is compared as text ({@link Inputs#names()})
 * @param stamps the stamps of the input files, empty when they could not all be stamped
 * @param includes the schema files read besides the root, relative to the root's directory
 * @param roots the directories the files were written to, by name (stored relative to the project)
 * @param files the generated files by the name of their directory, relative to it, with {@code /}
 *     separators
 */
record GenerationState(String inputsHash, List<String> inputs, List<Inputs.Stamp> stamps, List<String> includes,
        Map<String, Path> roots, Map<String, List<String>> files) {

    /** Bump when the file's format or the hash's recipe changes: an old file is then ignored. */
    static final String FORMAT = "qapi-maven-plugin state 3";

    private static final List<String> KEYWORDS = List.of("hash", "input", "stamp", "root", "include");

    GenerationState {
        inputs = List.copyOf(inputs);
        stamps = List.copyOf(stamps);
        includes = List.copyOf(includes);
        roots = Collections.unmodifiableMap(new LinkedHashMap<>(roots));
        // Loops, not lambdas: this is built on the up-to-date path (see AbstractQapiMojo).
        Map<String, List<String>> byRoot = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> root : files.entrySet()) {
            byRoot.put(root.getKey(), List.copyOf(root.getValue()));
        }
        files = Collections.unmodifiableMap(byRoot);
        for (String root : roots.keySet()) {
            if (!isRootName(root)) {
                throw new IllegalArgumentException("not a name for an output directory: '" + root + "'");
            }
        }
        for (String root : files.keySet()) {
            if (!roots.containsKey(root)) {
                throw new IllegalArgumentException("files under an unknown output directory: " + root);
            }
        }
    }

    /** One word of {@code a-z} that is not a keyword of the file. */
    private static boolean isRootName(String name) {
        if (name.isEmpty() || KEYWORDS.contains(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 'a' || name.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** This state with the input files stamped anew (their bytes being the same). */
    GenerationState withStamps(List<Inputs.Stamp> newStamps) {
        return new GenerationState(inputsHash, inputs, newStamps, includes, roots, files);
    }

    /** Every file of the manifest, absolute. */
    List<Path> generatedFiles() {
        List<Path> all = new ArrayList<>();
        for (Map.Entry<String, List<String>> root : files.entrySet()) {
            Path dir = roots.get(root.getKey());
            for (String path : root.getValue()) {
                all.add(dir.resolve(path).normalize());
            }
        }
        return all;
    }

    /** How many files the manifest names. */
    int fileCount() {
        int count = 0;
        for (List<String> paths : files.values()) {
            count += paths.size();
        }
        return count;
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
        List<String> inputs = new ArrayList<>();
        List<Inputs.Stamp> stamps = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        Map<String, Path> roots = new LinkedHashMap<>();
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ", 2);
            if (parts.length < 2) {
                return Optional.empty();
            }
            String value = parts[1];
            switch (parts[0]) {
                case "hash" -> hash = value;
                case "input" -> inputs.add(value);
                case "include" -> includes.add(value);
                case "stamp" -> {
                    String[] stamp = value.split(" ", 3);
                    if (stamp.length < 3) {
                        return Optional.empty();
                    }
                    try {
                        stamps.add(new Inputs.Stamp(stamp[2], Long.parseLong(stamp[0]), Long.parseLong(stamp[1])));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
                case "root" -> {
                    String[] root = value.split(" ", 2);
                    if (root.length < 2) {
                        return Optional.empty();
                    }
                    roots.put(root[0], baseDir.resolve(root[1]).normalize());
                    files.put(root[0], new ArrayList<>());
                }
                default -> {
                    List<String> paths = files.get(parts[0]);
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
        return Optional.of(new GenerationState(hash, inputs, stamps, includes, roots, files));
    }

    /** Forgets the state in {@code file}: done before regenerating, so a failed run leaves none. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Writes this state to {@code file}, replacing it in one move. */
    void write(Path file, GenerationRequest request) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append("hash ").append(inputsHash).append('\n');
        inputs.forEach(i -> text.append("input ").append(i).append('\n'));
        stamps.forEach(s -> text.append("stamp ").append(s.size()).append(' ').append(s.modified()).append(' ')
                .append(s.file()).append('\n'));
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
