package dev.qapi.generator.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.generator.output.WriteResult;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference documentation of {@code src/test/resources/doc/everything.json}, a schema using every
 * construct (QEMU's generator accepts it too): what each construct becomes, links, determinism, and the
 * whole site against the checked-in golden copy under {@code src/test/golden/doc}.
 *
 * <p>After an intended change, refresh the golden copy with
 * {@code mvn -T1 -pl qapi-generator -am test -Dtest=DocGeneratorTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class DocGeneratorTest {
    static final Path SCHEMA_DIR = Path.of("src/test/resources/doc");
    static final Path GOLDEN = Path.of("src/test/golden/doc");

    private static final GeneratedFiles SITE = generate(DocOptions.DEFAULT);

    private static GeneratedFiles generate(DocOptions options) {
        Schema schema = SchemaLoader.load(SCHEMA_DIR, "everything.json");
        return DocGenerator.generate(schema, options);
    }

    private static String page(String path) {
        return SITE.file(path).orElseThrow(() -> new AssertionError("no " + path)).text();
    }

    private static String entry(String page, String id) {
        String html = page(page);
        int start = html.indexOf("<section class=\"entry");
        start = html.indexOf("id=\"" + id + "\"", start);
        assertTrue(start >= 0, "no entry " + id + " on " + page);
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void siteIsTheGoldenCopy() throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            try (Stream<Path> old = Files.exists(GOLDEN) ? Files.list(GOLDEN) : Stream.empty()) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            SITE.writeTo(GOLDEN);
        }
        Set<String> expected = new TreeSet<>();
        for (GeneratedFile f : SITE.files()) {
            expected.add(f.path());
            Path golden = GOLDEN.resolve(f.path());
            assertEquals(Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing>",
                    f.text(), "generated " + f.path() + " differs from " + golden);
        }
        try (Stream<Path> present = Files.list(GOLDEN)) {
            assertEquals(expected, new TreeSet<>(present.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void indexThenOnePagePerModuleInEachFormatAndTheStylesheet() {
        assertEquals(List.of("index.html", "everything.html", "sub-extras.html", "index.md", "everything.md",
                "sub-extras.md", "qapi-doc.css"), SITE.files().stream().map(GeneratedFile::path).toList());
    }

    @Test
    void everyInternalLinkResolvesAndIdsAreUnique() {
        assertEquals(List.of(), SiteCheck.problems(SITE, DocFormat.HTML));
        assertEquals(List.of(), SiteCheck.problems(SITE, DocFormat.MARKDOWN));
    }

    @Test
    void sameBytesOnEveryRun() {
        assertEquals(SITE, generate(DocOptions.DEFAULT));
    }

    @Test
    void titleComesFromTheMainFilesFirstHeadingUnlessGiven() {
        assertTrue(page("index.html").contains("<title>Everything reference</title>"));
        assertTrue(page("index.md").startsWith("# Everything reference\n"));
        GeneratedFiles titled = generate(DocOptions.DEFAULT.withTitle("My Reference"));
        assertTrue(titled.file("index.html").orElseThrow().text().contains("<h1>My Reference</h1>"));
        assertTrue(titled.file("sub-extras.md").orElseThrow().text().startsWith("[My Reference](index.md) › "));
    }

    @Test
    void formatsCanBeChosen() {
        GeneratedFiles md = generate(DocOptions.DEFAULT.withFormats(EnumSet.of(DocFormat.MARKDOWN)));
        assertEquals(List.of("index.md", "everything.md", "sub-extras.md"),
                md.files().stream().map(GeneratedFile::path).toList());
        GeneratedFiles html = generate(DocOptions.DEFAULT.withFormats(EnumSet.of(DocFormat.HTML)));
        assertEquals(List.of("index.html", "everything.html", "sub-extras.html", "qapi-doc.css"),
                html.files().stream().map(GeneratedFile::path).toList());
    }

    @Test
    void tableOfContentsListsModulesWithTheirHeadingsAndTheIndexEveryDefinition() {
        String index = page("index.html");
        assertTrue(index.contains("<li><a href=\"everything.html\">Everything reference</a>"), index);
        assertTrue(index.contains("<a href=\"everything.html#sec-commands\">Commands</a>"));
        assertTrue(index.contains("<li><a href=\"sub-extras.html\">Extras</a> <span class=\"toc-module\">sub/extras.json"));
        List<String> names = List.of("Base", "CANVAS_CLEARED", "Circle", "copy-circle", "draw", "Figure",
                "FIGURE_DRAWN", "IDLE", "list-points", "ping", "Point", "Polygon", "set-option", "Setting", "Shape",
                "Stroke", "StrokeBase", "StrokeKind");
        int last = -1;
        for (String name : names) {
            int at = index.indexOf("><code>" + name + "</code></a>", index.indexOf("id=\"index\""));
            assertTrue(at > last, name + " is missing from the index or out of order");
            last = at;
        }
        assertTrue(index.contains("<a href=\"everything.html#command-copy-circle\"><code>copy-circle</code></a> "
                + "<span class=\"badge badge-deprecated\">deprecated</span>"));
    }

    @Test
    void implicitTypesHaveNoEntryAndArgumentsAreListedOnTheirCommand() {
        for (GeneratedFile f : SITE.files()) {
            assertFalse(f.text().contains("q_obj_") || f.text().contains("q_empty") || f.text().contains("PointList"),
                    f.path() + " names an implicit type");
        }
        String setOption = entry("everything.html", "command-set-option");
        assertTrue(setOption.contains("<tr id=\"command-set-option.value\"><td class=\"field-name\"><code>value</code>"
                + "</td><td class=\"field-type\"><a href=\"#type-Setting\"><code>Setting</code></a></td>"), setOption);
        assertTrue(setOption.contains("<code>force</code><span class=\"optional\">optional</span><span class=\"badges\">"
                + "<span class=\"badge badge-unstable\">unstable</span></span>"), setOption);
        assertTrue(setOption.contains("<span class=\"badge badge-flag\">allow-preconfig</span>"));
    }

    @Test
    void namedArgumentTypesBasesAndBranchesArePointedTo() {
        assertTrue(entry("everything.html", "command-draw").contains(
                "<li>The members of <a href=\"#type-Figure\"><code>Figure</code></a>.</li>"));
        assertTrue(entry("everything.html", "event-CANVAS_CLEARED").contains(
                "<h4>Data</h4>\n<ul class=\"pointers\">\n<li>The members of <a href=\"#type-Circle\">"));
        assertTrue(entry("everything.html", "type-Point").contains(
                "<li>The members of <a href=\"sub-extras.html#type-Base\"><code>Base</code></a>.</li>"));
        String figure = entry("everything.html", "type-Figure");
        assertTrue(figure.contains("<code>shape</code><span class=\"badges\"><span class=\"badge badge-flag\">"
                + "discriminator</span></span>"), figure);
        assertTrue(figure.contains("<li>When <code>shape</code> is <code>circle</code>: the members of "
                + "<a href=\"#type-Circle\"><code>Circle</code></a>.</li>"), figure);
        assertTrue(figure.contains("the members of <a href=\"#type-Polygon\"><code>Polygon</code></a>. "
                + "<span class=\"badge badge-condition\">if HAVE_POLYGONS</span></li>"), figure);
        assertFalse(figure.contains("<code>triangle</code>"), "implicit empty branches are left out");
        String stroke = entry("everything.html", "type-Stroke");
        assertTrue(stroke.contains("The members of <a href=\"sub-extras.html#type-StrokeBase\">"), stroke);
        assertFalse(stroke.contains("discriminator"), "a named base's discriminator is documented on the base");
    }

    @Test
    void membersShowTypesOptionalityFeaturesAndConditions() {
        String point = entry("everything.html", "type-Point");
        assertTrue(point.contains("<tr id=\"type-Point.y\" class=\"is-deprecated\"><td class=\"field-name\"><code>y</code>"
                + "<span class=\"optional\">optional</span><span class=\"badges\"><span class=\"badge badge-deprecated\">"
                + "deprecated</span></span></td><td class=\"field-type\"><code>uint64</code></td>"
                + "<td class=\"field-text\">down; an unsigned value that is\ndescribed on two lines</td></tr>"), point);
        assertTrue(point.contains("<span class=\"badge badge-condition\">if HAVE_Z and not NO_DEPTH</span>"));
        assertTrue(point.contains("<td class=\"field-type\">[<code>str</code>]</td>"), "arrays as [T]");
        assertTrue(point.contains("<h4>Features</h4>"));
        assertTrue(point.contains("<td class=\"field-text\"><code>y</code> is going away; use <code>x</code></td>"));
        assertFalse(point.contains("nothing to see here"), "TODO sections are left out");
        String polygon = entry("everything.html", "type-Polygon");
        assertTrue(polygon.contains("<td class=\"field-type\">[<a href=\"#type-Point\"><code>Point</code></a>]</td>"));
        assertTrue(polygon.contains("<p class=\"badges\"><span class=\"badge badge-condition\">if HAVE_POLYGONS"));
    }

    @Test
    void enumValuesAlternativesAndDefinitionFeatures() {
        String shape = entry("everything.html", "type-Shape");
        assertTrue(shape.contains("<h4>Values</h4>"));
        assertTrue(shape.contains("<tr id=\"type-Shape.triangle\"><td class=\"field-name\"><code>triangle</code>"
                + "<span class=\"badges\"><span class=\"badge badge-unstable\">unstable</span></span></td>"), shape);
        assertTrue(shape.contains("<span class=\"badge badge-condition\">if HAVE_SIX or HAVE_HEX</span>"));
        assertTrue(shape.contains("<code>palette</code><span class=\"badges\"><span class=\"badge badge-condition\">"
                + "if HAVE_PALETTE</span></span></td><td class=\"field-text\">shapes come from a palette</td>"), shape);
        String setting = entry("everything.html", "type-Setting");
        assertTrue(setting.contains("<h4>Alternatives</h4>"));
        assertTrue(setting.contains("<code>levels</code></td><td class=\"field-type\">[<code>uint8</code>]</td>"));
        String copy = entry("everything.html", "command-copy-circle");
        assertTrue(copy.startsWith("id=\"command-copy-circle\">"));
        assertTrue(page("everything.html").contains("<section class=\"entry entry-command is-deprecated\" "
                + "id=\"command-copy-circle\">"));
    }

    @Test
    void returnsErrorsSinceAndExamples() {
        String draw = entry("everything.html", "command-draw");
        assertTrue(draw.contains("<span class=\"since\">Since 1.0</span>"));
        assertTrue(draw.contains("<p class=\"returns\"><span class=\"returns-type\"><a href=\"#type-Point\">"
                + "<code>Point</code></a></span> — where the pen stopped</p>"), draw);
        assertTrue(draw.contains("<h4>Errors</h4>\n<ul>\n<li>GenericError if the canvas is full</li>"));
        assertTrue(draw.contains("<p class=\"example-title\">Example: Draw a circle</p>\n<pre class=\"qmp\">"
                + "<span class=\"qmp-send\">-&gt; { \"execute\": \"draw\",</span>"), draw);
        assertTrue(draw.contains("<p>An annotated example explains itself first:</p>\n<pre class=\"qmp\">"), draw);
        assertTrue(draw.contains("<span class=\"qmp-recv\">&lt;- { \"return\": { \"id\": 0"));
        assertTrue(entry("everything.html", "command-list-points").contains(
                "<span class=\"returns-type\">[<a href=\"#type-Point\"><code>Point</code></a>]</span> — every point"));
        String ping = entry("everything.html", "command-ping");
        assertTrue(ping.contains("<span class=\"badge badge-flag\">no success response</span>"));
        assertFalse(ping.contains("<h4>Returns</h4>"));
    }

    @Test
    void freeFormDocsBecomeHeadingsAndText() {
        String html = page("everything.html");
        assertTrue(html.contains("<h1 id=\"sec-everything-reference\">Everything reference</h1>"));
        assertTrue(html.contains("<h2 id=\"sec-types\">Types</h2>\n<p>Enumerations, structures, unions and alternates.</p>"));
        assertTrue(html.contains("See\n<em>the QMP specification</em> and\n"
                + "<a href=\"https://www.qemu.org/docs/master/\">https://www.qemu.org/docs/master/</a> for more."), html);
        assertTrue(html.contains("<ul>\n<li>a bullet with <code>literal</code> text</li>\n"
                + "<li>a second bullet that refers to <a href=\"#type-Shape\"><code>Shape</code></a> and\n"
                + "continues on a second line</li>\n</ul>"), html);
        assertTrue(html.contains("<ol>\n<li>first step</li>\n<li>second step, see <a href=\"#command-draw\">"));
        assertTrue(html.contains("<p>A literal block follows:</p>\n<pre>$ qapi-gen doc -o out schema.json</pre>"));
        assertTrue(html.contains("<div class=\"admonition\">\n<p class=\"admonition-title\">Note</p>\n"
                + "<p>Notes are shown as admonitions that may\nspan lines.</p>\n</div>"), html);
        assertTrue(html.contains("<p class=\"admonition-title\">Remember</p>\n<p>Admonitions have <strong>titles</strong>"
                + " and <em>emphasis</em>.</p>"));
        assertTrue(html.contains("<caption>Valid combinations</caption>\n<thead><tr><th>input</th><th>valid</th></tr>"
                + "</thead>\n<tbody>\n<tr><td>absent</td><td>no</td></tr>\n<tr><td>fd</td><td>yes</td></tr>"), html);
    }

    @Test
    void markdownCarriesTheSameContentWithExplicitAnchors() {
        String md = page("everything.md");
        assertTrue(md.startsWith("[Everything reference](index.md) › `everything.json`\n"));
        assertTrue(md.contains("### <a id=\"command-draw\"></a>Command `draw`\n\n*Since 1.0* · **unstable** · `allow-oob`"));
        assertTrue(md.contains("- <a id=\"type-Point.y\"></a>**`y`** (`uint64`, optional) · **deprecated**: "
                + "down; an unsigned value that is described on two lines"), md);
        assertTrue(md.contains("- The members of [`Base`](sub-extras.md#type-Base)."));
        assertTrue(md.contains("#### Returns\n\n\\[[`Point`](#type-Point)\\] — every point"));
        assertTrue(md.contains("**Example: Draw a circle**\n\n```\n-> { \"execute\": \"draw\","));
        assertTrue(md.contains("> **Note**\n>\n> Notes are shown as admonitions that may span lines."));
        assertTrue(md.contains("| input | valid |\n| --- | --- |\n| absent | no |"));
        assertTrue(page("index.md").contains("- [`StrokeKind`](sub-extras.md#type-StrokeKind) — enum, `sub/extras.json`"));
    }

    @Test
    void undocumentedSchemasStillGetEveryEntry(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bare.json"), """
                { 'enum': 'Mode', 'data': [ 'fast', 'safe' ] }
                { 'command': 'set-mode', 'data': { 'mode': 'Mode' }, 'features': [ 'deprecated' ] }
                """);
        GeneratedFiles site = DocGenerator.generate(SchemaLoader.load(dir, "bare.json"), DocOptions.DEFAULT);
        String html = site.file("bare.html").orElseThrow().text();
        assertTrue(html.contains("<title>bare.json — bare</title>"), "titled after the file without a heading");
        assertTrue(html.contains("id=\"type-Mode.safe\"><td class=\"field-name\"><code>safe</code></td>"
                + "<td class=\"field-text\"><em>Not documented</em></td>"), html);
        assertTrue(html.contains("<code>deprecated</code></td><td class=\"field-text\"><em>Not documented</em>"));
        assertEquals(List.of(), SiteCheck.problems(site, DocFormat.HTML));
        assertEquals(List.of(), SiteCheck.problems(site, DocFormat.MARKDOWN));
    }

    @Test
    void writeToLeavesUnchangedFilesAlone(@TempDir Path dir) throws IOException {
        assertEquals(new WriteResult(7, 0), SITE.writeTo(dir));
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("index.html"), before);
        Files.writeString(dir.resolve("everything.md"), "stale");
        assertEquals(new WriteResult(1, 6), SITE.writeTo(dir));
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("index.html")));
        assertEquals(page("everything.md"), Files.readString(dir.resolve("everything.md")));
    }
}
