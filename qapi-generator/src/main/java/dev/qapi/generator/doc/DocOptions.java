package dev.qapi.generator.doc;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to generate.
 *
 * @param title the site's title; when empty, the first heading of the main schema file ({@code = Title}),
 *     or else that file's name
 * @param formats the formats to write, at least one
 */
public record DocOptions(Optional<String> title, Set<DocFormat> formats) {

    /** HTML and Markdown, titled from the schema. */
    public static final DocOptions DEFAULT = new DocOptions(Optional.empty(), EnumSet.allOf(DocFormat.class));

    public DocOptions {
        Objects.requireNonNull(title, "title");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format");
        }
        formats = Set.copyOf(EnumSet.copyOf(formats));
        // No lambda here: the Maven plugin builds these options on every run, also when nothing is
        // regenerated, in a fresh JVM where the first lambda costs milliseconds.
        if (title.isPresent()) {
            String stripped = title.get().strip();
            title = stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
        }
    }

    /** These options writing only {@code formats}. */
    public DocOptions withFormats(Set<DocFormat> newFormats) {
        return new DocOptions(title, newFormats);
    }

    /** These options with the title {@code newTitle}. */
    public DocOptions withTitle(String newTitle) {
        return new DocOptions(Optional.of(newTitle), formats);
    }
}
