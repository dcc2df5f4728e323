package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.doc.Doc.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the sections of one documentation block while it is read (QEMU's {@code QAPIDoc}). */
final class DocBuilder {

    private static final class Section {
        SourceInfo info;
        final Kind kind;
        final String name;
        final StringBuilder text = new StringBuilder();

        Section(SourceInfo info, Kind kind, String name) {
            this.info = info;
            this.kind = kind;
            this.name = name;
        }
    }

    private final SourceInfo info;
    private final String symbol;
    private final List<Section> sections = new ArrayList<>();
    private final Set<String> args = new HashSet<>();
    private final Set<String> features = new HashSet<>();
    private final Set<Kind> tagged = new HashSet<>();

    DocBuilder(SourceInfo info, String symbol) {
        this.info = info;
        this.symbol = symbol;
        sections.add(new Section(info, Kind.PLAIN, null));
    }

    boolean hasFeatures() {
        return !features.isEmpty();
    }

    void appendLine(String line) {
        sections.get(sections.size() - 1).text.append(line).append('\n');
    }

    void ensureUntaggedSection(SourceInfo where) {
        Section last = sections.get(sections.size() - 1);
        if (last.kind == Kind.PLAIN) {
            if (last.text.length() == 0) {
                last.info = where;
            }
            last.text.append('\n');
            return;
        }
        sections.add(new Section(where, Kind.PLAIN, null));
    }

    void newTaggedSection(SourceInfo where, Kind kind) {
        if (kind != Kind.TODO && !tagged.add(kind)) {
            throw QapiError.semantic(where, "duplicated '" + kind.title() + "' section");
        }
        sections.add(new Section(where, kind, null));
    }

    void newDescription(SourceInfo where, String name, Kind kind) {
        if (name.isEmpty()) {
            throw QapiError.semantic(where, "invalid parameter name");
        }
        Set<String> names = kind == Kind.MEMBER ? args : features;
        if (!names.add(name)) {
            throw QapiError.semantic(where, "'" + name + "' parameter name duplicated");
        }
        sections.add(new Section(where, kind, name));
    }

    /** Finishes the block: strips each section's text and requires text after every tag. */
    Doc end() {
        List<Doc.Section> out = new ArrayList<>(sections.size());
        for (Section s : sections) {
            String text = stripNewlines(s.text.toString());
            if (s.kind != Kind.PLAIN && text.isEmpty()) {
                throw QapiError.semantic(s.info, "text required after '" + s.kind.title() + ":'");
            }
            out.add(new Doc.Section(s.info, s.kind, s.name, text));
        }
        return new Doc(info, symbol, out);
    }

    private static String stripNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }
}
