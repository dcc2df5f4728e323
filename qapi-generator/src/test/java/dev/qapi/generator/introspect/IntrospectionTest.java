package dev.qapi.generator.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.IfCond;
import dev.qapi.parser.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout of the JSON text, the resource file, and the options; the data itself is pinned by references. */
class IntrospectionTest {
    @TempDir
    Path tmp;

    private Schema load(String text) throws IOException {
        Files.writeString(tmp.resolve("schema.json"), text);
        return SchemaLoader.load(tmp, "schema.json");
    }

    @Test
    void onlyTypesMeansNoEntries() throws IOException {
        Schema schema = load("{ 'enum': 'Color', 'data': [ 'red' ] }\n");
        assertEquals("[]\n", Introspection.of(schema, Introspection.Options.DEFAULT).toJson());
    }

    @Test
    void oneCompactEntryPerLine() throws IOException {
        Schema schema = load("{ 'command': 'ping' }\n");
        assertEquals("""
                [
                {"arg-type":"0","ret-type":"0","name":"ping","meta-type":"command"},
                {"members":[],"name":"0","meta-type":"object"}
                ]
                """, Introspection.of(schema, Introspection.Options.DEFAULT).toJson());
    }

    @Test
    void unmaskKeepsTypeNames() throws IOException {
        Schema schema = load("{ 'command': 'ping', 'data': { 'n': 'uint8' } }\n");
        String json = Introspection.of(schema, new Introspection.Options(true, Build.unconfigured())).toJson();
        assertEquals("""
                [
                {"arg-type":"q_obj_ping-arg","ret-type":"q_empty","name":"ping","meta-type":"command"},
                {"members":[{"name":"n","type":"int"}],"name":"q_obj_ping-arg","meta-type":"object"},
                {"members":[],"name":"q_empty","meta-type":"object"},
                {"json-type":"int","name":"int","meta-type":"builtin"}
                ]
                """, json);
    }

    @Test
    void droppedEntriesKeepTheirNumbers() throws IOException {
        Schema schema = load("""
                { 'struct': 'Gone', 'data': {}, 'if': 'NO' }
                { 'struct': 'Kept', 'data': {} }
                { 'command': 'a', 'data': 'Gone', 'if': 'NO' }
                { 'command': 'b', 'data': 'Kept' }
                """);
        String json = Introspection.of(schema, new Introspection.Options(false, Build.defining(List.of()))).toJson();
        assertEquals("""
                [
                {"arg-type":"2","ret-type":"1","name":"b","meta-type":"command"},
                {"members":[],"name":"1","meta-type":"object"},
                {"members":[],"name":"2","meta-type":"object"}
                ]
                """, json);
    }

    @Test
    void buildEvaluatesConditions() {
        IfCond cond = IfCond.of(Map.of("all", List.of("A", Map.of("not", "B"))));
        assertTrue(Build.unconfigured().holds(cond));
        assertTrue(Build.defining(List.of("A")).holds(cond));
        assertFalse(Build.defining(List.of("A", "B")).holds(cond));
        assertTrue(Build.defining(List.of()).holds(IfCond.ALWAYS));
    }

    @Test
    void entriesAreACopy() throws IOException {
        Introspection data = Introspection.of(load("{ 'event': 'TICK' }\n"), Introspection.Options.DEFAULT);
        data.entries().removeAll();
        assertEquals(2, data.entries().size());
    }

    @Test
    void resourceIsTheJsonTextWrittenOnlyWhenChanged() throws IOException {
        Introspection data = Introspection.of(load("{ 'event': 'TICK' }\n"), Introspection.Options.DEFAULT);
        Path file = tmp.resolve("out/sub/qapi-introspect.json");
        assertTrue(data.writeResource(file));
        assertEquals(data.toJson(), Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(data.toJson().endsWith("]\n"));
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(file, old);
        assertFalse(data.writeResource(file));
        assertEquals(old, Files.getLastModifiedTime(file));
    }
}
