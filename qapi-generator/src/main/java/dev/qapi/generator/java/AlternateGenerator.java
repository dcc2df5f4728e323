package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.Branch;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.SchemaType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A schema alternate as a sealed interface with one record per alternative, holding its {@code value};
 * on input the alternative is chosen by the JSON type of the value, as QEMU does.
 */
final class AlternateGenerator {

    private final Context ctx;

    AlternateGenerator(Context ctx) {
        this.ctx = ctx;
    }

    TypeSpec generate(AlternateType type) {
        ClassName self = ctx.types().className(type.name());
        List<Branch> alternatives = new ArrayList<>();
        for (Branch b : type.alternatives().branches()) {
            if (ctx.options().includes(b.ifcond())) {
                alternatives.add(b);
            }
        }
        TypeSpec.Builder spec = ctx.generated(TypeSpec.interfaceBuilder(self))
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addSuperinterface(ClassNames.QAPI_VALUE)
                .addAnnotations(Annotations.of(type.name(), type.features(), type.ifcond(), ctx.options()));
        Context.javadoc(spec, ctx.javadocs().definition(type.doc(), "The alternate {@code " + type.name() + "}.",
                type.ifcond(), ctx.options().recordsConditions(), type.features(), List.of(), false));
        JavaNames.Scope nested = new JavaNames.Scope(self.simpleName());
        CodeBlock.Builder sw = CodeBlock.builder().beginControlFlow("switch (in.startAlternate(name))");
        for (Branch b : alternatives) {
            ClassName branchClass = self.nestedClass(nested.claim(JavaNames.upperCamel(b.name())));
            spec.addPermittedSubclass(branchClass);
            spec.addType(alternative(b, branchClass, self, type));
            sw.add("case $L:\n", nodeType(ctx.types().schema().type(b.typeName()))).indent()
                    .addStatement("return new $T($L)", branchClass, ctx.types().read(b.typeName(), "in", CodeBlock.of("name")))
                    .unindent();
        }
        sw.add("default:\n").indent().addStatement("throw in.alternateTypeError(name, $S)", type.name()).unindent();
        sw.endControlFlow();
        spec.addMethod(MethodSpec.methodBuilder("read")
                .addJavadoc("Reads the value called {@code name} (null in a list), choosing the alternative by JSON type.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(ClassNames.INPUT_VISITOR, "in")
                .addParameter(JdkTypes.STRING, "name")
                .addCode(sw.build())
                .build());
        return spec.build();
    }

    private TypeSpec alternative(Branch b, ClassName branchClass, ClassName self, AlternateType type) {
        String doc = ctx.javadocs().member(type.doc(), b.name(), b.ifcond(), ctx.options().recordsConditions(), List.of());
        return TypeSpec.recordBuilder(branchClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(self)
                .addAnnotations(Annotations.of(b.name(), List.of(), b.ifcond(), ctx.options()))
                .addJavadoc("$L\n\n@param value the value\n", doc)
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(ctx.types().type(b.typeName()), "value")
                        .addCode(ctx.types().isReference(b.typeName())
                                ? CodeBlock.of("$T.requireNonNull(value, $S);\n", JdkTypes.OBJECTS, "value")
                                : rangeCheck(b.typeName()))
                        .build())
                .addMethod(MethodSpec.methodBuilder("write")
                        .addAnnotation(JdkTypes.OVERRIDE)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ClassNames.JSON_NODE)
                        .addParameter(ClassNames.OUTPUT_VISITOR, "out")
                        .addStatement("return $L", ctx.types().write(b.typeName(), "out", CodeBlock.of("value")))
                        .build())
                .build();
    }

    private CodeBlock rangeCheck(String typeName) {
        long max = ctx.types().unsignedMax(typeName);
        return max == 0 ? CodeBlock.of("") : CodeBlock.of("$T.checkUnsigned(value, $LL, $S);\n", ClassNames.RANGES, max, "value");
    }

    /** The JSON type that selects an alternative of {@code type}, as a {@code JsonNodeType} constant. */
    private static CodeBlock nodeType(SchemaType type) {
        String json = type instanceof EnumType ? "string"
                : type instanceof ObjectType ? "object"
                : type instanceof ArrayType ? "array"
                : type.jsonType();
        String constant = switch (json) {
            case "string" -> "STRING";
            case "number", "int" -> "NUMBER";
            case "boolean" -> "BOOLEAN";
            case "null" -> "NULL";
            case "object" -> "OBJECT";
            case "array" -> "ARRAY";
            default -> throw new IllegalArgumentException("no JSON type for alternative of type " + type.name());
        };
        return CodeBlock.of("$L", constant);
    }
}
