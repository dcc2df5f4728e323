package dev.qapi.generator.doc;

import dev.qapi.generator.doc.Page.Badge;
import dev.qapi.generator.markup.Block;
import dev.qapi.generator.markup.Inline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Page} as CommonMark with GitHub's tables. Headings, entries and fields get explicit
 * {@code <a id>} anchors (the same ids as in HTML), so that links do not depend on how a Markdown viewer
 * makes ids of headings. An instance renders one page at a time.
 */
final class MarkdownRenderer {
    private static final Pattern ORDERED_START = Pattern.compile("(\\d+)([.)])");

    private final String siteTitle;
    private String page;

    MarkdownRenderer(String siteTitle) {
        this.siteTitle = siteTitle;
    }

    String render(Page p) {
        page = p.name();
        List<String> out = new ArrayList<>();
        if (p.name().equals("index")) {
            add(out, List.of("# " + text(p.title())));
        } else {
            add(out, List.of("[" + text(siteTitle) + "](index.md) › `" + p.subtitle() + "`"));
        }
        for (Page.Part part : p.parts()) {
            add(out, part(part));
        }
        return String.join("\n", out) + "\n";
    }

    /** Appends a block, separated from the previous one by a blank line. */
    private static void add(List<String> out, List<String> block) {
        if (block.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.add("");
        }
        out.addAll(block);
    }

    private List<String> part(Page.Part part) {
        List<String> out = new ArrayList<>();
        if (part instanceof Page.Heading h) {
            add(out, List.of("#".repeat(Math.min(h.level(), 2)) + " " + anchor(h.id()) + text(h.text())));
        } else if (part instanceof Page.Prose p) {
            add(out, blocks(p.blocks()));
        } else if (part instanceof Page.Entry e) {
            entry(e, out);
        } else if (part instanceof Page.Contents c) {
            contents(c, out);
        } else if (part instanceof Page.Index i) {
            index(i, out);
        }
        return out;
    }

    private void entry(Page.Entry e, List<String> out) {
        add(out, List.of("### " + anchor(e.id()) + e.kind() + " " + code(e.name())));
        List<String> facts = new ArrayList<>();
        if (!e.since().isEmpty()) {
            facts.add("*Since " + inlines(e.since()) + "*");
        }
        e.badges().forEach(b -> facts.add(badge(b)));
        if (!facts.isEmpty()) {
            add(out, List.of(String.join(" · ", facts)));
        }
        for (Page.EntrySection s : e.sections()) {
            if (s instanceof Page.Text t) {
                add(out, blocks(t.blocks()));
            } else if (s instanceof Page.Fields f) {
                fields(f, out);
            } else if (s instanceof Page.Returns r) {
                add(out, List.of("#### Returns"));
                List<Block> rest = r.description();
                if (!r.type().isEmpty()) {
                    String line = inlines(r.type());
                    if (!rest.isEmpty() && rest.get(0) instanceof Block.Paragraph p) {
                        line += " — " + inlines(p.content());
                        rest = rest.subList(1, rest.size());
                    }
                    add(out, List.of(line));
                }
                add(out, blocks(rest));
            } else if (s instanceof Page.Labelled l) {
                add(out, List.of("#### " + text(l.title())));
                add(out, blocks(l.blocks()));
            }
        }
    }

    private void fields(Page.Fields f, List<String> out) {
        add(out, List.of("#### " + text(f.title())));
        List<String> list = new ArrayList<>();
        for (Page.Field field : f.fields()) {
            StringBuilder line = new StringBuilder("- ");
            if (field.id() != null) {
                line.append("<a id=\"").append(field.id()).append("\"></a>");
            }
            line.append("**").append(code(field.name())).append("**");
            List<String> about = new ArrayList<>();
            if (!field.type().isEmpty()) {
                about.add(inlines(field.type()));
            }
            if (field.optional()) {
                about.add("optional");
            }
            if (!about.isEmpty()) {
                line.append(" (").append(String.join(", ", about)).append(')');
            }
            field.badges().forEach(b -> line.append(" · ").append(badge(b)));
            List<String> description = blocks(field.description());
            if (!field.description().isEmpty() && field.description().get(0) instanceof Block.Paragraph) {
                line.append(": ").append(description.get(0));
                description = description.subList(1, description.size());
            }
            list.add(line.toString());
            for (String l : description) {
                list.add(l.isEmpty() ? "" : "  " + l);
            }
        }
        for (Page.Pointer p : f.pointers()) {
            StringBuilder line = new StringBuilder("- ").append(inlines(p.text()));
            p.badges().forEach(b -> line.append(" · ").append(badge(b)));
            list.add(line.toString());
        }
        add(out, list);
    }

    private String badge(Badge b) {
        return switch (b.kind()) {
            case DEPRECATED, UNSTABLE -> "**" + text(b.text()) + "**";
            case CONDITION -> "*" + text(b.text()) + "*";
            case FEATURE, FLAG -> code(b.text());
        };
    }

    private void contents(Page.Contents c, List<String> out) {
        add(out, List.of("## " + anchor("contents") + "Contents"));
        List<String> list = new ArrayList<>();
        for (Page.ModuleContents m : c.modules()) {
            list.add("- [" + text(m.title()) + "](" + m.page() + ".md) (" + code(m.module()) + ")");
            for (Page.Heading h : m.headings()) {
                list.add("  - [" + text(h.text()) + "]("
                        + m.page() + ".md#" + h.id() + ")");
            }
        }
        add(out, list);
    }

    private void index(Page.Index index, List<String> out) {
        List<IndexLetters.Group> groups = IndexLetters.groups(index.entries());
        add(out, List.of("## " + anchor("index") + "Index"));
        add(out, List.of(String.join(" · ", groups.stream()
                .map(g -> "[" + text(g.letter()) + "](#" + g.id() + ")").toList())));
        for (IndexLetters.Group g : groups) {
            add(out, List.of("### " + anchor(g.id()) + text(g.letter())));
            List<String> list = new ArrayList<>();
            for (Page.IndexEntry e : g.entries()) {
                StringBuilder line = new StringBuilder("- ").append(inline(e.link())).append(" — ")
                        .append(e.kind().toLowerCase(Locale.ROOT)).append(", ").append(code(e.module()));
                e.badges().forEach(b -> line.append(" · ").append(badge(b)));
                list.add(line.toString());
            }
            add(out, list);
        }
    }

    /**
     * An anchor, put inside the heading it marks: on a line of its own it would open an HTML block, which
     * swallows the heading below it.
     */
    private static String anchor(String id) {
        return "<a id=\"" + id + "\"></a>";
    }

    private List<String> blocks(List<Block> blocks) {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            add(out, block(b));
        }
        return out;
    }

    private List<String> block(Block b) {
        if (b instanceof Block.Paragraph p) {
            return List.of(lineStart(inlines(p.content())));
        } else if (b instanceof Block.Code c) {
            String fence = c.lines().stream().anyMatch(l -> l.strip().startsWith("```")) ? "~~~~" : "```";
            List<String> out = new ArrayList<>();
            out.add(fence);
            out.addAll(c.lines());
            out.add(fence);
            return out;
        } else if (b instanceof Block.Example e) {
            List<String> out = new ArrayList<>();
            out.add("**Example" + (e.title().isEmpty() ? "" : ": " + text(e.title())) + "**");
            add(out, blocks(e.body()));
            return out;
        } else if (b instanceof Block.ItemList l) {
            return list(l);
        } else if (b instanceof Block.Admonition a) {
            List<String> body = new ArrayList<>();
            body.add("**" + text(a.title()) + "**");
            add(body, blocks(a.body()));
            return body.stream().map(l -> l.isEmpty() ? ">" : "> " + l).toList();
        } else if (b instanceof Block.Table t) {
            return table(t);
        }
        return List.of();
    }

    private List<String> list(Block.ItemList l) {
        List<String> out = new ArrayList<>();
        int n = 1;
        for (List<Block> item : l.items()) {
            String marker = l.ordered() ? n++ + ". " : "- ";
            List<String> lines = blocks(item);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                out.add(i == 0 ? marker + line : line.isEmpty() ? "" : " ".repeat(marker.length()) + line);
            }
            if (lines.isEmpty()) {
                out.add(marker.strip());
            }
        }
        return out;
    }

    private List<String> table(Block.Table t) {
        List<String> out = new ArrayList<>();
        if (!t.caption().isEmpty()) {
            out.add("*" + text(t.caption()) + "*");
            out.add("");
        }
        int columns = t.header().isEmpty() ? t.rows().stream().mapToInt(List::size).max().orElse(1) : t.header().size();
        out.add(row(t.header().isEmpty() ? Collections.nCopies(columns, List.of()) : t.header()));
        out.add("|" + " --- |".repeat(columns));
        t.rows().forEach(r -> out.add(row(r)));
        return out;
    }

    private String row(List<List<Inline>> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (List<Inline> cell : cells) {
            sb.append(' ').append(inlines(cell).replace("|", "\\|")).append(" |");
        }
        return sb.toString();
    }

    /** Keeps a paragraph's first characters from reading as a heading, list item or quote. */
    private static String lineStart(String line) {
        if (line.startsWith("#") || line.startsWith("-") || line.startsWith("+") || line.startsWith("=")) {
            return "\\" + line;
        }
        Matcher m = ORDERED_START.matcher(line);
        if (m.lookingAt()) {
            return m.group(1) + "\\" + line.substring(m.group(1).length());
        }
        return line;
    }

    private String inlines(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        for (Inline i : inlines) {
            sb.append(inline(i));
        }
        return sb.toString();
    }

    private String inline(Inline i) {
        if (i instanceof Inline.Text t) {
            return text(t.text());
        } else if (i instanceof Inline.Code c) {
            return code(c.text());
        } else if (i instanceof Inline.Strong s) {
            return "**" + text(s.text()) + "**";
        } else if (i instanceof Inline.Emphasis e) {
            return "*" + text(e.text()) + "*";
        } else if (i instanceof Inline.Link l) {
            String anchor = l.anchor() == null ? "" : "#" + l.anchor();
            String href = l.page().equals(page) && !anchor.isEmpty() ? anchor : l.page() + ".md" + anchor;
            return "[" + (l.code() ? code(l.text()) : text(l.text())) + "](" + href + ")";
        } else if (i instanceof Inline.Url u) {
            return "<" + u.url() + ">";
        }
        return "";
    }

    /** A code span, with enough backticks around it for the backticks inside. */
    static String code(String literal) {
        String flat = literal.replace('\n', ' ');
        String ticks = "`";
        while (flat.contains(ticks)) {
            ticks += "`";
        }
        boolean pad = flat.startsWith("`") || flat.endsWith("`");
        return ticks + (pad ? " " + flat + " " : flat) + ticks;
    }

    /** Running text with Markdown's special characters escaped and line breaks joined. */
    static String text(String text) {
        StringBuilder sb = new StringBuilder();
        String flat = text.replace('\n', ' ');
        for (int k = 0; k < flat.length(); k++) {
            char c = flat.charAt(k);
            boolean wordInside = k > 0 && k + 1 < flat.length()
                    && Character.isLetterOrDigit(flat.charAt(k - 1)) && Character.isLetterOrDigit(flat.charAt(k + 1));
            if ("\\`*[]<>|".indexOf(c) >= 0 || c == '_' && !wordInside) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
