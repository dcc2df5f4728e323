package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** libvirt's schema path queries over a small introspection array of our own. */
class QmpSchemaTest {
    // A command `attach` taking a flat union (discriminator `driver`: `file` or `null-co`), an event
    // `DONE`, a list-returning query, an alternate and an enum in both of QEMU's introspection forms.
    private static final String SCHEMA = """
            [
             {"name": "attach", "meta-type": "command", "arg-type": "1", "ret-type": "0", "features": ["unstable"]},
             {"name": "query-things", "meta-type": "command", "arg-type": "0", "ret-type": "[3]"},
             {"name": "DONE", "meta-type": "event", "arg-type": "4"},
             {"name": "0", "meta-type": "object", "members": []},
             {"name": "1", "meta-type": "object", "tag": "driver",
              "members": [{"name": "driver", "type": "2"}, {"name": "node-name", "default": null, "type": "str"},
                          {"name": "size", "default": null, "type": "5"}],
              "variants": [{"case": "file", "type": "6"}, {"case": "null-co", "type": "0"}]},
             {"name": "2", "meta-type": "enum", "members": [{"name": "file"}, {"name": "null-co"}], "values": ["file", "null-co"]},
             {"name": "3", "meta-type": "object", "members": [{"name": "name", "type": "str"}]},
             {"name": "[3]", "meta-type": "array", "element-type": "3"},
             {"name": "4", "meta-type": "object", "members": [{"name": "status", "type": "7"}]},
             {"name": "5", "meta-type": "alternate", "members": [{"type": "int"}, {"type": "str"}]},
             {"name": "6", "meta-type": "object", "members": [{"name": "filename", "type": "str"},
              {"name": "aio", "default": null, "type": "8"}], "features": ["dynamic-auto-read-only"]},
             {"name": "7", "meta-type": "enum", "values": ["ok", "failed"]},
             {"name": "8", "meta-type": "enum", "members": [{"name": "threads"}, {"name": "native"},
              {"name": "io_uring", "features": ["unstable"]}], "values": ["threads", "native", "io_uring"]},
             {"name": "int", "meta-type": "builtin", "json-type": "int"},
             {"name": "str", "meta-type": "builtin", "json-type": "string"}
            ]""";

    private static QmpSchema schema() throws Exception {
        return QmpSchema.of(new ObjectMapper().readTree(SCHEMA));
    }

    @Test
    void commandsAndEventsAreListed() throws Exception {
        QmpSchema s = schema();
        assertEquals(Set.of("attach", "query-things"), s.commands());
        assertEquals(Set.of("DONE"), s.events());
        assertTrue(s.hasCommand("attach"));
        assertFalse(s.hasCommand("DONE"));
    }

    @Test
    void pathsFollowMembersVariantsAndEnumValues() throws Exception {
        QmpSchema s = schema();
        assertTrue(s.has("attach"));
        assertTrue(s.has("attach/arg-type/+file/aio/^io_uring"));
        assertFalse(s.has("attach/arg-type/+file/aio/^posix"));
        assertFalse(s.has("attach/arg-type/+nbd"));
        assertTrue(s.has("attach/arg-type/driver/^null-co"));
        assertFalse(s.has("nonexistent/arg-type"));
        assertFalse(s.has("attach/no-such-attribute"));
        assertEquals("6", s.lookup("attach/arg-type/+file").orElseThrow().get("name").asText());
        assertTrue(s.lookup("attach/arg-type/driver/^file").isEmpty(), "a yes/no answer reaches no type");
    }

    @Test
    void starAsksForAnOptionalMember() throws Exception {
        QmpSchema s = schema();
        assertTrue(s.has("attach/arg-type/*node-name"));
        assertFalse(s.has("attach/arg-type/*driver"));
        assertTrue(s.has("attach/arg-type/driver"));
    }

    @Test
    void arraysAreFollowedTransparently() throws Exception {
        QmpSchema s = schema();
        assertTrue(s.has("query-things/ret-type/name"));
        assertTrue(s.has("query-things/ret-type/name/!string"));
    }

    @Test
    void alternatesAreTriedBranchByBranch() throws Exception {
        QmpSchema s = schema();
        assertTrue(s.has("attach/arg-type/size/!int"));
        assertTrue(s.has("attach/arg-type/size/!string"));
        assertFalse(s.has("attach/arg-type/size/!boolean"));
    }

    @Test
    void featuresOfTypesCommandsAndEnumValues() throws Exception {
        QmpSchema s = schema();
        assertTrue(s.has("attach/$unstable"));
        assertFalse(s.has("query-things/$unstable"));
        assertTrue(s.has("attach/arg-type/+file/$dynamic-auto-read-only"));
        assertTrue(s.has("attach/arg-type/+file/aio/^io_uring/$unstable"));
        assertFalse(s.has("attach/arg-type/+file/aio/^threads/$unstable"));
    }

    @Test
    void oldStyleEnumsHaveValuesButNoFeatures() throws Exception {
        QmpSchema s = schema();
        assertTrue(s.has("DONE/arg-type/status/^failed"));
        assertFalse(s.has("DONE/arg-type/status/^failed/$unstable"));
    }

    @Test
    void yesNoComponentsMustComeLast() throws Exception {
        QmpSchema s = schema();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.has("attach/$unstable/arg-type"));
        assertEquals("schema path 'attach/$unstable/arg-type': '$unstable' is a yes/no question and must come last",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.has("attach/arg-type/size/!int/more"));
        assertThrows(IllegalArgumentException.class, () -> s.has("attach/arg-type/driver/^file/nope"));
    }

    @Test
    void aSchemaNamingAnUndefinedTypeIsReported() throws Exception {
        QmpSchema s = QmpSchema.of(new ObjectMapper().readTree(
                "[{\"name\": \"c\", \"meta-type\": \"command\", \"arg-type\": \"9\", \"ret-type\": \"9\"}]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.has("c/arg-type"));
        assertEquals("schema path 'c/arg-type': the schema names type '9' but does not define it", e.getMessage());
    }
}
