package dev.qapi.parser.schema;

/**
 * A type: something a member, branch, argument or return value can be declared as.
 */
public sealed interface SchemaType extends Definition
        permits BuiltinType, EnumType, ArrayType, ObjectType, AlternateType {

    /**
     * Its JSON type: {@code string}, {@code number}, {@code int}, {@code boolean}, {@code null},
     * {@code value} (anything), {@code array} or {@code object}.
     */
    String jsonType();

    /** How messages describe it: {@code built-in type 'int'}, {@code struct type 'Foo'}, ... */
    default String describe() {
        return meta() + " type '" + name() + "'";
    }
}
