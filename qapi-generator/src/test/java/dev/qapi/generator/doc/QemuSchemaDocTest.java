package dev.qapi.generator.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Definition;
import dev.qapi.parser.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference documentation of QEMU's whole schema: a page per module, an entry per definition, no
 * broken internal link in either format, and no doc markup left unconverted.
 */
class QemuSchemaDocTest {
    private static Schema schema;
    private static GeneratedFiles site;

    @BeforeAll
    static void generate() {
        schema = SchemaLoader.load(SharedMaterial.qemuSchemaDir(), "qapi-schema.json");
        site = DocGenerator.generate(schema, DocOptions.DEFAULT.withTitle("QEMU QMP Reference Manual"));
    }

    @Test
    void everyInternalHtmlLinkResolvesAndIdsAreUniquePerPage() {
        assertEquals(List.of(), SiteCheck.problems(site, DocFormat.HTML));
    }

    @Test
    void everyMarkdownLinkResolves() {
        assertEquals(List.of(), SiteCheck.problems(site, DocFormat.MARKDOWN));
    }

    @Test
    void everyDefinitionHasOneEntryAndOneIndexLine() {
        List<Definition> documented = schema.entities().stream()
                .filter(SiteMap::hasEntry).map(Definition.class::cast).toList();
        int entries = 0;
        for (GeneratedFile f : site.files()) {
            if (f.path().endsWith(".html") && !f.path().equals("index.html")) {
                entries += count(f.text(), "<section class=\"entry ");
            }
        }
        assertEquals(documented.size(), entries);
        String index = site.file("index.html").orElseThrow().text();
        for (Definition d : documented) {
            assertTrue(index.contains("#" + SiteMap.anchor(d) + "\"><code>" + d.name() + "</code></a>"),
                    d.name() + " is missing from the index");
        }
        assertTrue(index.contains("<a href=\"block-core.html\">Block core (VM unrelated)</a>"));
        assertTrue(index.contains("<a href=\"ui.html#sec-spice\">Spice</a>"));
    }

    @Test
    void noDocMarkupIsLeftUnconverted() {
        Pattern leftover = Pattern.compile("<p>\\.\\. |<p>:\\w+:|:annotated:|:title:|``|<p>[-*] |<p>\\d+\\. ");
        List<String> found = new ArrayList<>();
        for (GeneratedFile f : site.files()) {
            if (f.path().endsWith(".html")) {
                Matcher m = leftover.matcher(f.text());
                while (m.find() && found.size() < 20) {
                    found.add(f.path() + ": " + f.text().substring(m.start(), Math.min(f.text().length(), m.start() + 80)));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void examplesAreQmpExchanges() {
        String migration = site.file("migration.html").orElseThrow().text();
        assertTrue(migration.contains("<p class=\"example-title\">Example: Migration is done and has succeeded</p>"));
        assertTrue(migration.contains("<span class=\"qmp-send\">-&gt; { \"execute\": \"query-migrate\" }</span>"));
        String net = site.file("net.html").orElseThrow().text();
        assertTrue(net.contains("<caption>Valid parameters combination table</caption>"), "simple tables");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
