package dev.qapi.generator.markup;

/**
 * A run of text inside a paragraph, list item, table cell or entry line, as every renderer (HTML, Markdown,
 * Javadoc) sees it. Links are already resolved to a page and an anchor, so rendering needs no knowledge of
 * the schema.
 */
public sealed interface Inline {

    /** Plain text, unescaped. */
    record Text(String text) implements Inline {
    }

    /** A literal: {@code ``x``}, or an {@code @name} that names no definition. */
    record Code(String text) implements Inline {
    }

    /** {@code **strong**}. */
    record Strong(String text) implements Inline {
    }

    /** {@code *emphasis*}. */
    record Emphasis(String text) implements Inline {
    }

    /**
     * A link to a definition's documentation.
     *
     * @param text what it shows
     * @param code whether the text is a name, shown as code
     * @param page the target page: in a documentation site its name without extension (e.g.
     *     {@code control}), in Javadoc the class documenting the definition
     * @param anchor the element id on that page, or null for the top of the page
     */
    record Link(String text, boolean code, String page, String anchor) implements Inline {
    }

    /** An external link shown as its address. */
    record Url(String url) implements Inline {
    }
}
