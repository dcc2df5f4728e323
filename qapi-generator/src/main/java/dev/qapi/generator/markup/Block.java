package dev.qapi.generator.markup;

import java.util.List;

/**
 * A block of documentation text: what the doc comments' little reStructuredText turns into, parsed once by
 * {@link DocMarkup} and rendered as HTML, Markdown or Javadoc.
 */
public sealed interface Block {

    /** Running text. */
    record Paragraph(List<Inline> content) implements Block {
        public Paragraph {
            content = List.copyOf(content);
        }
    }

    /**
     * Preformatted lines: a literal block ({@code ::}) or the code of a {@code qmp-example}.
     *
     * @param qmp whether the lines are a QMP exchange ({@code ->} requests, {@code <-} replies)
     */
    record Code(List<String> lines, boolean qmp) implements Block {
        public Code {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A {@code .. qmp-example::}.
     *
     * @param title its {@code :title:}, or the empty string
     * @param body its code, or for an {@code :annotated:} example prose and code
     */
    record Example(String title, List<Block> body) implements Block {
        public Example {
            body = List.copyOf(body);
        }
    }

    /** A bullet ({@code -}, {@code *}) or enumerated ({@code 1.}, {@code 1)}, {@code #.}) list. */
    record ItemList(boolean ordered, List<List<Block>> items) implements Block {
        public ItemList {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** {@code .. note::}, {@code .. admonition:: Title} and the like. */
    record Admonition(String title, List<Block> body) implements Block {
        public Admonition {
            body = List.copyOf(body);
        }
    }

    /**
     * A {@code .. table::} holding a simple table.
     *
     * @param caption its title, or the empty string
     * @param header the cells of the header row
     * @param rows the cells of the other rows
     */
    record Table(String caption, List<List<Inline>> header, List<List<List<Inline>>> rows) implements Block {
        public Table {
            header = header.stream().map(List::copyOf).toList();
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }
    }
}
