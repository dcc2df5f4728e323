package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * An object type: a struct, a union, or an implicit object type ({@code q_empty}, {@code q_obj_NAME-arg}
 * for a command's or event's inline arguments, {@code q_obj_NAME-base} for a union's inline base).
 *
 * @param name its name
 * @param info where it was defined (for an implicit type, the definition that caused it); {@code null} for
 *     {@code q_empty}
 * @param doc its connected documentation, or {@code null}
 * @param ifcond its condition (an implicit type has its definition's)
 * @param features its features
 * @param baseName the name of its base type, or {@code null}
 * @param localMembers the members it declares itself (none for a union)
 * @param variants the tag member and branches of a union, {@code null} for a struct
 * @param members every member: the base's members (flattened, recursively) then the local ones
 */
public record ObjectType(String name, SourceInfo info, Doc doc, IfCond ifcond, List<Feature> features,
        String baseName, List<Member> localMembers, Variants variants, List<Member> members)
        implements SchemaType {

    public ObjectType {
        features = List.copyOf(features);
        localMembers = List.copyOf(localMembers);
        members = List.copyOf(members);
    }

    /** {@code union} for a union, else {@code struct}. */
    @Override
    public String meta() {
        return variants != null ? "union" : "struct";
    }

    /** Whether this is a union. */
    public boolean isUnion() {
        return variants != null;
    }

    /** Whether the schema made it up: its name starts with {@code q_}. */
    @Override
    public boolean isImplicit() {
        return name.startsWith("q_");
    }

    /** Whether it has neither members nor variants. */
    public boolean isEmpty() {
        return members.isEmpty() && variants == null;
    }

    /** Whether any member (base members included) is conditional. */
    public boolean hasConditionalMembers() {
        return members.stream().anyMatch(m -> m.ifcond().isPresent());
    }

    @Override
    public String jsonType() {
        return "object";
    }
}
