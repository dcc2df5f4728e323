package dev.qapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code qapi-gen compat}: findings on stdout, summary on stderr, exit 0/1/2/3. */
class QapiGenCompatTest extends CliTest {
    private static final String OLD = "{ 'command': 'stop' }\n{ 'command': 'cont', 'data': { '*force': 'bool' } }\n";

    @Test
    void noBreakingFindingExitsZero() throws Exception {
        String old = write("old.json", OLD);
        String neu = write("new.json", OLD + "{ 'command': 'quit' }\n");
        assertEquals(0, run("compat", old, neu));
        assertEquals("", stdout());
        assertEquals("qapi-gen compat: 0 findings: 0 breaking, 0 deprecated-removal, 0 java-source-only, 0 note\n",
                stderr());
    }

    @Test
    void breakingFindingsExitOneWithOneLineEach() throws Exception {
        String old = write("old.json", OLD);
        String neu = write("new.json", "{ 'command': 'cont', 'data': { 'force': 'bool' } }\n");
        assertEquals(1, run("compat", old, neu));
        assertEquals("breaking: stop: command-removed (old: command at " + old + ":1)\n"
                + "breaking: cont/arg-type/*force: member-made-mandatory (old: optional at " + old
                + ":2; new: mandatory at " + neu + ":1)\n", stdout());
    }

    @Test
    void jsonFormat() throws Exception {
        String old = write("old.json", OLD);
        String neu = write("new.json", "{ 'command': 'cont', 'data': { '*force': 'bool' } }\n");
        assertEquals(1, run("compat", "--format", "json", old, neu));
        assertTrue(stdout().startsWith("{\n  \"findings\" : [ {\n    \"path\" : \"stop\",\n"), stdout());
    }

    @Test
    void introspectionDataIsAnInput() throws Exception {
        String old = write("old.json", OLD);
        assertEquals(0, run("introspect", old));
        String data = write("old-introspect.json", stdout());
        assertEquals(0, run("compat", data, old));
        assertEquals(0, run("compat", old, data));
    }

    @Test
    void invalidInputExitsThreeWithTheLocatedMessage() throws Exception {
        String old = write("old.json", OLD);
        String bad = write("bad.json", "{ 'command': 'x', 'data': 'Nope' }\n");
        assertEquals(3, run("compat", old, bad));
        assertEquals(bad + ": In command 'x':\n" + bad + ":1: command's 'data' uses unknown type 'Nope'\n", stderr());
        assertEquals("", stdout());
        assertEquals(3, run("compat", old, tmp.resolve("missing.json").toString()));
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        String old = write("old.json", OLD);
        assertEquals(2, run("compat", old));
        assertTrue(stderr().startsWith("qapi-gen compat: NEW is needed\nusage: qapi-gen compat "), stderr());
        assertEquals(2, run("compat", "--format", "xml", old, old));
        assertEquals(2, run("compat", "--bogus", old, old));
        assertEquals(2, run("compat", old, old, old));
    }
}
