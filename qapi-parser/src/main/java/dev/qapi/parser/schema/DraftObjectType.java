package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A struct, union or implicit object type while the schema is being built. Checking it checks its base
 * and its branch types first, as QEMU does, and detects an object that contains itself.
 */
final class DraftObjectType extends DraftType {
    private final String baseName;
    final List<DraftMember> localMembers;
    final DraftBranches branches;
    private DraftObjectType base;
    private List<DraftMember> members;
    private boolean checkComplete;

    DraftObjectType(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features,
            String baseName, List<DraftMember> localMembers, DraftBranches branches) {
        super(name, info, doc, ifcond, features);
        this.baseName = baseName;
        this.localMembers = List.copyOf(localMembers);
        this.branches = branches;
        for (DraftMember m : this.localMembers) {
            m.setDefinedIn(name);
        }
        if (branches != null) {
            branches.setDefinedIn(name);
        }
    }

    @Override
    String meta() {
        return branches != null ? "union" : "struct";
    }

    @Override
    boolean isImplicit() {
        return name.startsWith("q_");
    }

    @Override
    String jsonType() {
        return "object";
    }

    /** Every member, base members first; available once checked. */
    List<DraftMember> members() {
        return members;
    }

    boolean hasConditionalMembers() {
        for (DraftMember m : members) {
            if (m.ifcond.isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    void check(DraftSchema schema) {
        if (checkComplete) {
            return;
        }
        if (isChecked()) {
            throw QapiError.semantic(info, "object " + name + " contains itself");
        }
        super.check(schema);
        Map<String, DraftMember> seen = new LinkedHashMap<>();
        if (baseName != null && !baseName.isEmpty()) {
            DraftType resolved = schema.resolveType(baseName, info, "'base'");
            if (!(resolved instanceof DraftObjectType b) || b.branches != null) {
                throw QapiError.semantic(info, "'base' requires a struct type, " + resolved.describe() + " isn't");
            }
            base = b;
            base.check(schema);
            base.checkClash(info, seen);
        }
        for (DraftMember m : localMembers) {
            m.check(schema);
            m.checkClash(info, seen);
        }
        List<DraftMember> all = new ArrayList<>(seen.values());
        if (branches != null) {
            branches.check(schema, seen);
            branches.checkClash(info, seen);
        }
        members = all;
        checkComplete = true;
    }

    /** Adds this type's members (and its branches' members, per branch) to {@code seen}, reporting at {@code where}. */
    void checkClash(SourceInfo where, Map<String, DraftMember> seen) {
        for (DraftMember m : members) {
            m.checkClash(where, seen);
        }
        if (branches != null) {
            branches.checkClash(where, seen);
        }
    }

    @Override
    void connectDoc(DocDraft given) {
        super.connectDoc(given);
        DocDraft d = given != null ? given : doc;
        if (base != null && base.isImplicit()) {
            base.connectDoc(d);
        }
        for (DraftMember m : localMembers) {
            m.connectDoc(d);
        }
    }

    @Override
    Entity freeze() {
        return new ObjectType(name, info, frozenDoc(), ifcond(), frozenFeatures(),
                base == null ? null : base.name,
                freezeMembers(localMembers), branches == null ? null : branches.freeze(), freezeMembers(members));
    }

    private static List<Member> freezeMembers(List<DraftMember> drafts) {
        List<Member> out = new ArrayList<>(drafts.size());
        for (DraftMember m : drafts) {
            out.add(m.freezeMember());
        }
        return List.copyOf(out);
    }
}
