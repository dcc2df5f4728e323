package dev.qapi.parser.schema;

import java.util.List;

/**
 * A member of an object type (struct members, base members, command and event arguments), or the tag
 * member of a union or alternate.
 *
 * @param name the member's name, without the {@code *} that marks it optional
 * @param typeName the name of its type, resolved with {@link Schema#type(String)}; for {@code ['T']} this is
 *     the array type {@code TList}
 * @param optional whether it was written with a leading {@code *}
 * @param ifcond the condition under which it exists
 * @param features its features, in order
 * @param definedIn the name of the object type (or alternate) that declares it
 */
public record Member(String name, String typeName, boolean optional, IfCond ifcond, List<Feature> features,
        String definedIn) {
    public Member {
        features = List.copyOf(features);
    }
}
