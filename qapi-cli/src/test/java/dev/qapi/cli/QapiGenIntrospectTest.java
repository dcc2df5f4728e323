package dev.qapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code qapi-gen introspect}: the JSON on stdout, options, exit statuses and messages. */
class QapiGenIntrospectTest extends CliTest {
    private static final String SCHEMA = """
            { 'enum': 'Mode', 'data': [ 'fast', { 'name': 'safe', 'if': 'HAVE_SAFE' } ] }
            { 'command': 'set-mode', 'data': { 'mode': 'Mode', '*level': 'uint8' } }
            """;

    @Test
    void printsMaskedDataWithEveryConditionHolding() throws IOException {
        assertEquals(0, run("introspect", write("s.json", SCHEMA)), this::stderr);
        assertEquals("""
                [
                {"arg-type":"0","ret-type":"1","name":"set-mode","meta-type":"command"},
                {"members":[{"name":"mode","type":"2"},{"name":"level","type":"int","default":null}],\
                "name":"0","meta-type":"object"},
                {"members":[],"name":"1","meta-type":"object"},
                {"members":[{"name":"fast"},{"name":"safe"}],"values":["fast","safe"],"name":"2","meta-type":"enum"},
                {"json-type":"int","name":"int","meta-type":"builtin"}
                ]
                """, stdout());
        assertEquals("", stderr());
    }

    @Test
    void unmaskAndDefinesApply() throws IOException {
        String schema = write("s.json", SCHEMA);
        assertEquals(0, run("introspect", "-u", "-D", "OTHER", schema), this::stderr);
        assertTrue(stdout().contains("{\"members\":[{\"name\":\"fast\"}],\"values\":[\"fast\"],\"name\":\"Mode\","),
                stdout());
    }

    @Test
    void joinedDefineAndLongUnmaskAreAccepted() throws IOException {
        String schema = write("s.json", SCHEMA);
        assertEquals(0, run("introspect", "--unmask-non-abi-names", "-DHAVE_SAFE", schema), this::stderr);
        assertTrue(stdout().contains("\"values\":[\"fast\",\"safe\"],\"name\":\"Mode\","), stdout());
    }

    @Test
    void ourOwnSchemaIntrospects() {
        assertEquals(0, run("introspect", Path.of("..", "schemas", "qapi-schema.json").toString()), this::stderr);
        assertTrue(stdout().startsWith("[\n{\"arg-type\":") && stdout().endsWith("\n]\n"), stdout());
    }

    @Test
    void invalidSchemaExitsOneWithQemuMessageAndNoOutput() throws IOException {
        String bad = write("bad.json", "{ 'command': 'go',\n  'data': { 'x': 'Nope' } }\n");
        assertEquals(1, run("introspect", "-u", bad));
        assertEquals(bad + ": In command 'go':\n" + bad + ":1: parameter 'x' uses unknown type 'Nope'\n", stderr());
        assertEquals("", stdout());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        String schema = write("s.json", SCHEMA);
        assertEquals(2, run("introspect"));
        assertEquals(2, run("introspect", "-u"));
        assertEquals(2, run("introspect", schema, schema));
        assertEquals(2, run("introspect", "--bogus", schema));
        assertEquals(2, run("introspect", schema, "-D"));
        assertTrue(stderr().contains("usage: qapi-gen introspect [-u] [-D SYMBOL]... SCHEMA.json"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void helpListsIntrospect() {
        assertEquals(0, run("--help"));
        assertTrue(stdout().contains("introspect [-u] [-D SYMBOL]... SCHEMA.json"), stdout());
    }
}
