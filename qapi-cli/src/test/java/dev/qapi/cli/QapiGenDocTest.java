package dev.qapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/** {@code qapi-gen doc}: the pages written, formats, title, unchanged files left alone, exit statuses. */
class QapiGenDocTest extends CliTest {
    private static final String SCHEMA = """
            ##
            # = Modes
            ##

            ##
            # @Mode:
            #
            # How to go.
            #
            # @fast: quickly
            #
            # @safe: carefully
            #
            # Since: 1.0
            ##
            { 'enum': 'Mode', 'data': [ 'fast', 'safe' ] }

            ##
            # @set-mode:
            #
            # Sets the mode.
            #
            # @mode: the new mode
            #
            # Since: 1.0
            ##
            { 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
            """;

    private String schema() throws IOException {
        return write("modes.json", SCHEMA);
    }

    @Test
    void writesBothFormatsByDefaultThenLeavesUnchangedFilesAlone() throws IOException {
        String schema = schema();
        Path dir = tmp.resolve("site");
        assertEquals(0, run("doc", "-o", dir.toString(), schema), this::stderr);
        assertEquals("qapi-gen: 5 files, 5 written, 0 unchanged\n", stdout());
        String page = Files.readString(dir.resolve("modes.html"));
        assertTrue(page.contains("<section class=\"entry entry-command\" id=\"command-set-mode\">"), page);
        assertTrue(page.contains("<a href=\"#type-Mode\"><code>Mode</code></a>"));
        assertTrue(Files.readString(dir.resolve("index.md")).startsWith("# Modes\n"));
        assertTrue(Files.exists(dir.resolve("modes.md")));
        assertTrue(Files.exists(dir.resolve("qapi-doc.css")));
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("index.html"), before);
        assertEquals(0, run("doc", "-o", dir.toString(), schema), this::stderr);
        assertEquals("qapi-gen: 5 files, 0 written, 5 unchanged\n", stdout());
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("index.html")));
    }

    @Test
    void formatAndTitleOptions() throws IOException {
        String schema = schema();
        Path html = tmp.resolve("html");
        assertEquals(0, run("doc", "--format", "html", "--title", "Mode Reference", "-o", html.toString(), schema),
                this::stderr);
        assertTrue(Files.readString(html.resolve("index.html")).contains("<h1>Mode Reference</h1>"));
        assertFalse(Files.exists(html.resolve("index.md")));
        Path md = tmp.resolve("md");
        assertEquals(0, run("doc", "-o", md.toString(), "--format", "markdown", schema), this::stderr);
        assertEquals("qapi-gen: 2 files, 2 written, 0 unchanged\n", stdout());
        assertFalse(Files.exists(md.resolve("index.html")));
        assertFalse(Files.exists(md.resolve("qapi-doc.css")));
    }

    @Test
    void badUsageExitsTwoAndBadSchemaExitsOne() throws IOException {
        String schema = schema();
        assertEquals(2, run("doc", schema));
        assertTrue(stderr().startsWith("qapi-gen doc: no output directory given (-o DIR)\nusage: qapi-gen doc -o DIR"), this::stderr);
        assertEquals(2, run("doc", "-o", tmp.toString()));
        assertTrue(stderr().contains("no schema file given"), this::stderr);
        assertEquals(2, run("doc", "-o", tmp.toString(), "--format", "pdf", schema));
        assertTrue(stderr().contains("unknown format 'pdf' (html, markdown or both)"), this::stderr);
        assertEquals(2, run("doc", "-o", tmp.toString(), "--format"));
        assertTrue(stderr().contains("--format needs html, markdown or both"), this::stderr);
        assertEquals(2, run("doc", "-o", tmp.toString(), "-x", schema));
        assertTrue(stderr().contains("unknown option '-x'"), this::stderr);
        assertEquals(2, run("doc", "-o", tmp.toString(), schema, schema));
        assertTrue(stderr().contains("only one schema file may be given"), this::stderr);
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{ 'command': 'go', 'data': { 'mode': 'Nope' } }\n");
        assertEquals(1, run("doc", "-o", tmp.resolve("never").toString(), bad.toString()));
        assertEquals(bad + ": In command 'go':\n" + bad + ":1: parameter 'mode' uses unknown type 'Nope'\n", stderr());
        assertFalse(Files.exists(tmp.resolve("never")), "nothing is written for an invalid schema");
    }

    @Test
    void usageListsTheSubcommand() {
        assertEquals(0, run("--help"));
        assertTrue(stdout().contains("  qapi-gen doc -o DIR [--format html|markdown|both] [--title TITLE] SCHEMA.json\n"
                + "      write the schema's reference documentation (HTML and/or Markdown)\n"), this::stdout);
    }
}
