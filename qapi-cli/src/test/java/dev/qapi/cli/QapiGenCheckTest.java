package dev.qapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code qapi-gen check}: exit statuses and QEMU-style messages on stderr. */
class QapiGenCheckTest extends CliTest {

    @Test
    void validSchemaExitsZeroAndPrintsNothing() throws IOException {
        String ok = write("ok.json", "{ 'enum': 'Color', 'data': [ 'red' ] }\n");
        assertEquals(0, run("check", ok));
        assertEquals("", stderr());
        assertEquals("", stdout());
    }

    @Test
    void ourOwnSchemaIsValid() {
        assertEquals(0, run("check", Path.of("..", "schemas", "qapi-schema.json").toString()), this::stderr);
    }

    @Test
    void invalidSchemaExitsOneWithContextAndLocation() throws IOException {
        String bad = write("bad.json", "{ 'struct': 'Point',\n  'data': { 'x': 'Nope' } }\n");
        assertEquals(1, run("check", bad));
        assertEquals(bad + ": In struct 'Point':\n" + bad + ":1: member 'x' uses unknown type 'Nope'\n", stderr());
    }

    @Test
    void everySchemaIsCheckedAndAnyErrorFails() throws IOException {
        String ok = write("ok.json", "{ 'enum': 'Color', 'data': [ 'red' ] }\n");
        String bad = write("bad.json", "{ 'enum': 'color', 'data': [] }\n");
        assertEquals(1, run("check", bad, ok, bad));
        assertEquals(2, stderr().lines().filter(l -> l.endsWith(":1: name of enum must use CamelCase")).count(),
                stderr());
    }

    @Test
    void missingFileIsReportedLikeAnyOtherError() {
        String missing = tmp.resolve("missing.json").toString();
        assertEquals(1, run("check", missing));
        assertEquals("can't read schema file '" + missing + "': No such file or directory\n", stderr());
    }

    @Test
    void syntaxErrorCarriesColumn() throws IOException {
        String bad = write("syntax.json", "{ 'enum': 'Color',\n\t'data': [ 'red' ] ]\n");
        assertEquals(1, run("check", bad));
        assertEquals(bad + ":2:19: expected ',' or '}'\n", stderr());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run());
        assertEquals(2, run("check"));
        assertEquals(2, run("frobnicate", "x.json"));
        assertEquals(2, run("check", "--bogus", "x.json"));
        assertTrue(stderr().contains("usage:"), stderr());
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(stdout().contains("check SCHEMA.json..."));
    }
}
