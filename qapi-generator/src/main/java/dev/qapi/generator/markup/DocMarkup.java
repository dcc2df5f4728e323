package dev.qapi.generator.markup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the little reStructuredText of QAPI doc comments into {@link Block}s: paragraphs, literal blocks
 * ({@code ::}), {@code .. qmp-example::} (plain, {@code :title:}, {@code :annotated:}), admonitions
 * ({@code .. note::}, {@code .. admonition:: Title}, ...), bullet and enumerated lists with nested blocks,
 * simple tables in {@code .. table::}, and indented blocks. Inline markup is left to {@link InlineMarkup}.
 *
 * <p>It covers what QEMU's schema uses, not all of reStructuredText; what it does not know stays text.
 */
public final class DocMarkup {
    private static final Pattern DIRECTIVE = Pattern.compile("\\.\\.\\s+([\\w-]+)::\\s*(.*)");
    private static final Pattern OPTION = Pattern.compile(":([\\w-]+):\\s*(.*)");
    private static final Pattern ITEM = Pattern.compile("(?:([-*+])|(\\d+|#)[.)])(?:\\s+|$)");
    private static final Pattern TABLE_BORDER = Pattern.compile("=+( +=+)*");

    private final InlineMarkup inline;

    public DocMarkup(InlineMarkup inline) {
        this.inline = inline;
    }

    /**
     * The blocks of a section's text.
     *
     * @param tagged whether the text comes from a tagged section ({@code @member:}, {@code Errors:}...),
     *     whose continuation lines are indented
     */
    public List<Block> blocks(String text, boolean tagged) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        return parse(tagged ? dedentTagged(lines) : lines);
    }

    /** The text of a one-line section ({@code Since:}) as inline content. */
    public List<Inline> line(String text) {
        return inline.parse(String.join(" ", dedentTagged(List.of(text.split("\n"))).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList()));
    }

    private List<Block> parse(List<String> lines) {
        List<Block> out = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        boolean literalNext = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                flush(paragraph, out);
                i++;
                continue;
            }
            if (TextBlocks.indent(line) > 0) {
                if (!paragraph.isEmpty()) {
                    literalNext = addToParagraph(line.strip(), paragraph, out);
                    i++;
                    continue;
                }
                int end = TextBlocks.blockEnd(lines, i);
                List<String> block = TextBlocks.dedent(lines.subList(i, end));
                if (literalNext) {
                    out.add(new Block.Code(block, false));
                } else {
                    out.addAll(parse(block));
                }
                literalNext = false;
                i = end;
                continue;
            }
            literalNext = false;
            Matcher directive = line.startsWith("..") ? DIRECTIVE.matcher(line) : null;
            if (paragraph.isEmpty() && directive != null && directive.matches()) {
                int end = TextBlocks.blockEnd(lines, i + 1);
                out.add(directive(directive.group(1).toLowerCase(Locale.ROOT), directive.group(2).strip(),
                        lines.subList(i + 1, end)));
                i = end;
                continue;
            }
            if (paragraph.isEmpty() && mayStartItem(line) && ITEM.matcher(line).lookingAt()) {
                i = list(lines, i, out);
                continue;
            }
            literalNext = addToParagraph(line.strip(), paragraph, out);
            i++;
        }
        flush(paragraph, out);
        return out;
    }

    /**
     * Adds a line to the paragraph; a line ending in {@code ::} ends it and announces a literal block
     * ({@code text::} keeps one colon, {@code text ::} and a lone {@code ::} none).
     *
     * @return whether a literal block follows
     */
    private boolean addToParagraph(String line, List<String> paragraph, List<Block> out) {
        if (!line.endsWith("::")) {
            paragraph.add(line);
            return false;
        }
        String before = line.substring(0, line.length() - 2);
        String kept = before.isBlank() || before.endsWith(" ") ? before.stripTrailing() : before + ":";
        if (!kept.isEmpty()) {
            paragraph.add(kept);
        }
        flush(paragraph, out);
        return true;
    }

    private Block directive(String kind, String argument, List<String> rawBody) {
        List<String> body = TextBlocks.dedent(rawBody);
        List<String> options = new ArrayList<>();
        while (!body.isEmpty() && OPTION.matcher(body.get(0)).matches()) {
            options.add(body.remove(0));
        }
        body = TextBlocks.dedent(body);
        return switch (kind) {
            case "qmp-example" -> {
                String title = option(options, "title");
                boolean annotated = options.stream().anyMatch(o -> o.startsWith(":annotated:"));
                List<Block> blocks = annotated ? parse(body) : List.of(new Block.Code(body, true));
                // The literal blocks of an example are QMP exchanges.
                yield new Block.Example(title, blocks.stream()
                        .map(b -> b instanceof Block.Code c ? new Block.Code(c.lines(), true) : b).toList());
            }
            case "code-block", "code", "parsed-literal" -> new Block.Code(body, false);
            case "table" -> table(argument, body);
            case "admonition" -> new Block.Admonition(argument, parse(body));
            default -> {
                List<String> text = new ArrayList<>();
                if (!argument.isEmpty()) {
                    text.add(argument);
                }
                text.addAll(body);
                yield new Block.Admonition(kind.equals("seealso") ? "See also"
                        : Character.toUpperCase(kind.charAt(0)) + kind.substring(1), parse(text));
            }
        };
    }

    private static String option(List<String> options, String name) {
        for (String o : options) {
            Matcher m = OPTION.matcher(o);
            if (m.matches() && m.group(1).equals(name)) {
                return m.group(2).strip();
            }
        }
        return "";
    }

    /** Parses the list starting at {@code start}; returns the index after it. */
    private int list(List<String> lines, int start, List<Block> out) {
        boolean ordered = isOrdered(lines.get(start));
        List<List<Block>> items = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            Matcher m = ITEM.matcher(lines.get(i));
            if (!m.lookingAt() || isOrdered(lines.get(i)) != ordered) {
                break;
            }
            int column = m.end();
            List<String> item = new ArrayList<>();
            item.add(lines.get(i).substring(column));
            int j = i + 1;
            while (j < lines.size()) {
                String l = lines.get(j);
                if (l.isBlank()) {
                    item.add("");
                } else if (TextBlocks.indent(l) >= column) {
                    item.add(l.substring(column));
                } else if (TextBlocks.indent(l) > 0) {
                    item.add(l.strip());
                } else {
                    break;
                }
                j++;
            }
            items.add(parse(item));
            i = j;
        }
        out.add(new Block.ItemList(ordered, items));
        return i;
    }

    /** Whether {@link #ITEM} can match at the start of {@code line}: a cheap look before the pattern. */
    private static boolean mayStartItem(String line) {
        char c = line.charAt(0);
        return c == '-' || c == '*' || c == '+' || c == '#' || c >= '0' && c <= '9';
    }

    private static boolean isOrdered(String line) {
        Matcher m = ITEM.matcher(line);
        return m.lookingAt() && m.group(1) == null;
    }

    /** A simple table: rows of columns under {@code ====  ====} borders; the first border closes the header. */
    private Block table(String caption, List<String> body) {
        List<String> rows = body.stream().filter(l -> !l.isBlank()).toList();
        List<int[]> columns = new ArrayList<>();
        List<List<Inline>> header = new ArrayList<>();
        List<List<List<Inline>>> cells = new ArrayList<>();
        int borders = 0;
        for (String row : rows) {
            if (TABLE_BORDER.matcher(row.strip()).matches()) {
                if (columns.isEmpty()) {
                    Matcher m = Pattern.compile("=+").matcher(row);
                    while (m.find()) {
                        columns.add(new int[] {m.start(), m.end()});
                    }
                }
                borders++;
                continue;
            }
            if (columns.isEmpty()) {
                continue;
            }
            List<List<Inline>> cellsOfRow = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int from = Math.min(columns.get(c)[0], row.length());
                int to = c == columns.size() - 1 ? row.length() : Math.min(columns.get(c + 1)[0], row.length());
                cellsOfRow.add(inline.parse(row.substring(from, to).strip()));
            }
            if (borders == 1 && header.isEmpty()) {
                header.addAll(cellsOfRow);
            } else {
                cells.add(cellsOfRow);
            }
        }
        if (borders < 3 && !header.isEmpty()) {
            // No header: one border above the rows and one below.
            cells.add(0, header);
            header = List.of();
        }
        return new Block.Table(caption, header, cells);
    }

    private void flush(List<String> paragraph, List<Block> out) {
        if (!paragraph.isEmpty()) {
            out.add(new Block.Paragraph(inline.parse(String.join("\n", paragraph))));
            paragraph.clear();
        }
    }


    /**
     * A tagged section's lines as a block: its first line follows the tag and its continuation lines are
     * indented, unless the text started on the line after the tag, when all lines are.
     */
    private static List<String> dedentTagged(List<String> lines) {
        if (lines.isEmpty() || TextBlocks.indent(lines.get(0)) > 0) {
            return TextBlocks.dedent(lines);
        }
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        List<String> rest = new ArrayList<>(lines.subList(1, lines.size()));
        int min = rest.stream().filter(l -> !l.isBlank()).mapToInt(TextBlocks::indent).min().orElse(0);
        for (String l : rest) {
            out.add(l.isBlank() ? "" : l.substring(min));
        }
        return out;
    }
}
