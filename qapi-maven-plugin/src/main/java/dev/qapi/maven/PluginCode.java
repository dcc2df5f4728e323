package dev.qapi.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What identifies the code that generates: the plugin's version and a hash of the libraries it runs on
 * (itself, {@code qapi-generator}, {@code qapi-parser} and theirs). A release is identified by its
 * coordinates; a SNAPSHOT, or classes in a directory (an IDE's workspace), also by its content, so that a
 * plugin rebuilt with other code regenerates even though its version did not change.
 *
 * <p>A jar's content is the name, size and CRC-32 of each entry as its central directory records them
 * (no entry is decompressed), leaving out the manifest and {@code META-INF/maven/}: those change with a
 * rebuild of the same code, and the CRCs do not. A directory's content is the path and bytes of each file.
 */
final class PluginFingerprint {

    /**
     * One library on the plugin's class path.
     *
     * @param coordinates {@code groupId:artifactId[:classifier]:version}, with a SNAPSHOT's base version
     * @param file its jar or class directory, if resolved
     * @param snapshot whether its content may change under the same coordinates
     */
    record Library(String coordinates, Path file, boolean snapshot) {
    }

    private PluginFingerprint() {
    }

    /** {@code version}, a space and the hex SHA-256 of {@code libraries} (in any order). */
    static String of(String version, List<Library> libraries) throws IOException {
        List<Library> sorted = new ArrayList<>(libraries);
        sorted.sort(Comparator.comparing(Library::coordinates));
        MessageDigest digest = InputsHash.sha256();
        for (Library library : sorted) {
            InputsHash.field(digest, "library", library.coordinates());
            Path file = library.file();
            if (file == null || !(library.snapshot() || Files.isDirectory(file))) {
                continue;
            }
            if (Files.isDirectory(file)) {
                directory(digest, file);
            } else if (Files.isRegularFile(file)) {
                jar(digest, file);
            } else {
                InputsHash.field(digest, "missing", "");
            }
        }
        return version + " " + HexFormat.of().formatHex(digest.digest());
    }

    private static void jar(MessageDigest digest, Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(e -> !e.isDirectory() && !isBuildMetadata(e.getName()))
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (ZipEntry entry : entries) {
                InputsHash.field(digest, "entry", entry.getName() + " " + entry.getSize() + " " + entry.getCrc());
            }
        }
    }

    private static boolean isBuildMetadata(String name) {
        return name.equals("META-INF/MANIFEST.MF") || name.startsWith("META-INF/maven/");
    }

    private static void directory(MessageDigest digest, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            if (isBuildMetadata(name)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            InputsHash.field(digest, "file", name + " " + bytes.length);
            digest.update(bytes);
        }
    }
}
