package dev.qapi.generator.doc;

import dev.qapi.generator.doc.Page.Badge;
import dev.qapi.generator.markup.Block;
import dev.qapi.generator.markup.Inline;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Page} as a standalone HTML5 page using the site's stylesheet ({@value #STYLESHEET}, no
 * scripts, nothing from the network). Module pages get a side bar listing their headings and entries.
 * An instance renders one page at a time.
 */
final class HtmlRenderer {
    /** The stylesheet every page links to, written next to them. */
    static final String STYLESHEET = "qapi-doc.css";

    private final String siteTitle;
    private StringBuilder out;
    private String page;

    HtmlRenderer(String siteTitle) {
        this.siteTitle = siteTitle;
    }

    String render(Page p) {
        out = new StringBuilder();
        page = p.name();
        boolean index = p.name().equals("index");
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(index ? siteTitle : p.title() + " — " + siteTitle)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">\n</head>\n<body>\n")
                .append("<header class=\"topbar\"><a class=\"site\" href=\"index.html\">").append(esc(siteTitle))
                .append("</a>");
        if (!p.subtitle().isEmpty()) {
            out.append("<span class=\"crumb\">").append(esc(p.subtitle())).append("</span>");
        }
        out.append("</header>\n");
        if (index) {
            out.append("<div class=\"layout single\">\n<main>\n<h1>").append(esc(p.title())).append("</h1>\n");
        } else {
            out.append("<div class=\"layout\">\n");
            sidebar(p);
            out.append("<main>\n");
        }
        for (Page.Part part : p.parts()) {
            part(part);
        }
        out.append("</main>\n</div>\n</body>\n</html>\n");
        return out.toString();
    }

    private void sidebar(Page p) {
        out.append("<nav class=\"sidebar\" aria-label=\"On this page\">\n<p class=\"sidebar-title\">")
                .append(esc(p.subtitle())).append("</p>\n<ul>\n");
        for (Page.Part part : p.parts()) {
            if (part instanceof Page.Heading h) {
                out.append("<li class=\"nav-h").append(Math.min(h.level(), 3)).append("\"><a href=\"#")
                        .append(esc(h.id())).append("\">").append(esc(h.text())).append("</a></li>\n");
            } else if (part instanceof Page.Entry e) {
                out.append("<li class=\"nav-entry").append(e.deprecated() ? " is-deprecated" : "")
                        .append("\"><a href=\"#").append(attr(e.id())).append("\" title=\"").append(e.kind())
                        .append(' ').append(attr(e.name())).append("\"><span class=\"kind-mark kind-")
                        .append(e.kind().toLowerCase(Locale.ROOT)).append("\">").append(mark(e.kind()))
                        .append("</span>").append(esc(e.name())).append("</a></li>\n");
            }
        }
        out.append("</ul>\n</nav>\n");
    }

    /** The side bar's short mark of a kind: its initial, but {@code Ev} and {@code En} for the two E's. */
    private static String mark(String kind) {
        return switch (kind) {
            case "Event" -> "Ev";
            case "Enum" -> "En";
            default -> kind.substring(0, 1);
        };
    }

    private void part(Page.Part part) {
        if (part instanceof Page.Heading h) {
            int level = Math.min(h.level(), 2);
            out.append("<h").append(level).append(" id=\"").append(attr(h.id())).append("\">").append(esc(h.text()))
                    .append("</h").append(level).append(">\n");
        } else if (part instanceof Page.Prose p) {
            blocks(p.blocks());
        } else if (part instanceof Page.Entry e) {
            entry(e);
        } else if (part instanceof Page.Contents c) {
            contents(c);
        } else if (part instanceof Page.Index i) {
            index(i);
        }
    }

    private void entry(Page.Entry e) {
        String kind = e.kind().toLowerCase(Locale.ROOT);
        out.append("<section class=\"entry entry-").append(kind).append(e.deprecated() ? " is-deprecated" : "")
                .append("\" id=\"").append(attr(e.id())).append("\">\n<h3 class=\"entry-title\"><span class=\"kind kind-")
                .append(kind).append("\">").append(esc(e.kind())).append("</span> <code class=\"entry-name\">")
                .append(esc(e.name())).append("</code><a class=\"permalink\" href=\"#").append(attr(e.id()))
                .append("\" aria-label=\"Link to this entry\">#</a>");
        if (!e.since().isEmpty()) {
            out.append("<span class=\"since\">Since ");
            inlines(e.since());
            out.append("</span>");
        }
        out.append("</h3>\n");
        if (!e.badges().isEmpty()) {
            out.append("<p class=\"badges\">");
            badges(e.badges());
            out.append("</p>\n");
        }
        for (Page.EntrySection s : e.sections()) {
            section(s);
        }
        out.append("</section>\n");
    }

    private void section(Page.EntrySection s) {
        if (s instanceof Page.Text t) {
            blocks(t.blocks());
        } else if (s instanceof Page.Fields f) {
            fields(f);
        } else if (s instanceof Page.Returns r) {
            out.append("<h4>Returns</h4>\n");
            List<Block> rest = r.description();
            if (!r.type().isEmpty()) {
                out.append("<p class=\"returns\"><span class=\"returns-type\">");
                inlines(r.type());
                out.append("</span>");
                if (!rest.isEmpty() && rest.get(0) instanceof Block.Paragraph p) {
                    out.append(" — ");
                    inlines(p.content());
                    rest = rest.subList(1, rest.size());
                }
                out.append("</p>\n");
            }
            blocks(rest);
        } else if (s instanceof Page.Labelled l) {
            out.append("<h4>").append(esc(l.title())).append("</h4>\n");
            blocks(l.blocks());
        }
    }

    private void fields(Page.Fields f) {
        out.append("<h4>").append(esc(f.title())).append("</h4>\n");
        if (!f.fields().isEmpty()) {
            out.append("<table class=\"fields\">\n<thead><tr><th>Name</th>").append(f.typed() ? "<th>Type</th>" : "")
                    .append("<th>Description</th></tr></thead>\n<tbody>\n");
            for (Page.Field field : f.fields()) {
                boolean deprecated = field.badges().stream().anyMatch(b -> b.kind() == Badge.Kind.DEPRECATED);
                out.append("<tr");
                if (field.id() != null) {
                    out.append(" id=\"").append(attr(field.id())).append('"');
                }
                out.append(deprecated ? " class=\"is-deprecated\"" : "").append("><td class=\"field-name\"><code>")
                        .append(esc(field.name())).append("</code>");
                if (field.optional()) {
                    out.append("<span class=\"optional\">optional</span>");
                }
                if (!field.badges().isEmpty()) {
                    out.append("<span class=\"badges\">");
                    badges(field.badges());
                    out.append("</span>");
                }
                out.append("</td>");
                if (f.typed()) {
                    out.append("<td class=\"field-type\">");
                    inlines(field.type());
                    out.append("</td>");
                }
                out.append("<td class=\"field-text\">");
                compactBlocks(field.description());
                out.append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        if (!f.pointers().isEmpty()) {
            out.append("<ul class=\"pointers\">\n");
            for (Page.Pointer p : f.pointers()) {
                out.append("<li>");
                inlines(p.text());
                if (!p.badges().isEmpty()) {
                    out.append(' ');
                    badges(p.badges());
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private void badges(List<Badge> badges) {
        for (int i = 0; i < badges.size(); i++) {
            Badge b = badges.get(i);
            out.append(i > 0 ? " " : "").append("<span class=\"badge badge-")
                    .append(b.kind().name().toLowerCase(Locale.ROOT)).append("\">").append(esc(b.text()))
                    .append("</span>");
        }
    }

    private void contents(Page.Contents c) {
        out.append("<h2 id=\"contents\">Contents</h2>\n<ul class=\"toc\">\n");
        for (Page.ModuleContents m : c.modules()) {
            out.append("<li><a href=\"").append(attr(m.page())).append(".html\">").append(esc(m.title()))
                    .append("</a> <span class=\"toc-module\">").append(esc(m.module())).append("</span>");
            if (!m.headings().isEmpty()) {
                out.append("\n<ul>\n");
                for (Page.Heading h : m.headings()) {
                    out.append("<li class=\"toc-h").append(Math.min(h.level(), 3)).append("\"><a href=\"")
                            .append(esc(m.page())).append(".html#").append(esc(h.id())).append("\">")
                            .append(esc(h.text())).append("</a></li>\n");
                }
                out.append("</ul>\n");
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private void index(Page.Index index) {
        List<IndexLetters.Group> groups = IndexLetters.groups(index.entries());
        out.append("<h2 id=\"index\">Index</h2>\n<p class=\"letters\">");
        for (IndexLetters.Group g : groups) {
            out.append("<a href=\"#").append(g.id()).append("\">").append(esc(g.letter())).append("</a> ");
        }
        out.append("</p>\n");
        for (IndexLetters.Group g : groups) {
            out.append("<h3 class=\"letter\" id=\"").append(g.id()).append("\">").append(esc(g.letter()))
                    .append("</h3>\n<table class=\"index\">\n<tbody>\n");
            for (Page.IndexEntry e : g.entries()) {
                out.append("<tr><td>");
                inline(e.link());
                if (!e.badges().isEmpty()) {
                    out.append(' ');
                    badges(e.badges());
                }
                out.append("</td><td class=\"index-kind\">").append(esc(e.kind().toLowerCase(Locale.ROOT)))
                        .append("</td><td class=\"index-module\">").append(esc(e.module())).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
    }

    /** Blocks, but a lone paragraph without its {@code <p>} (table cells, list items). */
    private void compactBlocks(List<Block> blocks) {
        if (blocks.size() == 1 && blocks.get(0) instanceof Block.Paragraph p) {
            inlines(p.content());
        } else {
            blocks(blocks);
        }
    }

    private void blocks(List<Block> blocks) {
        for (Block b : blocks) {
            block(b);
        }
    }

    private void block(Block b) {
        if (b instanceof Block.Paragraph p) {
            out.append("<p>");
            inlines(p.content());
            out.append("</p>\n");
        } else if (b instanceof Block.Code c) {
            code(c);
        } else if (b instanceof Block.Example e) {
            out.append("<div class=\"example\">\n<p class=\"example-title\">Example")
                    .append(e.title().isEmpty() ? "" : ": " + esc(e.title())).append("</p>\n");
            blocks(e.body());
            out.append("</div>\n");
        } else if (b instanceof Block.ItemList l) {
            String tag = l.ordered() ? "ol" : "ul";
            out.append('<').append(tag).append(">\n");
            for (List<Block> item : l.items()) {
                out.append("<li>");
                compactBlocks(item);
                out.append("</li>\n");
            }
            out.append("</").append(tag).append(">\n");
        } else if (b instanceof Block.Admonition a) {
            out.append("<div class=\"admonition\">\n<p class=\"admonition-title\">").append(esc(a.title()))
                    .append("</p>\n");
            blocks(a.body());
            out.append("</div>\n");
        } else if (b instanceof Block.Table t) {
            table(t);
        }
    }

    /** A literal block; in a QMP exchange, requests and replies are told apart by colour. */
    private void code(Block.Code c) {
        out.append(c.qmp() ? "<pre class=\"qmp\">" : "<pre>");
        String direction = null;
        for (int i = 0; i < c.lines().size(); i++) {
            String line = c.lines().get(i);
            String s = line.strip();
            if (s.startsWith("->")) {
                direction = "qmp-send";
            } else if (s.startsWith("<-")) {
                direction = "qmp-recv";
            } else if (s.isEmpty() || s.startsWith("...")) {
                direction = null;
            }
            out.append(i > 0 ? "\n" : "");
            if (c.qmp() && direction != null) {
                out.append("<span class=\"").append(direction).append("\">").append(esc(line)).append("</span>");
            } else {
                out.append(esc(line));
            }
        }
        out.append("</pre>\n");
    }

    private void table(Block.Table t) {
        out.append("<table class=\"simple\">\n");
        if (!t.caption().isEmpty()) {
            out.append("<caption>").append(esc(t.caption())).append("</caption>\n");
        }
        if (!t.header().isEmpty()) {
            out.append("<thead><tr>");
            for (List<Inline> cell : t.header()) {
                out.append("<th>");
                inlines(cell);
                out.append("</th>");
            }
            out.append("</tr></thead>\n");
        }
        out.append("<tbody>\n");
        for (List<List<Inline>> row : t.rows()) {
            out.append("<tr>");
            for (List<Inline> cell : row) {
                out.append("<td>");
                inlines(cell);
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void inlines(List<Inline> inlines) {
        for (Inline i : inlines) {
            inline(i);
        }
    }

    private void inline(Inline i) {
        if (i instanceof Inline.Text t) {
            out.append(esc(t.text()));
        } else if (i instanceof Inline.Code c) {
            out.append("<code>").append(esc(c.text())).append("</code>");
        } else if (i instanceof Inline.Strong s) {
            out.append("<strong>").append(esc(s.text())).append("</strong>");
        } else if (i instanceof Inline.Emphasis e) {
            out.append("<em>").append(esc(e.text())).append("</em>");
        } else if (i instanceof Inline.Link l) {
            out.append("<a href=\"").append(attr(href(l))).append("\">")
                    .append(l.code() ? "<code>" + esc(l.text()) + "</code>" : esc(l.text())).append("</a>");
        } else if (i instanceof Inline.Url u) {
            out.append("<a href=\"").append(attr(u.url())).append("\">").append(esc(u.url())).append("</a>");
        }
    }

    private String href(Inline.Link l) {
        String anchor = l.anchor() == null ? "" : "#" + l.anchor();
        return l.page().equals(page) && !anchor.isEmpty() ? anchor : l.page() + ".html" + anchor;
    }

    /** Text escaped for element content. */
    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text escaped for a double-quoted attribute value. */
    static String attr(String text) {
        return esc(text).replace("\"", "&quot;");
    }
}
