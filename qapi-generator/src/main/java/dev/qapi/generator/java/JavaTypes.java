package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Definition;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.Schema;
import dev.qapi.parser.schema.SchemaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java side of every schema type: which types become classes and under which names, what Java type
 * a member has, and the expressions that read and write a value of it.
 */
final class JavaTypes {
    static final ClassName OPTIONAL = JdkTypes.OPTIONAL;
    static final ClassName LIST = JdkTypes.LIST;

    private final Schema schema;
    private final GeneratorOptions options;
    private final Map<String, ClassName> classes = new LinkedHashMap<>();
    private final List<Command> argumentRecords = new ArrayList<>();

    JavaTypes(Schema schema, GeneratorOptions options, JavaNames.Scope topLevel) {
        this.schema = schema;
        this.options = options;
        for (SchemaType type : schema.types()) {
            if (isGenerated(type)) {
                classes.put(type.name(), ClassName.get(options.packageName(), topLevel.claim(JavaNames.upperCamel(type.name()))));
            }
        }
        // A command's implicit argument type becomes a record too (block-commit -> BlockCommitArguments):
        // what a client builds and sends, and what a server implementation with optional arguments gets.
        for (Command c : schema.commands()) {
            if (c.argTypeName() != null && options.includes(c.ifcond()) && schema.objectType(c.argTypeName()).isImplicit()) {
                classes.put(c.argTypeName(), ClassName.get(options.packageName(),
                        topLevel.claim(JavaNames.upperCamel(c.name()) + "Arguments")));
                argumentRecords.add(c);
            }
        }
    }

    /** The commands whose implicit argument type is a record of its own, in schema order. */
    List<Command> argumentRecords() {
        return argumentRecords;
    }

    Schema schema() {
        return schema;
    }

    GeneratorOptions options() {
        return options;
    }

    /** Whether {@code type} becomes a class of its own (enums, named structs and unions, alternates). */
    boolean isGenerated(SchemaType type) {
        boolean kind = type instanceof EnumType
                || type instanceof AlternateType
                || (type instanceof ObjectType object && !object.isImplicit());
        return kind && options.includes(type.ifcond());
    }

    /** Whether {@code definition} is part of this build (its condition holds, or is not evaluated). */
    boolean included(Definition definition) {
        return options.includes(definition.ifcond());
    }

    /** The generated class of the type called {@code name}. */
    ClassName className(String name) {
        ClassName c = classes.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no generated class for '" + name + "'");
        }
        return c;
    }

    /** The generated class for {@code name}, if there is one. */
    Optional<ClassName> classIfGenerated(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    /** The Java constant of each value of {@code type} in this build, by wire name, in schema order. */
    Map<String, String> enumConstants(EnumType type) {
        JavaNames.Scope scope = new JavaNames.Scope("BY_WIRE", "QAPI_PREFIX", EnumGenerator.UNRECOGNIZED);
        Map<String, String> out = new LinkedHashMap<>();
        for (var value : type.values()) {
            if (options.includes(value.ifcond())) {
                out.put(value.name(), scope.claim(JavaNames.constant(value.name())));
            }
        }
        return out;
    }

    /** The Java type of a mandatory value of the schema type {@code name} (primitives where possible). */
    TypeName type(String name) {
        Builtin builtin = Builtin.of(name);
        if (builtin != null) {
            return builtin.type();
        }
        SchemaType type = schema.type(name);
        if (type instanceof ArrayType array) {
            return ParameterizedTypeName.get(LIST, boxed(array.elementTypeName()));
        }
        return className(name);
    }

    /** The Java type of the schema type {@code name} as a type argument. */
    TypeName boxed(String name) {
        return type(name).box();
    }

    /** The Java type of a member: {@code Optional<T>} when optional. */
    TypeName memberType(String typeName, boolean optional) {
        return optional ? ParameterizedTypeName.get(OPTIONAL, boxed(typeName)) : type(typeName);
    }

    /** Whether a value of {@code name} is held in a reference that must not be null. */
    boolean isReference(String name) {
        return !type(name).isPrimitive();
    }

    /** An expression reading a value of {@code typeName} called {@code name} with visitor {@code in}. */
    CodeBlock read(String typeName, String in, CodeBlock name) {
        Builtin builtin = Builtin.of(typeName);
        if (builtin != null) {
            return CodeBlock.of("$N.$N($L)", in, builtin.readMethod(), name);
        }
        if (schema.type(typeName) instanceof ArrayType array) {
            return CodeBlock.of("$N.readList($L, $L)", in, name, reader(array.elementTypeName()));
        }
        return CodeBlock.of("$T.read($N, $L)", className(typeName), in, name);
    }

    /** A {@code Reader} for elements of {@code typeName}. */
    CodeBlock reader(String typeName) {
        Builtin builtin = Builtin.of(typeName);
        if (builtin != null) {
            return CodeBlock.of("$T::$N", ClassNames.INPUT_VISITOR, builtin.readMethod());
        }
        return CodeBlock.of("$T::read", className(typeName));
    }

    /** A {@code JsonNode} expression writing {@code value} of {@code typeName} with visitor {@code out}. */
    CodeBlock write(String typeName, String out, CodeBlock value) {
        Builtin builtin = Builtin.of(typeName);
        if (builtin != null) {
            return CodeBlock.of("$N.$N($L)", out, builtin.instanceWrite(), value);
        }
        if (schema.type(typeName) instanceof ArrayType array) {
            Builtin element = Builtin.of(array.elementTypeName());
            if (element == null) {
                return CodeBlock.of("$N.list($L)", out, value);
            }
            return CodeBlock.of("$N.list($L, $T::$N)", out, value, ClassNames.OUTPUT_VISITOR, element.writeMethod());
        }
        return CodeBlock.of("$L.write($N)", value, out);
    }

    /**
     * For a built-in whose Java type is wider than its range ({@code uint8}, {@code uint16},
     * {@code uint32}), the largest value; 0 for everything else.
     */
    long unsignedMax(String typeName) {
        Builtin builtin = Builtin.of(typeName);
        return builtin == null ? 0 : builtin.unsignedMax();
    }
}
