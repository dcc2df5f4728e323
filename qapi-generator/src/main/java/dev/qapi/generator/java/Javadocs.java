package dev.qapi.generator.java;

import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.schema.Feature;
import dev.qapi.parser.schema.IfCond;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Javadoc for generated code, made from the schema's doc comments: the description, one
 * {@code @param} per member, {@code @return}, errors, features, {@code @since} and
 * {@code @deprecated}.
 */
final class Javadocs {

    /**
     * A documented parameter or record component.
     *
     * @param javaName its Java name
     * @param qapiName the member name the doc comment uses
     * @param doc the doc comment that describes it, when not the definition's own (a base type's)
     */
    record Param(String javaName, String qapiName, Doc doc) {
        Param(String javaName, String qapiName) {
            this(javaName, qapiName, null);
        }
    }

    private final JavadocRenderer text;

    Javadocs(JavadocRenderer text) {
        this.text = text;
    }

    /**
     * The Javadoc of a definition.
     *
     * @param doc its doc comment, or null
     * @param fallback the first sentence to use when there is no doc comment
     * @param ifcond its condition, mentioned when recorded
     * @param recordConditions whether conditions are recorded
     * @param params the members documented as {@code @param}
     * @param returns whether to document a {@code @return}
     */
    String definition(Doc doc, String fallback, IfCond ifcond, boolean recordConditions, List<Feature> features,
            List<Param> params, boolean returns) {
        StringBuilder out = new StringBuilder();
        String body = doc == null ? "" : text.html(doc.body().text(), false);
        out.append(body.isEmpty() ? fallback : body);
        if (doc != null) {
            List<Doc.Section> sections = doc.sections();
            for (int i = 1; i < sections.size(); i++) { // doc.otherSections() (members and features are not), without a stream
                Doc.Section section = sections.get(i);
                switch (section.kind()) {
                    case PLAIN -> paragraph(out, text.html(section.text(), false));
                    case ERRORS -> paragraph(out, "<b>Errors:</b>\n" + text.html(section.text(), true));
                    case TODO -> paragraph(out, "<b>TODO:</b> " + text.html(section.text(), true));
                    default -> {
                    }
                }
            }
        }
        featureList(out, doc, features);
        if (recordConditions && ifcond.isPresent()) {
            paragraph(out, "Only in builds where {@code " + ifcond + "} holds.");
        }
        StringBuilder tags = new StringBuilder();
        for (Param p : params) {
            String description = memberText(p.doc() != null ? p.doc() : doc, p.qapiName());
            tags.append("\n@param ").append(p.javaName()).append(' ')
                    .append(description.isEmpty() ? "the member {@code " + p.qapiName() + "}" : description);
        }
        if (returns) {
            String r = doc == null ? "" : doc.returns().map(s -> text.html(s.text(), true)).orElse("");
            tags.append("\n@return ").append(r.isEmpty() ? "the result" : r);
        }
        deprecated(tags, doc, features);
        if (doc != null) {
            doc.since().ifPresent(s -> tags.append("\n@since ").append(text.inlineHtml(s.text())));
        }
        if (tags.length() > 0) {
            out.append('\n').append(tags);
        }
        return out.toString();
    }

    /** The Javadoc of one member (enum value, alternative, union branch) described in {@code doc}. */
    String member(Doc doc, String qapiName, IfCond ifcond, boolean recordConditions, List<Feature> features) {
        StringBuilder out = new StringBuilder(memberText(doc, qapiName));
        if (out.length() == 0) {
            out.append("The value {@code ").append(JavadocRenderer.escape(qapiName)).append("}.");
        }
        if (!features.isEmpty()) {
            StringJoiner names = new StringJoiner(", ");
            for (Feature f : features) {
                names.add("{@code " + f.name() + "}");
            }
            paragraph(out, "Features: " + names + ".");
        }
        if (recordConditions && ifcond.isPresent()) {
            paragraph(out, "Only in builds where {@code " + ifcond + "} holds.");
        }
        StringBuilder tags = new StringBuilder();
        deprecated(tags, null, features);
        return tags.length() == 0 ? out.toString() : out + "\n" + tags;
    }

    private String memberText(Doc doc, String qapiName) {
        if (doc == null) {
            return "";
        }
        Doc.Section section = memberSection(doc, qapiName);
        return section == null ? "" : text.html(section.text(), true);
    }

    /**
     * What {@code doc.args().get(qapiName)} gives, without building the map of every member (this is
     * asked once per member): the last member section of that name.
     */
    private static Doc.Section memberSection(Doc doc, String qapiName) {
        List<Doc.Section> sections = doc.sections();
        for (int i = sections.size() - 1; i >= 0; i--) {
            Doc.Section s = sections.get(i);
            if (s.kind() == Doc.Kind.MEMBER && qapiName.equals(s.name())) {
                return s;
            }
        }
        return null;
    }

    private void featureList(StringBuilder out, Doc doc, List<Feature> features) {
        if (features.isEmpty()) {
            return;
        }
        Map<String, Doc.Section> described = doc == null ? Map.of() : doc.features();
        StringBuilder list = new StringBuilder("<b>Features:</b>\n<ul>");
        for (Feature f : features) {
            Doc.Section s = described.get(f.name());
            list.append("\n  <li>{@code ").append(f.name()).append("}");
            if (s != null && !s.text().isBlank()) {
                list.append(": ").append(text.html(s.text(), true));
            }
        }
        list.append("\n</ul>");
        paragraph(out, list.toString());
    }

    private void deprecated(StringBuilder tags, Doc doc, List<Feature> features) {
        if (!Annotations.hasFeature(features, "deprecated")) {
            return;
        }
        Doc.Section s = doc == null ? null : doc.features().get("deprecated");
        String why = s == null || s.text().isBlank() ? "deprecated in the schema" : text.html(s.text(), true);
        tags.append("\n@deprecated ").append(why);
    }

    private static void paragraph(StringBuilder out, String html) {
        if (html.isEmpty()) {
            return;
        }
        out.append(html.startsWith("<pre>") || html.startsWith("<ul>") ? "\n\n" : "\n\n<p>").append(html);
    }
}
