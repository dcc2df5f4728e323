package dev.qapi.parser.schema;

import dev.qapi.parser.CName;
import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A member while the schema is being built: an object member, a union or alternate branch, an enum value or
 * a feature (QEMU's {@code QAPISchemaMember} family). It knows how messages describe it, checks its name
 * against the c_names seen so far, resolves its type and connects to documentation.
 */
final class DraftMember {

    /** What the member is, as messages name it. */
    enum Role {
        MEMBER("member"), BRANCH("branch"), VALUE("value"), FEATURE("feature");

        final String word;

        Role(String word) {
            this.word = word;
        }
    }

    final Role role;
    final String name;
    final SourceInfo info;
    final IfCond ifcond;
    /** For members and branches: the type's name; otherwise null. */
    final String typeName;
    final boolean optional;
    final List<DraftMember> features;
    private String definedIn;
    private DraftType type;

    private DraftMember(Role role, String name, SourceInfo info, IfCond ifcond, String typeName,
            boolean optional, List<DraftMember> features) {
        this.role = role;
        this.name = name;
        this.info = info;
        this.ifcond = ifcond;
        this.typeName = typeName;
        this.optional = optional;
        this.features = List.copyOf(features);
        for (DraftMember f : this.features) {
            f.setDefinedIn(name);
        }
    }

    static DraftMember feature(String name, SourceInfo info, IfCond ifcond) {
        return new DraftMember(Role.FEATURE, name, info, ifcond, null, false, List.of());
    }

    static DraftMember enumValue(String name, SourceInfo info, IfCond ifcond, List<DraftMember> features) {
        return new DraftMember(Role.VALUE, name, info, ifcond, null, false, features);
    }

    static DraftMember objectMember(String name, SourceInfo info, String typeName, boolean optional,
            IfCond ifcond, List<DraftMember> features) {
        return new DraftMember(Role.MEMBER, name, info, ifcond, typeName, optional, features);
    }

    static DraftMember branch(String name, SourceInfo info, String typeName, IfCond ifcond) {
        return new DraftMember(Role.BRANCH, name, info, ifcond, typeName, false, List.of());
    }

    void setDefinedIn(String owner) {
        if (definedIn != null) {
            throw new IllegalStateException(name + " is already defined in " + definedIn);
        }
        definedIn = owner;
    }

    String definedIn() {
        return definedIn;
    }

    /** The resolved type of a member or branch, once checked. */
    DraftType type() {
        return type;
    }

    /** Records this member under its c_name in {@code seen}, reporting at {@code where} if that name is taken. */
    void checkClash(SourceInfo where, Map<String, DraftMember> seen) {
        String cname = CName.of(name);
        DraftMember other = seen.get(cname);
        if (other != null) {
            throw QapiError.semantic(where, describe(where) + " collides with " + other.describe(where));
        }
        seen.put(cname, this);
    }

    /**
     * {@code member 'x'}, or {@code member 'x' of type 'T'} when {@code where} is about another definition;
     * members of implicit argument and base types read {@code parameter 'x'} and {@code base member 'x'}.
     */
    String describe(SourceInfo where) {
        String roleWord = role.word;
        String meta = "type";
        String owner = definedIn;
        if (owner.startsWith("q_obj_")) {
            owner = owner.substring("q_obj_".length());
            if (owner.endsWith("-arg")) {
                roleWord = "parameter";
                meta = "command";
                owner = owner.substring(0, owner.length() - "-arg".length());
            } else if (owner.endsWith("-base")) {
                roleWord = "base " + roleWord;
                owner = owner.substring(0, owner.length() - "-base".length());
            }
        }
        if (where == null || !owner.equals(where.defnName())) {
            return roleWord + " '" + name + "' of " + meta + " '" + owner + "'";
        }
        return roleWord + " '" + name + "'";
    }

    /** Resolves a member's or branch's type and checks its features for clashes. */
    void check(DraftSchema schema) {
        type = schema.lookupType(typeName);
        if (type == null) {
            throw DraftSchema.unknownType(typeName, info, describe(info));
        }
        Map<String, DraftMember> seen = new HashMap<>();
        for (DraftMember f : features) {
            f.checkClash(info, seen);
        }
    }

    /** Connects this member (and its features) to its description in {@code doc}, if there is a doc. */
    void connectDoc(DocDraft doc) {
        if (doc == null) {
            return;
        }
        doc.connectMember(this);
        for (DraftMember f : features) {
            doc.connectFeature(f);
        }
    }

    Feature freezeFeature() {
        return new Feature(name, ifcond);
    }

    EnumValue freezeValue() {
        return new EnumValue(name, ifcond, freezeFeatures(features));
    }

    Member freezeMember() {
        return new Member(name, typeName, optional, ifcond, freezeFeatures(features), definedIn);
    }

    Branch freezeBranch() {
        return new Branch(name, typeName, ifcond);
    }

    static List<Branch> freezeBranches(List<DraftMember> branches) {
        List<Branch> out = new ArrayList<>(branches.size());
        for (DraftMember b : branches) {
            out.add(b.freezeBranch());
        }
        return List.copyOf(out);
    }

    static List<Feature> freezeFeatures(List<DraftMember> features) {
        List<Feature> out = new ArrayList<>(features.size());
        for (DraftMember f : features) {
            out.add(f.freezeFeature());
        }
        return List.copyOf(out);
    }
}
