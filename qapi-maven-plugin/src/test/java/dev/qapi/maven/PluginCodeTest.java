package dev.qapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFingerprintTest {
    private static final String GENERATOR = "dev.qapi:qapi-generator:0.1.0-SNAPSHOT";

    @TempDir
    Path dir;

    /** A jar of {@code entries}, each stamped with {@code time}. */
    private Path jar(String name, long time, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> classes(String generatorCode, String buildTime) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt: " + buildTime + "\n");
        entries.put("META-INF/maven/dev.qapi/qapi-generator/pom.properties", "#" + buildTime + "\nversion=0.1.0-SNAPSHOT\n");
        entries.put("dev/qapi/generator/java/JavaGenerator.class", generatorCode);
        entries.put("dev/qapi/generator/doc/style.css", "body {}");
        return entries;
    }

    private static String fingerprint(Path generatorJar) throws IOException {
        return PluginFingerprint.of("0.1.0-SNAPSHOT", List.of(
                new PluginFingerprint.Library(GENERATOR, generatorJar, true),
                new PluginFingerprint.Library("com.palantir.javapoet:javapoet:0.22.0", null, false)));
    }

    @Test
    void aSnapshotRebuiltWithOtherCodeHasAnotherFingerprint() throws IOException {
        String before = fingerprint(jar("a.jar", 1_000_000_000_000L, classes("code v1", "monday")));
        String after = fingerprint(jar("b.jar", 1_000_000_000_000L, classes("code v2", "monday")));

        assertNotEquals(before, after);
        assertTrue(before.startsWith("0.1.0-SNAPSHOT "), before);
    }

    @Test
    void aSnapshotRebuiltFromTheSameCodeKeepsItsFingerprint() throws IOException {
        String before = fingerprint(jar("a.jar", 1_000_000_000_000L, classes("code v1", "monday")));
        String after = fingerprint(jar("b.jar", 1_100_000_000_000L, classes("code v1", "tuesday")));

        assertEquals(before, after, "entry times, the manifest and META-INF/maven/ do not count");
    }

    @Test
    void aChangedResourceCounts() throws IOException {
        Map<String, String> restyled = classes("code v1", "monday");
        restyled.put("dev/qapi/generator/doc/style.css", "body { color: black }");

        assertNotEquals(fingerprint(jar("a.jar", 0, classes("code v1", "monday"))), fingerprint(jar("b.jar", 0, restyled)));
    }

    @Test
    void classesInADirectoryCountByTheirBytes() throws IOException {
        Path classes = dir.resolve("classes");
        Path generator = classes.resolve("dev/qapi/generator/java/JavaGenerator.class");
        Files.createDirectories(generator.getParent());
        Files.writeString(generator, "code v1");
        String before = fingerprint(classes);

        Files.writeString(generator, "code v2");

        assertNotEquals(before, fingerprint(classes));
    }

    @Test
    void aReleaseCountsByItsCoordinatesOnly() throws IOException {
        Path jar = jar("javapoet.jar", 0, Map.of("com/palantir/javapoet/TypeSpec.class", "v1"));
        String before = PluginFingerprint.of("1.0", List.of(
                new PluginFingerprint.Library("com.palantir.javapoet:javapoet:0.22.0", jar, false)));
        Files.delete(jar);
        jar("javapoet.jar", 0, Map.of("com/palantir/javapoet/TypeSpec.class", "v2"));

        assertEquals(before, PluginFingerprint.of("1.0", List.of(
                new PluginFingerprint.Library("com.palantir.javapoet:javapoet:0.22.0", jar, false))));
        assertNotEquals(before, PluginFingerprint.of("1.0", List.of(
                new PluginFingerprint.Library("com.palantir.javapoet:javapoet:0.23.0", jar, false))));
    }

    @Test
    void theOrderOfTheLibrariesDoesNotCount() throws IOException {
        PluginFingerprint.Library a = new PluginFingerprint.Library("a:a:1", null, false);
        PluginFingerprint.Library b = new PluginFingerprint.Library("b:b:1", null, false);

        assertEquals(PluginFingerprint.of("1.0", List.of(a, b)), PluginFingerprint.of("1.0", List.of(b, a)));
    }
}
