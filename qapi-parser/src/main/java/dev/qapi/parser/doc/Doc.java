package dev.qapi.parser.doc;

import dev.qapi.parser.SourceInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A documentation comment block ({@code ##} ... {@code ##}): either definition documentation, whose
 * first line is {@code @SYMBOL:}, or free-form documentation (no symbol).
 *
 * <p>The sections are in textual order. The first one is always the untagged body (possibly empty);
 * then come member descriptions, feature descriptions, tagged sections ({@code Returns:},
 * {@code Errors:}, {@code Since:}, {@code TODO:}) and further untagged paragraphs.
 *
 * @param info the line of the opening {@code ##}
 * @param symbol the documented definition's name, or {@code null} for free-form documentation
 * @param sections every section in textual order; never empty
 */
public record Doc(SourceInfo info, String symbol, List<Section> sections) {

    /** The kinds of section, named as QEMU names them in its messages ({@code Plain}, {@code Member}, ...). */
    public enum Kind {
        PLAIN, MEMBER, FEATURE, RETURNS, ERRORS, SINCE, TODO;

        /** {@code Returns} for {@code RETURNS}: the spelling used in error messages. */
        public String title() {
            String n = name();
            return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
        }

        /** The kind of tag {@code Returns}, {@code Errors}, {@code Since} or {@code TODO}. */
        public static Kind ofTag(String tag) {
            return valueOf(tag.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One section.
     *
     * @param info the line where it starts
     * @param kind its kind
     * @param name the member or feature it describes ({@code MEMBER}/{@code FEATURE}), else {@code null}
     * @param text its text, without the tag, leading and trailing newlines stripped
     */
    public record Section(SourceInfo info, Kind kind, String name, String text) {
        public Section withText(String newText) {
            return new Section(info, kind, name, newText);
        }
    }

    public Doc {
        sections = List.copyOf(sections);
        if (sections.isEmpty() || sections.get(0).kind() != Kind.PLAIN) {
            throw new IllegalArgumentException("a doc starts with its body section");
        }
    }

    /** Whether this is definition documentation. */
    public boolean isDefinitionDoc() {
        return symbol != null;
    }

    /** The untagged introduction (may have empty text). */
    public Section body() {
        return sections.get(0);
    }

    /** Member descriptions ({@code @name: text}), by name, in textual order. */
    public Map<String, Section> args() {
        return byName(Kind.MEMBER);
    }

    /** Feature descriptions (after {@code Features:}), by name, in textual order. */
    public Map<String, Section> features() {
        return byName(Kind.FEATURE);
    }

    public Optional<Section> returns() {
        return first(Kind.RETURNS);
    }

    public Optional<Section> errors() {
        return first(Kind.ERRORS);
    }

    public Optional<Section> since() {
        return first(Kind.SINCE);
    }

    /** Every section but the body, member and feature descriptions: tagged sections and later paragraphs. */
    public List<Section> otherSections() {
        return sections.stream()
                .skip(1)
                .filter(s -> s.kind() != Kind.MEMBER && s.kind() != Kind.FEATURE)
                .toList();
    }

    private Map<String, Section> byName(Kind kind) {
        Map<String, Section> out = new LinkedHashMap<>();
        for (Section s : sections) {
            if (s.kind() == kind) {
                out.put(s.name(), s);
            }
        }
        return out;
    }

    private Optional<Section> first(Kind kind) {
        for (Section s : sections) {
            if (s.kind() == kind) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
