package dev.qapi.generator.markup;

import java.util.ArrayList;
import java.util.List;

/**
 * Indentation arithmetic on the lines of doc-comment text (a little reStructuredText), for {@link DocMarkup}.
 */
final class TextBlocks {
    private TextBlocks() {
    }

    /** The number of leading spaces of {@code line}. */
    static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** The end (exclusive) of the indented block from {@code start}: blank lines inside it included. */
    static int blockEnd(List<String> lines, int start) {
        int end = start;
        int lastText = start;
        while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > 0)) {
            if (!lines.get(end).isBlank()) {
                lastText = end + 1;
            }
            end++;
        }
        return Math.max(lastText, start);
    }

    /** The lines without their common indentation and without leading and trailing blank lines. */
    static List<String> dedent(List<String> block) {
        int min = Integer.MAX_VALUE;
        for (String l : block) {
            if (!l.isBlank()) {
                min = Math.min(min, indent(l));
            }
        }
        if (min == Integer.MAX_VALUE) {
            min = 0;
        }
        List<String> out = new ArrayList<>();
        for (String l : block) {
            out.add(l.isBlank() ? "" : l.substring(min));
        }
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
