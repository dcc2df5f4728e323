package dev.qapi.generator.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SiteCheck} finds what it is there to find, so that its silence on real sites means something. */
class SiteCheckTest {

    @Test
    void reportsMissingPagesAnchorsDuplicateIdsAndUnbalancedHtml() {
        GeneratedFiles site = new GeneratedFiles(List.of(
                new GeneratedFile(GeneratedFile.Kind.DOC, "index.html", "<p id=\"a\"><a href=\"page.html#b\">b</a> <a href=\"gone.html\">x</a>"
                        + " <a href=\"#nowhere\">y</a> <a href=\"https://example.com/#z\">z</a></p>"),
                new GeneratedFile(GeneratedFile.Kind.DOC, "page.html", "<div id=\"b\"><span id=\"b\"></div></span>")));
        assertEquals(List.of(
                "index.html: link to missing anchor #nowhere",
                "index.html: link to missing page gone.html",
                "page.html: id 'b' used twice",
                "page.html: unbalanced </div> at offset 25"),
                SiteCheck.problems(site, DocFormat.HTML).stream().sorted().toList());
    }

    @Test
    void markdownLinksInCodeAreNotLinks() {
        GeneratedFiles site = new GeneratedFiles(List.of(
                new GeneratedFile(GeneratedFile.Kind.DOC, "index.md", "# <a id=\"top\"></a>Top\n\n[ok](page.md#p) `[not](a.md)`\n\n```\n[nor](b.md)\n```\n"
                        + "[broken](page.md#q)\n"),
                new GeneratedFile(GeneratedFile.Kind.DOC, "page.md", "- <a id=\"p\"></a>p\n")));
        assertEquals(List.of("index.md: link to missing anchor page.md#q"), SiteCheck.problems(site, DocFormat.MARKDOWN));
    }
}
