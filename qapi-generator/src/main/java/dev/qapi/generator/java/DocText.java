package dev.qapi.generator.java;

import dev.qapi.generator.doc.TextBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a QAPI doc section (a little reStructuredText) into Javadoc HTML: paragraphs,
 * literal blocks and {@code qmp-example} blocks as {@code <pre>}, admonitions such as {@code .. note::}
 * as labelled paragraphs, bullet lists, {@code ``literal``} and {@code @name} references as
 * {@code {@code ...}} or links.
 */
final class DocText {
    private static final Pattern DIRECTIVE = Pattern.compile("\\.\\.\\s+([\\w-]+)::\\s*(.*)");
    private static final Pattern INLINE = Pattern.compile(
            "``(.+?)``|@([A-Za-z0-9_][A-Za-z0-9_.+-]*[A-Za-z0-9_]|[A-Za-z0-9_])|:\\w+:`([^`]*)`|\\*\\*(.+?)\\*\\*|\\*([^*\\s][^*]*?)\\*");

    private final Function<String, String> linkTarget;

    /**
     * @param linkTarget maps a referenced name ({@code @name}) to the Java class to link to, or null to
     *     render it as code
     */
    DocText(Function<String, String> linkTarget) {
        this.linkTarget = linkTarget;
    }

    /**
     * The Javadoc HTML for a section's text; empty for empty text.
     *
     * @param tagged whether the text comes from a tagged section ({@code @member:}, {@code Returns:}...),
     *     whose continuation lines are indented
     */
    String html(String text, boolean tagged) {
        List<String> lines = List.of((tagged ? dedentContinuation(text) : text).split("\n", -1));
        StringBuilder out = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        int i = 0;
        boolean literalNext = false;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                flush(paragraph, out);
                i++;
                continue;
            }
            String stripped = line.strip();
            Matcher directive = stripped.startsWith("..") ? DIRECTIVE.matcher(stripped) : null;
            if (directive != null && TextBlocks.indent(line) == 0 && directive.matches()) {
                flush(paragraph, out);
                String kind = directive.group(1);
                int end = TextBlocks.blockEnd(lines, i + 1);
                List<String> block = TextBlocks.dedent(lines.subList(i + 1, end));
                if (kind.equals("qmp-example") || kind.equals("code-block") || kind.equals("code")) {
                    pre(block, out);
                } else {
                    List<String> body = new ArrayList<>();
                    if (!directive.group(2).isEmpty()) {
                        body.add(directive.group(2));
                    }
                    body.addAll(block);
                    separate(out);
                    out.append("<p><b>").append(capitalize(kind)).append(":</b> ")
                            .append(inline(String.join("\n", body).strip()));
                }
                i = end;
                continue;
            }
            if (literalNext && TextBlocks.indent(line) > 0) {
                int end = TextBlocks.blockEnd(lines, i);
                pre(TextBlocks.dedent(lines.subList(i, end)), out);
                literalNext = false;
                i = end;
                continue;
            }
            literalNext = false;
            if (stripped.startsWith("- ") || stripped.startsWith("* ")) {
                flush(paragraph, out);
                i = list(lines, i, out);
                continue;
            }
            paragraph.add(stripped);
            if (line.endsWith("::")) {
                literalNext = true;
                String last = paragraph.remove(paragraph.size() - 1);
                String kept = last.equals("::") ? "" : last.substring(0, last.length() - 1);
                if (!kept.isEmpty()) {
                    paragraph.add(kept);
                }
                flush(paragraph, out);
            }
            i++;
        }
        flush(paragraph, out);
        return out.toString();
    }

    /** The text with {@code @name} and literals converted, for one-line uses such as {@code @return}. */
    String inlineHtml(String text) {
        return inline(dedentContinuation(text).strip());
    }

    private int list(List<String> lines, int start, StringBuilder out) {
        separate(out);
        out.append("<ul>\n");
        int i = start;
        StringBuilder item = null;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            String s = lines.get(i).strip();
            if (s.startsWith("- ") || s.startsWith("* ")) {
                if (item != null) {
                    out.append("  <li>").append(inline(item.toString())).append("\n");
                }
                item = new StringBuilder(s.substring(2));
            } else {
                item.append('\n').append(s);
            }
            i++;
        }
        out.append("  <li>").append(inline(item.toString())).append("\n</ul>");
        return i;
    }

    private void flush(List<String> paragraph, StringBuilder out) {
        if (paragraph.isEmpty()) {
            return;
        }
        separate(out);
        if (out.length() > 0) {
            out.append("<p>");
        }
        out.append(inline(String.join("\n", paragraph)));
        paragraph.clear();
    }

    private static void separate(StringBuilder out) {
        if (out.length() > 0) {
            out.append("\n\n");
        }
    }

    private static void pre(List<String> block, StringBuilder out) {
        separate(out);
        out.append("<pre>\n");
        for (String l : block) {
            out.append(escapeLiteral(l)).append('\n');
        }
        out.append("</pre>");
    }

    private String inline(String text) {
        if (!mayHaveMarkup(text)) {
            return escape(text);
        }
        Matcher m = INLINE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            if (m.group(1) != null) {
                out.append(code(m.group(1)));
            } else if (m.group(2) != null) {
                String target = linkTarget.apply(m.group(2));
                out.append(target != null ? "{@link " + target + "}" : code(m.group(2)));
            } else if (m.group(3) != null) {
                out.append(escape(m.group(3).replaceAll("\\s*<[^>]*>$", "")));
            } else if (m.group(4) != null) {
                out.append("<b>").append(escape(m.group(4))).append("</b>");
            } else {
                out.append("<em>").append(escape(m.group(5))).append("</em>");
            }
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    private static String code(String literal) {
        if (literal.contains("{") || literal.contains("}") || literal.contains("*/")) {
            return "<code>" + escapeLiteral(literal) + "</code>";
        }
        return "{@code " + literal + "}";
    }

    /** Whether {@link #INLINE} can match: each of its forms needs a {@code `}, {@code @} or {@code *}. */
    private static boolean mayHaveMarkup(String text) {
        return text.indexOf('`') >= 0 || text.indexOf('@') >= 0 || text.indexOf('*') >= 0;
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

    private static String escapeLiteral(String text) {
        return escape(text);
    }



    /** Member and tagged sections indent their continuation lines; take that indentation off. */
    private static String dedentContinuation(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2) {
            return text;
        }
        List<String> rest = TextBlocks.dedent(List.of(lines).subList(1, lines.length));
        if (rest.isEmpty()) {
            return lines[0];
        }
        int firstIndent = -1;
        for (int k = 1; k < lines.length; k++) {
            if (!lines[k].isBlank()) {
                firstIndent = TextBlocks.indent(lines[k]);
                break;
            }
        }
        if (firstIndent <= 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(lines[0]);
        for (int k = 1; k < lines.length; k++) {
            out.append('\n').append(lines[k].isBlank() ? "" : lines[k].substring(Math.min(firstIndent, TextBlocks.indent(lines[k]))));
        }
        return out.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
