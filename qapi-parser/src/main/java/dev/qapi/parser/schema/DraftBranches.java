package dev.qapi.parser.schema;

import dev.qapi.parser.CName;
import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A union's discriminator and branches while the schema is being built (QEMU's
 * {@code QAPISchemaBranches}). Checking finds the discriminator among the base members, adds a
 * {@code q_empty} branch for every enum value left out, and checks each branch type.
 */
final class DraftBranches {
    private final SourceInfo info;
    private final String tagName;
    private final List<DraftMember> variants;
    private DraftMember tagMember;

    DraftBranches(SourceInfo info, List<DraftMember> variants, String tagName) {
        this.info = info;
        this.variants = new ArrayList<>(variants);
        this.tagName = tagName;
    }

    void setDefinedIn(String owner) {
        for (DraftMember v : variants) {
            v.setDefinedIn(owner);
        }
    }

    /** Checks the branches against the base members in {@code seen}. */
    void check(DraftSchema schema, Map<String, DraftMember> seen) {
        DraftMember tag = seen.get(CName.of(tagName));
        String base = "'base'";
        if (tag == null || !tagName.equals(tag.name)) {
            throw QapiError.semantic(info, "discriminator '" + tagName + "' is not a member of " + base);
        }
        tagMember = tag;
        DraftType baseType = schema.lookupType(tag.definedIn());
        if (!baseType.isImplicit()) {
            base = "base type '" + tag.definedIn() + "'";
        }
        if (!(tag.type() instanceof DraftEnumType tagEnum)) {
            throw QapiError.semantic(info,
                    "discriminator member '" + tagName + "' of " + base + " must be of enum type");
        }
        if (tag.optional) {
            throw QapiError.semantic(info,
                    "discriminator member '" + tagName + "' of " + base + " must not be optional");
        }
        if (tag.ifcond.isPresent()) {
            throw QapiError.semantic(info,
                    "discriminator member '" + tagName + "' of " + base + " must not be conditional");
        }
        Set<String> cases = new HashSet<>();
        for (DraftMember v : variants) {
            cases.add(v.name);
        }
        for (DraftMember value : tagEnum.values) {
            if (!cases.contains(value.name)) {
                DraftMember empty = DraftMember.branch(value.name, info, "q_empty", value.ifcond);
                empty.setDefinedIn(tag.definedIn());
                variants.add(empty);
            }
        }
        if (variants.isEmpty()) {
            throw QapiError.semantic(info, "union has no branches");
        }
        for (DraftMember v : variants) {
            v.check(schema);
            if (!tagEnum.hasValue(v.name)) {
                throw QapiError.semantic(info, "branch '" + v.name + "' is not a value of " + tagEnum.describe());
            }
            if (!(v.type() instanceof DraftObjectType branchType)) {
                throw QapiError.semantic(info, v.describe(info) + " cannot use " + v.type().describe());
            }
            branchType.check(schema);
        }
    }

    /** Each branch's members must not clash with the base members in {@code seen}; branches may share names. */
    void checkClash(SourceInfo where, Map<String, DraftMember> seen) {
        for (DraftMember v : variants) {
            ((DraftObjectType) v.type()).checkClash(where, new LinkedHashMap<>(seen));
        }
    }

    Variants freeze() {
        return new Variants(tagMember.freezeMember(), DraftMember.freezeBranches(variants));
    }
}
