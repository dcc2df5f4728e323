package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.SchemaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A schema struct as a record: base members first, optional members as {@code Optional}, a builder when
 * there are several optional members, and reading and writing as QEMU's visitors do.
 */
final class StructGenerator {
    private final Context ctx;

    StructGenerator(Context ctx) {
        this.ctx = ctx;
    }

    TypeSpec generate(ObjectType type) {
        List<Member> members = ctx.codec().included(type.members());
        Map<String, String> names = MemberCodec.javaNames(members);
        TypeSpec.Builder spec = ctx.generated(TypeSpec.recordBuilder(ctx.types().className(type.name())))
                .addAnnotations(Annotations.of(type.name(), type.features(), type.ifcond(), ctx.options()));
        Context.javadoc(spec, ctx.javadocs().definition(type.doc(), "The struct {@code " + type.name() + "}.",
                type.ifcond(), ctx.options().recordsConditions(), type.features(), params(members, names), false));
        return body(spec, type, members, names, 2);
    }

    /**
     * The record of a command's implicit argument type ({@code block-commit} → {@code BlockCommitArguments}),
     * documented from the command's doc comment, with a builder as soon as one argument is optional.
     */
    TypeSpec generateArguments(ObjectType type, Command command) {
        List<Member> members = ctx.codec().included(type.members());
        Map<String, String> names = MemberCodec.javaNames(members);
        TypeSpec.Builder spec = ctx.generated(TypeSpec.recordBuilder(ctx.types().className(type.name())))
                .addAnnotations(Annotations.of(null, List.of(), command.ifcond(), ctx.options()));
        List<Javadocs.Param> params = new ArrayList<>(members.size());
        for (Member m : members) {
            dev.qapi.parser.doc.Doc owner = ownerDoc(ctx, m);
            params.add(new Javadocs.Param(names.get(m.name()), m.name(), owner != null ? owner : command.doc()));
        }
        Context.javadoc(spec, ctx.javadocs().definition(null, "The arguments of the command {@code " + command.name() + "}.",
                command.ifcond(), ctx.options().recordsConditions(), List.of(), params, false));
        return body(spec, type, members, names, 1);
    }

    private TypeSpec body(TypeSpec.Builder spec, ObjectType type, List<Member> members, Map<String, String> names,
            int optionalForBuilder) {
        ClassName self = ctx.types().className(type.name());
        spec.addModifiers(Modifier.PUBLIC).addSuperinterface(ClassNames.QAPI_VALUE);
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (Member m : members) {
            constructor.addParameter(ctx.codec().parameter(m, names.get(m.name())));
        }
        constructor.addCode(ctx.codec().validate(members, names));
        spec.recordConstructor(constructor.build());
        spec.addMethod(read(self));
        spec.addMethod(readMembers(self, members, names));
        spec.addMethod(write(names));
        spec.addMethod(writeMembers(members, names, false));
        if (optionalCount(members) >= optionalForBuilder) {
            addBuilder(spec, self, members, names);
        }
        return spec.build();
    }

    private static int optionalCount(List<Member> members) {
        int n = 0;
        for (Member m : members) {
            if (m.optional()) {
                n++;
            }
        }
        return n;
    }

    List<Javadocs.Param> params(List<Member> members, Map<String, String> names) {
        return params(ctx, members, names);
    }

    /** The documented parameters for {@code members}, each described by the doc of the type defining it. */
    static List<Javadocs.Param> params(Context ctx, List<Member> members, Map<String, String> names) {
        List<Javadocs.Param> params = new ArrayList<>(members.size());
        for (Member m : members) {
            params.add(new Javadocs.Param(names.get(m.name()), m.name(), ownerDoc(ctx, m)));
        }
        return List.copyOf(params);
    }

    /** The doc comment of the named type that defines {@code m}, or null to use the definition's own. */
    static dev.qapi.parser.doc.Doc ownerDoc(Context ctx, Member m) {
        if (m.definedIn() == null) {
            return null;
        }
        SchemaType owner = ctx.types().schema().lookupType(m.definedIn()).orElse(null);
        return owner == null || owner.isImplicit() ? null : owner.doc();
    }

    /** {@code read(in, name)}: the object called {@code name}, members, then no unexpected member. */
    static MethodSpec read(ClassName self) {
        return MethodSpec.methodBuilder("read")
                .addJavadoc("Reads the object called {@code name} (null in a list or at the top), as QEMU's input visitor does.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(ClassNames.INPUT_VISITOR, "in")
                .addParameter(JdkTypes.STRING, "name")
                .addStatement("in.startStruct(name)")
                .addStatement("$T value = readMembers(in)", self)
                .addStatement("in.checkStruct()")
                .addStatement("in.endStruct()")
                .addStatement("return value")
                .build();
    }

    private MethodSpec readMembers(ClassName self, List<Member> members, Map<String, String> names) {
        String in = MemberCodec.freeName(names, "in");
        return MethodSpec.methodBuilder("readMembers")
                .addJavadoc("Reads the members from the object the visitor has open.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(ClassNames.INPUT_VISITOR, in)
                .addCode(ctx.codec().readLocals(members, names, in))
                .addStatement("return new $T($L)", self, String.join(", ", names.values()))
                .build();
    }

    static MethodSpec write(Map<String, String> names) {
        String out = MemberCodec.freeName(names, "out");
        String json = MemberCodec.freeName(names, "json");
        return MethodSpec.methodBuilder("write")
                .addAnnotation(JdkTypes.OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .returns(ClassNames.OBJECT_NODE)
                .addParameter(ClassNames.OUTPUT_VISITOR, out)
                .addStatement("$T $N = $N.object()", ClassNames.OBJECT_NODE, json, out)
                .addStatement("writeMembers($N, $N)", out, json)
                .addStatement("return $N", json)
                .build();
    }

    MethodSpec writeMembers(List<Member> members, Map<String, String> names, boolean override) {
        String out = MemberCodec.freeName(names, "out");
        String json = MemberCodec.freeName(names, "json");
        MethodSpec.Builder method = MethodSpec.methodBuilder("writeMembers")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ClassNames.OUTPUT_VISITOR, out)
                .addParameter(ClassNames.OBJECT_NODE, json)
                .addCode(ctx.codec().writeMembers(members, names, out, json, false, "this"));
        if (override) {
            method.addAnnotation(JdkTypes.OVERRIDE);
        } else {
            method.addJavadoc("Puts the members into {@code $N}, as QEMU's output visitor does.\n", json);
        }
        return method.build();
    }

    private void addBuilder(TypeSpec.Builder spec, ClassName self, List<Member> members, Map<String, String> names) {
        ClassName builderClass = self.nestedClass("Builder");
        String factory = MemberCodec.freeName(names, "builder");
        spec.addMethod(MethodSpec.methodBuilder(factory)
                .addJavadoc("A builder, for setting the optional members by name.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builderClass)
                .addStatement("return new $T()", builderClass)
                .build());
        TypeSpec.Builder builder = TypeSpec.classBuilder(builderClass)
                .addJavadoc("Builds a {@link $T}; mandatory members must be set, optional ones may be.\n", self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder args = CodeBlock.builder();
        for (Member m : members) {
            String n = names.get(m.name());
            TypeName valueType = ctx.types().boxed(m.typeName());
            builder.addField(FieldSpec.builder(valueType, n, Modifier.PRIVATE).build());
            builder.addMethod(MethodSpec.methodBuilder(n)
                    .addJavadoc("Sets {@code $L}$L.\n", m.name(), m.optional() ? " (optional)" : "")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builderClass)
                    .addParameter(ctx.types().type(m.typeName()), n)
                    .addStatement("this.$N = $N", n, n)
                    .addStatement("return this")
                    .build());
            if (!args.isEmpty()) {
                args.add(", ");
            }
            if (m.optional()) {
                args.add("$T.ofNullable($N)", JavaTypes.OPTIONAL, n);
            } else {
                args.add("$T.requireNonNull($N, $S)", JdkTypes.OBJECTS, n, m.name());
            }
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The value.\n\n@throws NullPointerException if a mandatory member was not set\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addStatement("return new $T($L)", self, args.build())
                .build());
        spec.addType(builder.build());
    }
}
