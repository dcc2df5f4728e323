package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.doc.Doc.Kind;
import dev.qapi.parser.doc.Doc.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A documentation block while the schema connects definitions to it (QEMU's {@code QAPIDoc.connect_member},
 * {@code connect_feature} and {@code check}). Undocumented members of a definition listed in the
 * {@code documentation-exceptions} pragma get an empty stub description.
 */
final class DocDraft {
    private final Doc original;
    private final List<String> documentationExceptions;
    private final List<Section> sections;
    private final Map<String, Section> args;
    private final Map<String, Section> features;
    private final Set<String> connectedArgs = new HashSet<>();
    private final Set<String> connectedFeatures = new HashSet<>();
    private boolean stubbed;
    private Doc frozen;

    DocDraft(Doc original, List<String> documentationExceptions) {
        this.original = original;
        this.documentationExceptions = documentationExceptions;
        this.sections = new ArrayList<>(original.sections());
        this.args = new LinkedHashMap<>(original.args());
        this.features = new LinkedHashMap<>(original.features());
    }

    /** Binds {@code member} to its description; a missing one is an error unless the definition is exempt. */
    void connectMember(DraftMember member) {
        if (!args.containsKey(member.name)) {
            if (!documentationExceptions.contains(original.symbol())) {
                throw lacksDocumentation(member);
            }
            insertStub(member);
        }
        connectedArgs.add(member.name);
    }

    /** The stub goes right after the member descriptions that follow the body. */
    private void insertStub(DraftMember member) {
        Section stub = new Section(original.info(), Kind.MEMBER, member.name, "");
        int index = 1;
        if (sections.size() > 1) {
            while (index < sections.size() && sections.get(index).kind() == Kind.MEMBER) {
                index++;
            }
            if (index == sections.size()) {
                // QEMU runs off the end of its section list here and crashes; report the gap instead.
                throw lacksDocumentation(member);
            }
        }
        sections.add(index, stub);
        args.put(member.name, stub);
        stubbed = true;
    }

    private static QapiError lacksDocumentation(DraftMember member) {
        return QapiError.semantic(member.info, member.role.word + " '" + member.name + "' lacks documentation");
    }

    /** Binds {@code feature} to its description, which must exist. */
    void connectFeature(DraftMember feature) {
        if (!features.containsKey(feature.name)) {
            throw QapiError.semantic(feature.info, "feature '" + feature.name + "' lacks documentation");
        }
        connectedFeatures.add(feature.name);
    }

    /** Every description must have been bound to something that exists. */
    void check() {
        checkDescriptions(args, connectedArgs, "member");
        checkDescriptions(features, connectedFeatures, "feature");
    }

    private static void checkDescriptions(Map<String, Section> described, Set<String> connected, String what) {
        List<String> bogus = new ArrayList<>();
        for (String name : described.keySet()) {
            if (!connected.contains(name)) {
                bogus.add(name);
            }
        }
        if (bogus.isEmpty()) {
            return;
        }
        boolean many = bogus.size() > 1;
        throw QapiError.semantic(described.get(bogus.get(0)).info(),
                "documented " + what + (many ? "s" : "") + " '" + String.join("', '", bogus) + "' "
                        + (many ? "do" : "does") + " not exist");
    }

    /** The connected block: the original one unless stubs were inserted. */
    Doc freeze() {
        if (frozen == null) {
            frozen = stubbed ? new Doc(original.info(), original.symbol(), sections) : original;
        }
        return frozen;
    }
}
