package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.EnumValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A schema enum as a Java enum: constants in schema order that keep their wire names and features,
 * then {@code UNRECOGNIZED}; strict reading rejects unknown values with QEMU's message, tolerant reading
 * (a client's) gives {@code UNRECOGNIZED}.
 */
final class EnumGenerator {
    /** The constant of every generated enum that stands for a value the bindings do not know. */
    static final String UNRECOGNIZED = "UNRECOGNIZED";

    private final Context ctx;

    EnumGenerator(Context ctx) {
        this.ctx = ctx;
    }

    TypeSpec generate(EnumType type) {
        ClassName self = ctx.types().className(type.name());
        List<EnumValue> values = new ArrayList<>();
        for (EnumValue v : type.values()) {
            if (ctx.options().includes(v.ifcond())) {
                values.add(v);
            }
        }
        TypeSpec.Builder spec = ctx.generated(TypeSpec.enumBuilder(self))
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(ClassNames.QAPI_VALUE)
                .addAnnotations(Annotations.of(type.name(), type.features(), type.ifcond(), ctx.options()));
        Context.javadoc(spec, ctx.javadocs().definition(type.doc(), "The enum {@code " + type.name() + "}.",
                type.ifcond(), ctx.options().recordsConditions(), type.features(), List.of(), false));
        Map<String, String> constants = ctx.types().enumConstants(type);
        for (EnumValue value : values) {
            CodeBlock mask = Annotations.specialMask(value.features(), ctx.options());
            TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("$S, $L", value.name(), mask == null ? "0" : mask)
                    .addAnnotations(Annotations.of(null, value.features(), value.ifcond(), ctx.options()));
            constant.addJavadoc("$L", ctx.javadocs().member(type.doc(), value.name(), value.ifcond(),
                    ctx.options().recordsConditions(), value.features()) + "\n");
            spec.addEnumConstant(constants.get(value.name()), constant.build());
        }
        // What a tolerant decoder (a client reading a server of another version) gives for a value this
        // build does not know; strict decoding never does. Also the constant Java needs when the schema
        // enum has none in this build.
        spec.addEnumConstant(UNRECOGNIZED, TypeSpec.anonymousClassBuilder("null, 0")
                .addJavadoc("A value these bindings do not know, received from a server of another version (a client"
                        + " decodes what it receives tolerantly; the wire string is in the decoder's {@code Skew}). Never"
                        + " sent: writing it throws {@code IllegalArgumentException}.\n").build());
        if (type.prefix() != null) {
            spec.addField(FieldSpec.builder(JdkTypes.STRING, "QAPI_PREFIX", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The schema's {@code prefix} for this enum's C constants.\n")
                    .initializer("$S", type.prefix()).build());
        }
        ParameterizedTypeName mapType = ParameterizedTypeName.get(JdkTypes.MAP, JdkTypes.STRING, self);
        spec.addField(FieldSpec.builder(mapType, "BY_WIRE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).build());
        spec.addStaticBlock(CodeBlock.builder()
                .addStatement("$T<$T, $T> byWire = new $T<>()", JdkTypes.MAP, JdkTypes.STRING, self, JdkTypes.HASH_MAP)
                .beginControlFlow("for ($T value : values())", self)
                .beginControlFlow("if (value != $N)", UNRECOGNIZED)
                .addStatement("byWire.put(value.wireName, value)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("BY_WIRE = $T.copyOf(byWire)", JdkTypes.MAP)
                .build());
        spec.addField(JdkTypes.STRING, "wireName", Modifier.PRIVATE, Modifier.FINAL);
        spec.addField(TypeName.INT, "specialFeatures", Modifier.PRIVATE, Modifier.FINAL);
        spec.addMethod(MethodSpec.constructorBuilder()
                .addParameter(JdkTypes.STRING, "wireName")
                .addParameter(TypeName.INT, "specialFeatures")
                .addStatement("this.wireName = wireName")
                .addStatement("this.specialFeatures = specialFeatures")
                .build());
        spec.addMethod(MethodSpec.methodBuilder("wireName")
                .addJavadoc("The value's name on the wire; null for {@link #$L}.\n", UNRECOGNIZED)
                .addModifiers(Modifier.PUBLIC)
                .returns(JdkTypes.STRING)
                .addStatement("return wireName")
                .build());
        spec.addMethod(MethodSpec.methodBuilder("fromWire")
                .addJavadoc("The constant whose wire name is {@code wireName}, if there is one.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(JdkTypes.OPTIONAL, self))
                .addParameter(JdkTypes.STRING, "wireName")
                .addStatement("return $T.ofNullable(BY_WIRE.get(wireName))", JdkTypes.OPTIONAL)
                .build());
        spec.addMethod(MethodSpec.methodBuilder("read")
                .addJavadoc("Reads the value called {@code name} (null in a list), as QEMU's input visitor does.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(ClassNames.INPUT_VISITOR, "in")
                .addParameter(JdkTypes.STRING, "name")
                .addStatement("String wire = in.readStr(name)")
                .addStatement("$T value = BY_WIRE.get(wire)", self)
                .beginControlFlow("if (value == null)")
                .addStatement("in.unknownEnumValue(name, wire)")
                .addStatement("return $N", UNRECOGNIZED)
                .endControlFlow()
                .beginControlFlow("if (value.specialFeatures != 0)")
                .addStatement("in.checkEnumValuePolicy(wire, value.specialFeatures)")
                .endControlFlow()
                .addStatement("return value")
                .build());
        spec.addMethod(MethodSpec.methodBuilder("write")
                .addAnnotation(JdkTypes.OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .returns(ClassNames.JSON_NODE)
                .addParameter(ClassNames.OUTPUT_VISITOR, "out")
                .beginControlFlow("if (this == $N)", UNRECOGNIZED)
                .addStatement("throw new $T($S)", JdkTypes.ILLEGAL_ARGUMENT_EXCEPTION,
                        self.simpleName() + "." + UNRECOGNIZED + " stands for a value these bindings do not know: it cannot be sent")
                .endControlFlow()
                .addStatement("return out.str(wireName)")
                .build());
        return spec.build();
    }
}
