package dev.qapi.generator.doc;

import dev.qapi.generator.markup.Block;
import dev.qapi.generator.markup.Inline;
import java.util.List;

/**
 * What one page of the reference says, before it is written as HTML or Markdown: the renderers decide
 * nothing about content, only about form.
 *
 * @param name the file name without extension ({@code index}, {@code control})
 * @param title the page's title
 * @param subtitle what the page covers (the module's file name), or the empty string
 * @param parts its content, in order
 */
record Page(String name, String title, String subtitle, List<Part> parts) {

    Page {
        parts = List.copyOf(parts);
    }

    /** One piece of a page. */
    sealed interface Part {
    }

    /**
     * A heading of free-form documentation ({@code = Title} is level 1).
     *
     * @param id its element id, unique on the page
     */
    record Heading(int level, String id, String text) implements Part {
    }

    /** Free-form documentation text. */
    record Prose(List<Block> blocks) implements Part {
        Prose {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * The reference entry of one command, event or type.
     *
     * @param id its element id ({@code command-query-monitors})
     * @param kind {@code Command}, {@code Event}, {@code Struct}, {@code Union}, {@code Enum}, {@code Alternate}
     * @param name the definition's name
     * @param since its {@code Since:} text, or empty
     * @param badges its special features, condition and command flags
     * @param sections its description, members, returns, errors, notes and examples, in order
     */
    record Entry(String id, String kind, String name, List<Inline> since, List<Badge> badges,
            List<EntrySection> sections) implements Part {
        Entry {
            since = List.copyOf(since);
            badges = List.copyOf(badges);
            sections = List.copyOf(sections);
        }

        /** Whether the definition is deprecated. */
        boolean deprecated() {
            return badges.stream().anyMatch(b -> b.kind() == Badge.Kind.DEPRECATED);
        }
    }

    /** The table of contents of the site: every module with its headings. */
    record Contents(List<ModuleContents> modules) implements Part {
        Contents {
            modules = List.copyOf(modules);
        }
    }

    /**
     * One module in the table of contents.
     *
     * @param page its page's name
     * @param title its first heading, or its file name
     * @param module its file name
     * @param headings its further headings
     */
    record ModuleContents(String page, String title, String module, List<Heading> headings) {
        ModuleContents {
            headings = List.copyOf(headings);
        }
    }

    /** The alphabetical index of every command, event and type. */
    record Index(List<IndexEntry> entries) implements Part {
        Index {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One line of the index.
     *
     * @param link the link to the entry
     * @param kind its kind, as in {@link Entry#kind()}
     * @param module the file name of its module
     * @param badges its special features
     */
    record IndexEntry(Inline.Link link, String kind, String module, List<Badge> badges) {
        IndexEntry {
            badges = List.copyOf(badges);
        }
    }

    /** A part of an entry. */
    sealed interface EntrySection {
    }

    /** Text: the description, a note, an example. */
    record Text(List<Block> blocks) implements EntrySection {
        Text {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A list of named things: arguments, members, values, alternatives, features.
     *
     * @param title {@code Arguments}, {@code Members}, ...
     * @param typed whether the fields have types (not so for enum values and features)
     * @param fields the fields
     * @param pointers lines referring to members documented elsewhere ("The members of T.")
     */
    record Fields(String title, boolean typed, List<Field> fields, List<Pointer> pointers) implements EntrySection {
        Fields {
            fields = List.copyOf(fields);
            pointers = List.copyOf(pointers);
        }
    }

    /**
     * One named thing.
     *
     * @param id its element id, or null
     * @param name its name
     * @param type its type (a link, or {@code [}link{@code ]}), empty when untyped
     * @param optional whether it may be absent
     * @param badges its features and condition
     * @param description what the doc comment says about it
     */
    record Field(String id, String name, List<Inline> type, boolean optional, List<Badge> badges,
            List<Block> description) {
        Field {
            type = List.copyOf(type);
            badges = List.copyOf(badges);
            description = List.copyOf(description);
        }
    }

    /** A line referring to members documented elsewhere, with the condition it holds under. */
    record Pointer(List<Inline> text, List<Badge> badges) {
        Pointer {
            text = List.copyOf(text);
            badges = List.copyOf(badges);
        }
    }

    /**
     * What a command returns.
     *
     * @param type the return type, empty when the schema gives none
     * @param description the {@code Returns:} text
     */
    record Returns(List<Inline> type, List<Block> description) implements EntrySection {
        Returns {
            type = List.copyOf(type);
            description = List.copyOf(description);
        }
    }

    /** A titled piece of text, such as {@code Errors}. */
    record Labelled(String title, List<Block> blocks) implements EntrySection {
        Labelled {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A marker next to an entry or field.
     *
     * @param kind how it is shown
     * @param text what it says
     */
    record Badge(Kind kind, String text) {

        /** The kinds of marker. */
        enum Kind {
            /** The {@code deprecated} feature. */
            DEPRECATED,
            /** The {@code unstable} feature. */
            UNSTABLE,
            /** Any other feature. */
            FEATURE,
            /** A condition ({@code if}). */
            CONDITION,
            /** A command flag such as {@code allow-oob}. */
            FLAG,
        }
    }
}
