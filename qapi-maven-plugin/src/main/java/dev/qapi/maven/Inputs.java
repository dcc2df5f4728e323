package dev.qapi.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Everything a generation's output depends on, in the two forms the up-to-date check compares:
 *
 * <ul>
 *   <li>{@link #names()}: what is compared as text, the plugin's version and libraries, the goal's
 *       settings and the root schema's path;
 *   <li>files: the root schema, the files it included on the last run, and the plugin's SNAPSHOT jars.
 *       Their {@linkplain #stamps() stamps} (size and time of last modification) are compared first; only
 *       when one differs, or is too close to the time the state was written to be trusted, are the bytes
 *       read and {@linkplain #hash() hashed}.
 * </ul>
 *
 * <p>The hash (SHA-256) covers the names, the output directories and the files' content. The included
 * files are those of the last run: a change to the set of includes changes the bytes of the file that
 * includes them, so the hash and the stamps still notice it.
 */
final class Inputs {

    /**
     * A file's size and time of last modification, as recorded by the last run.
     *
     * @param file the file, as {@link GenerationRequest#relative(Path)} names it
     * @param size its size in bytes
     * @param modified its time of last modification, in nanoseconds since the epoch
     */
    record Stamp(String file, long size, long modified) {

        // Written out: the record's own equals and hashCode are bootstrapped through method handles the
        // first time they run, milliseconds on the up-to-date path (see AbstractQapiMojo).
        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp s && file.equals(s.file) && size == s.size && modified == s.modified;
        }

        @Override
        public int hashCode() {
            return (file.hashCode() * 31 + Long.hashCode(size)) * 31 + Long.hashCode(modified);
        }
    }

    /** Finer file systems (ext4, XFS, APFS, NTFS) keep times to a clock tick of a few ms at most. */
    private static final long FINE_GRANULARITY = TimeUnit.MILLISECONDS.toNanos(100);
    /** FAT keeps times to 2 s; HFS+ and ext3 to 1 s. */
    private static final long COARSE_GRANULARITY = TimeUnit.SECONDS.toNanos(2);

    private final GenerationRequest request;
    private final List<String> includes;

    private Inputs(GenerationRequest request, List<String> includes) {
        this.request = request;
        this.includes = List.copyOf(new TreeSet<>(includes));
    }

    /** The inputs of {@code request} when the root schema includes {@code includes}. */
    static Inputs of(GenerationRequest request, List<String> includes) {
        return new Inputs(request, includes);
    }

    /** What is compared as text: {@code plugin V}, {@code library G:A:V}..., {@code setting NAME VALUE}..., {@code schema PATH}. */
    List<String> names() {
        List<String> names = new ArrayList<>(request.pluginCode().names());
        for (Map.Entry<String, String> setting : request.output().settings().entrySet()) {
            names.add("setting " + setting.getKey() + " " + setting.getValue());
        }
        names.add("schema " + request.schemaDisplayName());
        return names;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(request.schema());
        for (String include : includes) {
            files.add(request.schemaDir().resolve(include).normalize());
        }
        files.addAll(request.pluginCode().contentFiles());
        return files;
    }

    /**
     * The stamps of the files, or empty when one cannot be stamped: a missing file, or a class directory
     * (whose own time says nothing of the files in it).
     */
    Optional<List<Stamp>> stamps() throws IOException {
        List<Stamp> stamps = new ArrayList<>();
        for (Path file : files()) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            stamps.add(new Stamp(request.relative(file), attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        }
        return Optional.of(stamps);
    }

    /**
     * Whether {@code stamps}, recorded in a state written at {@code stateWritten}, show that their files
     * have not changed since. A file changed again within its file system's time granularity keeps its
     * time, so a stamp this close to the state's writing proves nothing (git calls such an entry "racily
     * clean"): then the content has to be compared.
     */
    static boolean trusted(List<Stamp> stamps, FileTime stateWritten) {
        long written = stateWritten.to(TimeUnit.NANOSECONDS);
        for (Stamp stamp : stamps) {
            long granularity = stamp.modified() % TimeUnit.SECONDS.toNanos(1) == 0 ? COARSE_GRANULARITY : FINE_GRANULARITY;
            if (stamp.modified() + granularity >= written) {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of all inputs, hex: the names, the output directories, the files' content. */
    String hash() throws IOException {
        MessageDigest digest = sha256();
        field(digest, "format", GenerationState.FORMAT);
        for (String name : names()) {
            field(digest, "name", name);
        }
        for (Map.Entry<String, Path> root : request.output().roots().entrySet()) {
            field(digest, "root " + root.getKey(), request.relative(root.getValue()));
        }
        file(digest, request.schema());
        for (String include : includes) {
            field(digest, "include", include);
            file(digest, request.schemaDir().resolve(include));
        }
        request.pluginCode().digestContent(digest);
        return HexFormat.of().formatHex(digest.digest());
    }

    static void field(MessageDigest digest, String name, String value) {
        digest.update((name + "=" + value.length() + ":" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void file(MessageDigest digest, Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            field(digest, "missing", "");
            return;
        }
        field(digest, "bytes", Integer.toString(bytes.length));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
