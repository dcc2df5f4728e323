package dev.qapi.generator.markup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads inline markup: {@code ``literal``}, {@code @name} and {@code `name`} references (links when they
 * name a definition), roles such as {@code :doc:`Title <target>`} (their text), {@code **strong**},
 * {@code *emphasis*} and web addresses.
 */
public final class InlineMarkup {
    private static final Pattern INLINE = Pattern.compile(
            "``(.+?)``"
                    + "|@([A-Za-z0-9_][A-Za-z0-9_.+-]*[A-Za-z0-9_]|[A-Za-z0-9_])"
                    + "|:[\\w-]+:`([^`]*)`"
                    + "|\\*\\*(.+?)\\*\\*"
                    + "|(?<![\\w*])\\*([^*\\s][^*]*?)\\*(?![\\w*])"
                    + "|`([^`\\s][^`]*)`(?!_)"
                    + "|<?(https?://[^\\s<>]*[^\\s<>.,;:)'\"])>?",
            Pattern.DOTALL);

    private final Function<String, Optional<Inline.Link>> links;

    /** @param links the link to a definition of a referenced name, if it names one */
    public InlineMarkup(Function<String, Optional<Inline.Link>> links) {
        this.links = links;
    }

    public List<Inline> parse(String text) {
        List<Inline> out = new ArrayList<>();
        if (!mayHaveMarkup(text)) {
            text(text, out);
            return out;
        }
        Matcher m = INLINE.matcher(text);
        int last = 0;
        while (m.find()) {
            text(text.substring(last, m.start()), out);
            if (m.group(1) != null) {
                out.add(new Inline.Code(m.group(1)));
            } else if (m.group(2) != null) {
                out.add(reference(m.group(2)));
            } else if (m.group(3) != null) {
                out.add(new Inline.Emphasis(m.group(3).replaceAll("\\s*<[^>]*>$", "")));
            } else if (m.group(4) != null) {
                out.add(new Inline.Strong(m.group(4)));
            } else if (m.group(5) != null) {
                out.add(new Inline.Emphasis(m.group(5)));
            } else if (m.group(6) != null) {
                out.add(reference(m.group(6)));
            } else {
                out.add(new Inline.Url(m.group(7)));
            }
            last = m.end();
        }
        text(text.substring(last), out);
        return out;
    }

    /**
     * Whether {@link #INLINE} can match: each of its forms needs a {@code `}, {@code @}, {@code *} or
     * {@code http}. Most doc text has none, and this look saves running the pattern over it.
     */
    private static boolean mayHaveMarkup(String text) {
        return text.indexOf('`') >= 0 || text.indexOf('@') >= 0 || text.indexOf('*') >= 0 || text.contains("http");
    }

    private Inline reference(String name) {
        return links.apply(name).<Inline>map(l -> l).orElseGet(() -> new Inline.Code(name));
    }

    private static void text(String text, List<Inline> out) {
        if (!text.isEmpty()) {
            out.add(new Inline.Text(text));
        }
    }
}
