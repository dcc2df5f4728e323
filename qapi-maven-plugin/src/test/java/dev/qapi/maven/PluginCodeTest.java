package dev.qapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCodeTest {
    private static final String GENERATOR = "dev.qapi:qapi-generator:0.1.0-SNAPSHOT";

    @TempDir
    Path dir;

    private static Map<String, String> classes(String generatorCode, String buildTime) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt: " + buildTime + "\n");
        entries.put("META-INF/maven/dev.qapi/qapi-generator/pom.properties", "#" + buildTime + "\nversion=0.1.0-SNAPSHOT\n");
        entries.put("dev/qapi/generator/java/JavaGenerator.class", generatorCode);
        entries.put("dev/qapi/generator/doc/style.css", "body {}");
        return entries;
    }

    /** What the inputs hash takes of {@code code}: its names and its content. */
    private static String identity(PluginCode code) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            code.names().forEach(n -> Inputs.field(digest, "name", n));
            code.digestContent(digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String identity(Path generator) throws IOException {
        return identity(new PluginCode("0.1.0-SNAPSHOT", List.of(
                new PluginCode.Library(GENERATOR, generator, true),
                new PluginCode.Library("com.palantir.javapoet:javapoet:0.22.0", null, false))));
    }

    private Path jar(String name, long time, Map<String, String> entries) throws IOException {
        return TestJar.write(dir.resolve(name), time, entries);
    }

    @Test
    void aSnapshotRebuiltWithOtherCodeIsAnotherPlugin() throws IOException {
        String before = identity(jar("a.jar", 1_000_000_000_000L, classes("code v1", "monday")));
        String after = identity(jar("b.jar", 1_000_000_000_000L, classes("code v2", "monday")));

        assertNotEquals(before, after);
    }

    @Test
    void aSnapshotRebuiltFromTheSameCodeIsTheSamePlugin() throws IOException {
        String before = identity(jar("a.jar", 1_000_000_000_000L, classes("code v1", "monday")));
        String after = identity(jar("b.jar", 1_100_000_000_000L, classes("code v1", "tuesday")));

        assertEquals(before, after, "entry times, the manifest and META-INF/maven/ do not count");
    }

    @Test
    void aChangedResourceCounts() throws IOException {
        Map<String, String> restyled = classes("code v1", "monday");
        restyled.put("dev/qapi/generator/doc/style.css", "body { color: black }");

        assertNotEquals(identity(jar("a.jar", 0, classes("code v1", "monday"))), identity(jar("b.jar", 0, restyled)));
    }

    @Test
    void classesInADirectoryCountByTheirBytes() throws IOException {
        Path classes = dir.resolve("classes");
        Path generator = classes.resolve("dev/qapi/generator/java/JavaGenerator.class");
        Files.createDirectories(generator.getParent());
        Files.writeString(generator, "code v1");
        String before = identity(classes);

        Files.writeString(generator, "code v2");

        assertNotEquals(before, identity(classes));
    }

    @Test
    void aReleaseCountsByItsCoordinatesOnly() throws IOException {
        Path jar = jar("javapoet.jar", 0, Map.of("com/palantir/javapoet/TypeSpec.class", "v1"));
        PluginCode code = new PluginCode("1.0", List.of(
                new PluginCode.Library("com.palantir.javapoet:javapoet:0.22.0", jar, false)));
        String before = identity(code);
        jar("javapoet.jar", 0, Map.of("com/palantir/javapoet/TypeSpec.class", "v2"));

        assertEquals(List.of(), code.contentFiles());
        assertEquals(before, identity(code));
        assertNotEquals(before, identity(new PluginCode("1.0", List.of(
                new PluginCode.Library("com.palantir.javapoet:javapoet:0.23.0", jar, false)))));
    }

    @Test
    void theOrderOfTheLibrariesDoesNotCount() {
        PluginCode.Library a = new PluginCode.Library("a:a:1", null, false);
        PluginCode.Library b = new PluginCode.Library("b:b:1", null, false);

        assertEquals(new PluginCode("1.0", List.of(a, b)).names(), new PluginCode("1.0", List.of(b, a)).names());
    }
}
