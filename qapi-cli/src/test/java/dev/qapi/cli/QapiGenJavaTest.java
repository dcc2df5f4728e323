package dev.qapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/** {@code qapi-gen java}: files written, unchanged files left alone, conditions, exit statuses. */
class QapiGenJavaTest extends CliTest {
    private static final String SCHEMA = """
            { 'enum': 'Mode', 'data': [ 'fast', { 'name': 'safe', 'if': 'HAVE_SAFE' } ] }
            { 'struct': 'Extra', 'data': { 'a': 'str' }, 'if': 'HAVE_EXTRA' }
            { 'command': 'set-mode', 'data': { 'mode': 'Mode', '*level': 'uint8' } }
            { 'event': 'MODE_CHANGED', 'data': { 'mode': 'Mode' } }
            """;

    private String schema() throws IOException {
        return write("s.json", SCHEMA);
    }

    @Test
    void writesSourcesAndTheIntrospectionResourceThenLeavesUnchangedFilesAlone() throws IOException {
        String schema = schema();
        Path dir = tmp.resolve("out");
        assertEquals(0, run("java", "-o", dir.toString(), "-p", "com.example.qmp", schema), this::stderr);
        assertEquals("qapi-gen: 11 files, 11 written, 0 unchanged\n", stdout());
        Path mode = dir.resolve("com/example/qmp/Mode.java");
        assertTrue(Files.readString(mode).contains("public enum Mode implements QapiValue"));
        assertTrue(Files.exists(dir.resolve("com/example/qmp/qapi-introspect.json")));
        assertTrue(Files.exists(dir.resolve("com/example/qmp/Extra.java")), "conditions are recorded, not evaluated");
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(mode, before);
        assertEquals(0, run("java", "-o", dir.toString(), "-p", "com.example.qmp", schema), this::stderr);
        assertEquals("qapi-gen: 11 files, 0 written, 11 unchanged\n", stdout());
        assertEquals(before, Files.getLastModifiedTime(mode));
    }

    @Test
    void clientOnlyLeavesOutTheServerSide() throws IOException {
        Path dir = tmp.resolve("client");
        assertEquals(0, run("java", "--client-only", "-o", dir.toString(), "-p", "p", schema()), this::stderr);
        assertTrue(Files.exists(dir.resolve("p/SchemaClient.java")));
        assertTrue(Files.exists(dir.resolve("p/SetModeArguments.java")));
        assertTrue(Files.exists(dir.resolve("p/ModeChangedEvent.java")));
        assertFalse(Files.exists(dir.resolve("p/SCommands.java")));
        assertFalse(Files.exists(dir.resolve("p/SEvents.java")));
        assertFalse(Files.exists(dir.resolve("p/qapi-introspect.json")));
    }

    @Test
    void definesEvaluateConditionsAndResourcesCanGoElsewhere() throws IOException {
        Path dir = tmp.resolve("src");
        Path res = tmp.resolve("res");
        assertEquals(0, run("java", "-o", dir.toString(), "-r", res.toString(), "-p", "p", "-DHAVE_SAFE", schema()),
                this::stderr);
        assertFalse(Files.exists(dir.resolve("p/Extra.java")));
        assertTrue(Files.readString(dir.resolve("p/Mode.java")).contains("SAFE(\"safe\""));
        assertTrue(Files.exists(res.resolve("p/qapi-introspect.json")));
    }

    @Test
    void badUsageExitsTwoAndBadSchemaExitsOne() throws IOException {
        String schema = schema();
        assertEquals(2, run("java", "-p", "p", schema));
        assertTrue(stderr().contains("no output directory given"), this::stderr);
        assertEquals(2, run("java", "-o", tmp.toString(), schema));
        assertTrue(stderr().contains("no package given"), this::stderr);
        assertEquals(2, run("java", "-o", tmp.toString(), "-p", "not a package", schema));
        assertTrue(stderr().contains("not a Java package name"), this::stderr);
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{ 'struct': 'Thing', 'data': { 'a': 'Nope' } }\n");
        assertEquals(1, run("java", "-o", tmp.toString(), "-p", "p", bad.toString()));
        assertEquals(bad + ": In struct 'Thing':\n" + bad + ":1: member 'a' uses unknown type 'Nope'\n", stderr());
    }
}
