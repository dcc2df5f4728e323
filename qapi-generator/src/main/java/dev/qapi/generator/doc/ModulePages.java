package dev.qapi.generator.doc;

import dev.qapi.generator.markup.Block;
import dev.qapi.generator.markup.DocMarkup;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.schema.Definition;
import dev.qapi.parser.schema.Entity;
import dev.qapi.parser.schema.Module;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One page per module: its free-form documentation (headings and text) and the entries of its
 * definitions, in the order they are written in the module's file.
 */
final class ModulePages {
    private final SiteMap site;
    private final DocMarkup markup;
    private final Entries entries;

    ModulePages(SiteMap site, DocMarkup markup) {
        this.site = site;
        this.markup = markup;
        this.entries = new Entries(site, markup);
    }

    List<Page> pages() {
        return site.modules().stream().map(this::page).toList();
    }

    private record Item(int line, Doc freeForm, Definition definition) {
    }

    private Page page(Module module) {
        List<Item> items = new ArrayList<>();
        for (Doc doc : site.freeForm(module)) {
            items.add(new Item(doc.info().line(), doc, null));
        }
        for (Entity e : module.entities()) {
            if (SiteMap.hasEntry(e)) {
                items.add(new Item(e.info().line(), null, (Definition) e));
            }
        }
        items.sort(Comparator.comparingInt(Item::line));
        List<Page.Part> parts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            if (item.definition() != null) {
                parts.add(entries.entry(item.definition()));
            } else {
                freeForm(item.freeForm(), parts, ids);
            }
        }
        return new Page(site.page(module), site.title(module), module.name(), parts);
    }

    private void freeForm(Doc doc, List<Page.Part> parts, Set<String> ids) {
        String text = doc.body().text();
        Optional<Page.Heading> heading = SiteMap.heading(doc);
        if (heading.isPresent()) {
            Page.Heading h = heading.get();
            parts.add(new Page.Heading(h.level(), headingId(h.text(), ids), h.text()));
            int newline = text.indexOf('\n');
            text = newline < 0 ? "" : text.substring(newline + 1);
        }
        List<Block> blocks = markup.blocks(text, false);
        if (!blocks.isEmpty()) {
            parts.add(new Page.Prose(blocks));
        }
    }

    /** {@code sec-} and the heading's words, lower case, joined by {@code -}; unique on the page. */
    private static String headingId(String text, Set<String> ids) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = "sec-" + (slug.isEmpty() ? "section" : slug);
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
