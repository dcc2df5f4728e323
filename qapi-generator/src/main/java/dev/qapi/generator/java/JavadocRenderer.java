package dev.qapi.generator.java;

import dev.qapi.generator.markup.Block;
import dev.qapi.generator.markup.DocMarkup;
import dev.qapi.generator.markup.Inline;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders doc-comment text, read by {@link DocMarkup} (the parser the reference documentation uses too), as
 * Javadoc HTML: paragraphs, literal blocks and {@code qmp-example} code as {@code <pre>}, admonitions such
 * as {@code .. note::} as labelled paragraphs, lists, tables, literals and names as {@code {@code ...}},
 * references to generated classes as {@code {@link ...}}.
 */
final class JavadocRenderer {
    private final DocMarkup markup;
    /**
     * What {@link #html} made of each text, for tagged and untagged sections. A command's doc goes into
     * four classes (its server method, the client's two methods and its argument record), a base type's
     * member docs into every type built on it: of QEMU's ~6,800 texts asked for, ~2,900 were asked for
     * before. Sized for a schema of QEMU's size, which would otherwise resize them eight times.
     */
    private final Map<String, String> taggedHtml = new ConcurrentHashMap<>(4096);
    private final Map<String, String> untaggedHtml = new ConcurrentHashMap<>(2048);

    /** @param markup the parser, its references resolved to links whose page is a generated class */
    JavadocRenderer(DocMarkup markup) {
        this.markup = markup;
    }

    /**
     * The Javadoc HTML for a section's text; empty for empty text. The first paragraph has no {@code <p>}.
     *
     * @param tagged whether the text comes from a tagged section ({@code @member:}, {@code Returns:}...),
     *     whose continuation lines are indented
     */
    String html(String text, boolean tagged) {
        Map<String, String> done = tagged ? taggedHtml : untaggedHtml;
        String html = done.get(text);
        if (html == null) {
            html = render(text, tagged);
            done.put(text, html);
        }
        return html;
    }

    private String render(String text, boolean tagged) {
        StringBuilder out = new StringBuilder();
        blocks(markup.blocks(text, tagged), out);
        return out.toString();
    }

    /** The text of a one-line section ({@code Since:}) as inline HTML. */
    String inlineHtml(String text) {
        return inline(markup.line(text));
    }

    private void blocks(List<Block> blocks, StringBuilder out) {
        for (Block b : blocks) {
            block(b, out);
        }
    }

    private void block(Block block, StringBuilder out) {
        if (block instanceof Block.Paragraph p) {
            separate(out);
            if (out.length() > 0) {
                out.append("<p>");
            }
            out.append(inline(p.content()));
        } else if (block instanceof Block.Code c) {
            separate(out);
            out.append("<pre>\n");
            for (String l : c.lines()) {
                out.append(escape(l)).append('\n');
            }
            out.append("</pre>");
        } else if (block instanceof Block.Example e) {
            if (!e.title().isEmpty()) {
                separate(out);
                if (out.length() > 0) {
                    out.append("<p>");
                }
                out.append("<b>Example:</b> ").append(escape(e.title()));
            }
            blocks(e.body(), out);
        } else if (block instanceof Block.ItemList l) {
            list(l, out);
        } else if (block instanceof Block.Admonition a) {
            separate(out);
            out.append("<p><b>").append(escape(a.title())).append(":</b>");
            List<Block> body = a.body();
            if (!body.isEmpty() && body.get(0) instanceof Block.Paragraph first) {
                out.append(' ').append(inline(first.content()));
                body = body.subList(1, body.size());
            }
            blocks(body, out);
        } else if (block instanceof Block.Table t) {
            table(t, out);
        }
    }

    private void list(Block.ItemList list, StringBuilder out) {
        String tag = list.ordered() ? "ol" : "ul";
        separate(out);
        out.append('<').append(tag).append(">\n");
        for (List<Block> item : list.items()) {
            StringBuilder text = new StringBuilder();
            blocks(item, text);
            out.append("  <li>").append(text).append('\n');
        }
        out.append("</").append(tag).append('>');
    }

    private void table(Block.Table table, StringBuilder out) {
        separate(out);
        out.append("<table>\n");
        if (!table.caption().isEmpty()) {
            out.append("<caption>").append(escape(table.caption())).append("</caption>\n");
        }
        if (!table.header().isEmpty()) {
            row(table.header(), "th", out);
        }
        for (List<List<Inline>> row : table.rows()) {
            row(row, "td", out);
        }
        out.append("</table>");
    }

    private void row(List<List<Inline>> cells, String tag, StringBuilder out) {
        out.append("  <tr>");
        for (List<Inline> cell : cells) {
            out.append('<').append(tag).append('>').append(inline(cell)).append("</").append(tag).append('>');
        }
        out.append('\n');
    }

    private static void separate(StringBuilder out) {
        if (out.length() > 0) {
            out.append("\n\n");
        }
    }

    private static String inline(List<Inline> content) {
        if (content.size() == 1 && content.get(0) instanceof Inline.Text t) {
            return escape(t.text());
        }
        StringBuilder out = new StringBuilder();
        for (Inline i : content) {
            if (i instanceof Inline.Text t) {
                out.append(escape(t.text()));
            } else if (i instanceof Inline.Code c) {
                out.append(code(c.text()));
            } else if (i instanceof Inline.Link l) {
                out.append("{@link ").append(l.page()).append('}');
            } else if (i instanceof Inline.Strong s) {
                out.append("<b>").append(escape(s.text())).append("</b>");
            } else if (i instanceof Inline.Emphasis e) {
                out.append("<em>").append(escape(e.text())).append("</em>");
            } else if (i instanceof Inline.Url u) {
                out.append(escape(u.url()));
            }
        }
        return out.toString();
    }

    private static String code(String literal) {
        if (literal.contains("{") || literal.contains("}") || literal.contains("*/")) {
            return "<code>" + escape(literal) + "</code>";
        }
        return "{@code " + literal + "}";
    }

    /** HTML escaping for running text, plus what Javadoc itself would take as markup. */
    static String escape(String text) {
        int first = firstToEscape(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        int done = first;
        for (int i = first; i >= 0; i = firstToEscape(text, i + 1)) {
            out.append(text, done, i);
            char c = text.charAt(i);
            out.append(switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '@' -> "&#64;";
                case '{' -> "&#123;";
                case '}' -> "&#125;";
                default -> "&#47;"; // the '/' of "*/", which would end the comment
            });
            done = i + 1;
        }
        return out.append(text, done, text.length()).toString();
    }

    /** The index of the next character from {@code from} that {@link #escape} replaces, or -1. */
    private static int firstToEscape(String text, int from) {
        for (int i = from, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < ESCAPED.length && ESCAPED[c] && (c != '/' || i > 0 && text.charAt(i - 1) == '*')) {
                return i;
            }
        }
        return -1;
    }

    /** The characters {@link #escape} replaces ({@code /} only after {@code *}), as a table by code. */
    private static final boolean[] ESCAPED = new boolean['}' + 1];

    static {
        for (char c : "&<>@{}/".toCharArray()) {
            ESCAPED[c] = true;
        }
    }
}
