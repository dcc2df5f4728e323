package dev.qapi.compat;

import java.util.List;

/**
 * A type as a client sees it on the wire: what {@code query-qmp-schema} describes, with the type names
 * only as handles (masked numbers when read from introspection data). Types refer to each other by
 * these handles, through {@link WireSchema#type(String)}, so recursive types are graphs, not trees.
 */
public sealed interface WireType {

    /** The handle other types use for it: the schema name, or the (masked) introspection name. */
    String name();

    /** Where it was defined as {@code FILE:LINE}, or {@code null} (introspection data, predefined types). */
    String location();

    /** Its JSON type: {@code string}, {@code number}, {@code int}, {@code boolean}, {@code null}, {@code value}, {@code array} or {@code object}. */
    String jsonType();

    /**
     * A built-in type.
     *
     * @param intKind for integers, the schema's integer type ({@code int8}, {@code uint64}, {@code size}...);
     *     {@code null} when unknown (introspection reports every integer type as {@code int})
     */
    record BuiltinType(String name, String location, String jsonType, String intKind) implements WireType {
    }

    /** An enumeration. */
    record EnumType(String name, String location, List<EnumValue> values, List<String> features) implements WireType {
        public EnumType {
            values = List.copyOf(values);
            features = List.copyOf(features);
        }

        @Override
        public String jsonType() {
            return "string";
        }

        /** The value named {@code value}, or {@code null}. */
        public EnumValue value(String value) {
            for (EnumValue v : values) {
                if (v.name().equals(value)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** An array of {@code elementType}. */
    record ArrayType(String name, String location, String elementType) implements WireType {
        @Override
        public String jsonType() {
            return "array";
        }
    }

    /**
     * A JSON object: a struct, a union (with {@code tag} and {@code branches}) or the implicit type of a
     * command's or event's inline arguments. Base members are flattened into {@code members}.
     *
     * @param tag the discriminator member of a union, else {@code null}
     * @param branches a union's branches, every tag value included (empty ones too); empty for a struct
     */
    record ObjectType(String name, String location, List<Member> members, String tag, List<Branch> branches,
            List<String> features) implements WireType {
        public ObjectType {
            members = List.copyOf(members);
            branches = List.copyOf(branches);
            features = List.copyOf(features);
        }

        @Override
        public String jsonType() {
            return "object";
        }

        /** The member named {@code member}, or {@code null}. */
        public Member member(String member) {
            for (Member m : members) {
                if (m.name().equals(member)) {
                    return m;
                }
            }
            return null;
        }

        /** The branch for tag value {@code value}, or {@code null}. */
        public Branch branch(String value) {
            for (Branch b : branches) {
                if (b.value().equals(value)) {
                    return b;
                }
            }
            return null;
        }
    }

    /** An alternate: a value of one of {@code alternatives}, told apart by JSON type. */
    record AlternateType(String name, String location, List<String> alternatives, List<String> features)
            implements WireType {
        public AlternateType {
            alternatives = List.copyOf(alternatives);
            features = List.copyOf(features);
        }

        @Override
        public String jsonType() {
            return "value";
        }
    }

    /** One value of an enumeration, with its features. */
    record EnumValue(String name, List<String> features) {
        public EnumValue {
            features = List.copyOf(features);
        }
    }

    /**
     * A member of an object type.
     *
     * @param location {@code FILE:LINE} of the definition that declares it, or {@code null}
     */
    record Member(String name, String type, boolean optional, List<String> features, String location) {
        public Member {
            features = List.copyOf(features);
        }
    }

    /** A union branch: the tag value and the object type of the members it adds. */
    record Branch(String value, String type) {
    }
}
