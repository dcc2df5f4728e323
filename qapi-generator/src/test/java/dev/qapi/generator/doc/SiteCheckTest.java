package dev.qapi.generator.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SiteCheck} finds what it is there to find, so that its silence on real sites means something. */
class SiteCheckTest {

    @Test
    void reportsMissingPagesAnchorsDuplicateIdsAndUnbalancedHtml() {
        DocFiles site = new DocFiles(List.of(
                new DocFile("index.html", "<p id=\"a\"><a href=\"page.html#b\">b</a> <a href=\"gone.html\">x</a>"
                        + " <a href=\"#nowhere\">y</a> <a href=\"https://example.com/#z\">z</a></p>"),
                new DocFile("page.html", "<div id=\"b\"><span id=\"b\"></div></span>")));
        assertEquals(List.of(
                "index.html: link to missing anchor #nowhere",
                "index.html: link to missing page gone.html",
                "page.html: id 'b' used twice",
                "page.html: unbalanced </div> at offset 25"),
                SiteCheck.problems(site, DocFormat.HTML).stream().sorted().toList());
    }

    @Test
    void markdownLinksInCodeAreNotLinks() {
        DocFiles site = new DocFiles(List.of(
                new DocFile("index.md", "# <a id=\"top\"></a>Top\n\n[ok](page.md#p) `[not](a.md)`\n\n```\n[nor](b.md)\n```\n"
                        + "[broken](page.md#q)\n"),
                new DocFile("page.md", "- <a id=\"p\"></a>p\n")));
        assertEquals(List.of("index.md: link to missing anchor page.md#q"), SiteCheck.problems(site, DocFormat.MARKDOWN));
    }
}
