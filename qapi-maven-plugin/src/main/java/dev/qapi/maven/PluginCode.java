package dev.qapi.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What identifies the code that generates: the plugin's version and the libraries it runs on (itself,
 * {@code qapi-generator}, {@code qapi-parser} and theirs). A release is identified by its coordinates; a
 * SNAPSHOT, or classes in a directory (an IDE's workspace), also by its content, so that a plugin rebuilt
 * with other code regenerates even though its version did not change.
 *
 * <p>A jar's content is the name, size and CRC-32 of each entry as its central directory records them
 * (no entry is decompressed), leaving out the manifest and {@code META-INF/maven/}: those change with a
 * rebuild of the same code, and the CRCs do not. A directory's content is the path and bytes of each file.
 *
 * @param version the plugin's version
 * @param libraries the plugin's class path, in any order (kept sorted by coordinates, one per coordinates)
 */
record PluginCode(String version, List<Library> libraries) {

    /**
     * One library on the plugin's class path.
     *
     * @param coordinates {@code groupId:artifactId[:classifier]:version}, with a SNAPSHOT's base version
     * @param file its jar or class directory, or null when not resolved
     * @param snapshot whether its content may change under the same coordinates
     */
    record Library(String coordinates, Path file, boolean snapshot) {

        /** Whether its content counts, not only its coordinates. */
        boolean byContent() {
            return file != null && (snapshot || Files.isDirectory(file));
        }
    }

    PluginCode {
        // Sorted by a TreeMap rather than a Comparator: no lambda on the up-to-date path (AbstractQapiMojo).
        Map<String, Library> byCoordinates = new TreeMap<>();
        for (Library library : libraries) {
            byCoordinates.put(library.coordinates(), library);
        }
        libraries = List.copyOf(byCoordinates.values());
    }

    /** The lines that name it, without its content: the version, then each library's coordinates. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add("plugin " + version);
        for (Library library : libraries) {
            names.add("library " + library.coordinates());
        }
        return names;
    }

    /** The jars and directories whose content counts. */
    List<Path> contentFiles() {
        List<Path> files = new ArrayList<>();
        for (Library library : libraries) {
            if (library.byContent()) {
                files.add(library.file());
            }
        }
        return files;
    }

    /** Adds the content of {@link #contentFiles()} to {@code digest}. */
    void digestContent(MessageDigest digest) throws IOException {
        for (Library library : libraries) {
            if (!library.byContent()) {
                continue;
            }
            Inputs.field(digest, "library", library.coordinates());
            Path file = library.file();
            if (Files.isDirectory(file)) {
                directory(digest, file);
            } else if (Files.isRegularFile(file)) {
                jar(digest, file);
            } else {
                Inputs.field(digest, "missing", "");
            }
        }
    }

    private static void jar(MessageDigest digest, Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(e -> !e.isDirectory() && !isBuildMetadata(e.getName()))
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (ZipEntry entry : entries) {
                Inputs.field(digest, "entry", entry.getName() + " " + entry.getSize() + " " + entry.getCrc());
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
            Inputs.field(digest, "file", name + " " + bytes.length);
            digest.update(bytes);
        }
    }
}
