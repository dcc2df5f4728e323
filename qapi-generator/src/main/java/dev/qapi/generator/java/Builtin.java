package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Map;

/**
 * A QAPI built-in type in Java: its type, the {@code InputVisitor} method that reads it, and the
 * {@code OutputVisitor} writer that writes it.
 *
 * @param type the Java type of a mandatory member ({@code long} for {@code int})
 * @param boxed the Java type inside {@code Optional} and {@code List}
 * @param readMethod the {@code InputVisitor} method, e.g. {@code readInt64}
 * @param writeMethod the static {@code OutputVisitor} writer, e.g. {@code writeInt}
 * @param instanceWrite the {@code OutputVisitor} instance method for one value, e.g. {@code int64}
 * @param unsignedMax for {@code uint8}/{@code uint16}/{@code uint32}, whose Java type is wider, the
 *     largest value; 0 otherwise
 */
record Builtin(TypeName type, TypeName boxed, String readMethod, String writeMethod, String instanceWrite,
        long unsignedMax) {

    private static final ClassName STRING = JdkTypes.STRING;

    private static final Map<String, Builtin> BUILTINS = Map.ofEntries(
            Map.entry("str", new Builtin(STRING, STRING, "readStr", "writeStr", "str", 0)),
            Map.entry("number", new Builtin(TypeName.DOUBLE, TypeName.DOUBLE.box(), "readNumber", "writeNumber", "number", 0)),
            Map.entry("int", signed(TypeName.LONG, "readInt64")),
            Map.entry("int64", signed(TypeName.LONG, "readInt64")),
            Map.entry("int8", signed(TypeName.BYTE, "readInt8")),
            Map.entry("int16", signed(TypeName.SHORT, "readInt16")),
            Map.entry("int32", signed(TypeName.INT, "readInt32")),
            Map.entry("uint8", new Builtin(TypeName.SHORT, TypeName.SHORT.box(), "readUint8", "writeInt", "int64", 0xFFL)),
            Map.entry("uint16", new Builtin(TypeName.INT, TypeName.INT.box(), "readUint16", "writeInt", "int64", 0xFFFFL)),
            Map.entry("uint32", new Builtin(TypeName.LONG, TypeName.LONG.box(), "readUint32", "writeInt", "int64", 0xFFFF_FFFFL)),
            Map.entry("uint64", new Builtin(TypeName.LONG, TypeName.LONG.box(), "readUint64", "writeUint64", "uint64", 0)),
            Map.entry("size", new Builtin(TypeName.LONG, TypeName.LONG.box(), "readSize", "writeUint64", "uint64", 0)),
            Map.entry("bool", new Builtin(TypeName.BOOLEAN, TypeName.BOOLEAN.box(), "readBool", "writeBool", "bool", 0)),
            Map.entry("any", new Builtin(ClassNames.JSON_NODE, ClassNames.JSON_NODE, "readAny", "writeAny", "any", 0)),
            Map.entry("null", new Builtin(ClassNames.QNULL, ClassNames.QNULL, "readNull", "writeNull", "nul", 0)));

    private static Builtin signed(TypeName type, String readMethod) {
        return new Builtin(type, type.box(), readMethod, "writeInt", "int64", 0);
    }

    /** The built-in called {@code name}, or null for other types (including the built-in enum QType). */
    static Builtin of(String name) {
        return BUILTINS.get(name);
    }
}
