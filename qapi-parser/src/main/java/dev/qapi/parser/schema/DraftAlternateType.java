package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alternate type while the schema is being built. Checking makes sure every alternative can be told
 * apart from the others by the JSON type of a value.
 */
final class DraftAlternateType extends DraftType {
    private final List<DraftMember> alternatives;
    private final DraftMember tagMember;

    DraftAlternateType(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features,
            List<DraftMember> alternatives) {
        super(name, info, doc, ifcond, features);
        this.alternatives = List.copyOf(alternatives);
        for (DraftMember v : this.alternatives) {
            v.setDefinedIn(name);
        }
        tagMember = DraftMember.objectMember("type", info, "QType", false, IfCond.ALWAYS, List.of());
        tagMember.setDefinedIn(name);
    }

    @Override
    String meta() {
        return "alternate";
    }

    @Override
    boolean isImplicit() {
        return false;
    }

    @Override
    String jsonType() {
        return "value";
    }

    @Override
    void check(DraftSchema schema) {
        super.check(schema);
        tagMember.check(schema);
        for (DraftMember v : alternatives) {
            v.check(schema);
        }
        Map<String, DraftMember> seen = new HashMap<>();
        Map<String, Integer> claimedBy = new HashMap<>();
        for (int i = 0; i < alternatives.size(); i++) {
            DraftMember v = alternatives.get(i);
            v.checkClash(info, seen);
            Set<String> claims = claims(v);
            // QEMU walks the claims in set order, so which earlier alternative it names varies between runs;
            // name the first one in definition order.
            int earlier = -1;
            for (String qtype : claims) {
                Integer by = claimedBy.get(qtype);
                if (by != null && (earlier < 0 || by < earlier)) {
                    earlier = by;
                }
            }
            if (earlier >= 0) {
                throw QapiError.semantic(info, v.describe(info) + " can't be distinguished from '"
                        + alternatives.get(earlier).name + "'");
            }
            for (String qtype : claims) {
                claimedBy.put(qtype, i);
            }
        }
    }

    /** The QTypes a value of {@code v}'s type may arrive as: a string may also be parsed as number or bool. */
    private Set<String> claims(DraftMember v) {
        DraftType type = v.type();
        String qtype = type.alternateQtype();
        if (qtype == null) {
            throw QapiError.semantic(info, v.describe(info) + " cannot use " + type.describe());
        }
        Set<String> claims = new LinkedHashSet<>();
        claims.add(qtype);
        if (qtype.equals("QTYPE_QSTRING")) {
            if (type instanceof DraftEnumType e) {
                for (DraftMember value : e.values) {
                    if (value.name.equals("on") || value.name.equals("off")) {
                        claims.add("QTYPE_QBOOL");
                    }
                    if (startsNumberLike(value.name)) {
                        claims.add("QTYPE_QNUM");
                    }
                }
            } else {
                claims.add("QTYPE_QNUM");
                claims.add("QTYPE_QBOOL");
            }
        }
        return claims;
    }

    /** Whether {@code name} starts like a number ({@code [-+0-9.]}), so that QMP could parse it as one. */
    private static boolean startsNumberLike(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char c = name.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }

    @Override
    void connectDoc(DocDraft given) {
        super.connectDoc(given);
        DocDraft d = given != null ? given : doc;
        for (DraftMember v : alternatives) {
            v.connectDoc(d);
        }
    }

    @Override
    Entity freeze() {
        return new AlternateType(name, info, frozenDoc(), ifcond(), frozenFeatures(),
                new Variants(tagMember.freezeMember(), DraftMember.freezeBranches(alternatives)));
    }
}
