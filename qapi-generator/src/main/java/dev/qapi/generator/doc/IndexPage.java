package dev.qapi.generator.doc;

import dev.qapi.generator.markup.Inline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The site's front page: the table of contents and the alphabetical index, made from the module pages. */
final class IndexPage {

    private IndexPage() {
    }

    static Page of(String title, List<Page> modulePages) {
        List<Page.ModuleContents> contents = new ArrayList<>();
        List<Page.IndexEntry> index = new ArrayList<>();
        for (Page page : modulePages) {
            List<Page.Heading> headings = new ArrayList<>();
            for (Page.Part part : page.parts()) {
                if (part instanceof Page.Heading h) {
                    headings.add(h);
                } else if (part instanceof Page.Entry e) {
                    List<Page.Badge> special = e.badges().stream()
                            .filter(b -> b.kind() == Page.Badge.Kind.DEPRECATED || b.kind() == Page.Badge.Kind.UNSTABLE)
                            .toList();
                    index.add(new Page.IndexEntry(new Inline.Link(e.name(), true, page.name(), e.id()), e.kind(),
                            page.subtitle(), special));
                }
            }
            // The first heading names the module; the others are listed under it.
            if (!headings.isEmpty() && headings.get(0).text().equals(page.title())) {
                headings.remove(0);
            }
            contents.add(new Page.ModuleContents(page.name(), page.title(), page.subtitle(), headings));
        }
        index.sort(Comparator.comparing((Page.IndexEntry e) -> e.link().text().toLowerCase(Locale.ROOT))
                .thenComparing(e -> e.link().text()));
        return new Page("index", title, "", List.of(new Page.Contents(contents), new Page.Index(index)));
    }
}
