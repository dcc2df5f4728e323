package dev.qapi.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.BuiltinType;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Definition;
import dev.qapi.parser.schema.Entity;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Include;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.Schema;
import dev.qapi.testsupport.SharedMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QEMU 10.0.13's complete schema ({@code ../shared/qemu-qapi}) loads without error and yields the
 * model QEMU's own front end builds: the same number of entities of every kind (measured with
 * {@code tools/qemu-oracle/oracle.py --counts}) and, entity by entity, the same dump.
 */
class QemuSchemaTest {
    private static Schema schema;

    @BeforeAll
    static void load() {
        Path dir = SharedMaterial.qemuSchemaDir();
        schema = SchemaLoader.load(dir, "qapi-schema.json");
    }

    @Test
    void holdsEveryEntityQemuHolds() throws IOException {
        String json = resource("/qemu-full/counts.json");
        Map<String, Integer> all = new TreeMap<>();
        Map<String, Integer> defined = new TreeMap<>();
        for (Entity e : schema.entities()) {
            String kind = kindOf(e);
            all.merge(kind, 1, Integer::sum);
            boolean implicit = e instanceof Definition d && d.isImplicit();
            if (e.info() != null && !implicit) {
                defined.merge(kind, 1, Integer::sum);
            }
        }
        int definedAt = json.indexOf("\"defined\"");
        assertEquals(counts(json.substring(0, definedAt)), all, "all entities by kind");
        Map<String, Integer> expectedDefined = counts(json.substring(definedAt));
        expectedDefined.values().removeIf(n -> n == 0);
        assertEquals(expectedDefined, defined, "entities written in the schema files, by kind");
    }

    @Test
    void dumpEqualsQemusDump() throws IOException {
        String expected;
        try (InputStream in = new GZIPInputStream(
                QemuSchemaTest.class.getResourceAsStream("/qemu-full/qapi-schema.dump.gz"))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String actual = SchemaDump.dump(schema);
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            for (int i = 0; i < Math.min(e.length, a.length); i++) {
                assertEquals(e[i], a[i], "first difference at dump line " + (i + 1));
            }
            assertEquals(e.length, a.length, "dump line count");
        }
    }

    private static String kindOf(Entity e) {
        if (e instanceof Include) {
            return "include";
        }
        if (e instanceof Command) {
            return "command";
        }
        if (e instanceof Event) {
            return "event";
        }
        if (e instanceof EnumType) {
            return "enum";
        }
        if (e instanceof ObjectType) {
            return "object";
        }
        if (e instanceof AlternateType) {
            return "alternate";
        }
        if (e instanceof ArrayType) {
            return "array";
        }
        if (e instanceof BuiltinType) {
            return "builtin";
        }
        throw new AssertionError(e);
    }

    private static Map<String, Integer> counts(String json) {
        Map<String, Integer> out = new TreeMap<>();
        Matcher m = Pattern.compile("\"([a-z]+)\": (\\d+)").matcher(json);
        while (m.find()) {
            out.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = QemuSchemaTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
