package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.parser.schema.Branch;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.ObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * A schema union as a sealed interface with one record per branch. The common (base) members are
 * accessors of the interface and components of every branch; the discriminator is implied by the branch;
 * the branch's own members are its {@code data}. On the wire everything is one flat object.
 */
final class UnionGenerator {
    /** The nested record of every union that stands for a branch the bindings do not know. */
    static final String UNRECOGNIZED = "Unrecognized";
    /** Where the block tags of a Javadoc text start (or its end). */
    private static final Pattern BEFORE_TAGS = Pattern.compile("\n\n@|\n@|$");

    private final Context ctx;

    UnionGenerator(Context ctx) {
        this.ctx = ctx;
    }

    TypeSpec generate(ObjectType type) {
        ClassName self = ctx.types().className(type.name());
        Member tag = type.variants().tagMember();
        EnumType tagType = (EnumType) ctx.types().schema().type(tag.typeName());
        Map<String, String> constants = ctx.types().enumConstants(tagType);
        List<Member> members = ctx.codec().included(type.members());
        List<Member> common = new ArrayList<>();
        for (Member m : members) {
            if (!m.name().equals(tag.name())) {
                common.add(m);
            }
        }
        Map<String, String> names = MemberCodec.javaNames(members);
        String dataName = MemberCodec.freeName(names, "data");
        List<Branch> branches = new ArrayList<>();
        for (Branch b : type.variants().branches()) {
            if (ctx.options().includes(b.ifcond()) && constants.containsKey(b.name())) {
                branches.add(b);
            }
        }
        JavaNames.Scope nested = new JavaNames.Scope(self.simpleName(), UNRECOGNIZED);
        ClassName unrecognized = self.nestedClass(UNRECOGNIZED);
        String receivedName = MemberCodec.freeName(names, "received");
        Map<String, ClassName> branchClasses = new LinkedHashMap<>();
        for (Branch b : branches) {
            branchClasses.put(b.name(), self.nestedClass(nested.claim(JavaNames.upperCamel(b.name()))));
        }

        TypeSpec.Builder spec = ctx.generated(TypeSpec.interfaceBuilder(self))
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addSuperinterface(ClassNames.QAPI_VALUE)
                .addAnnotations(Annotations.of(type.name(), type.features(), type.ifcond(), ctx.options()));
        Context.javadoc(spec, ctx.javadocs().definition(type.doc(), "The union {@code " + type.name() + "}.",
                type.ifcond(), ctx.options().recordsConditions(), type.features(), List.of(), false)
                .transform(doc -> BEFORE_TAGS.matcher(doc).replaceFirst("\n\n<p>The branch is chosen by {@code " + tag.name() + "}.$0")));
        for (Member m : members) {
            MethodSpec.Builder accessor = MethodSpec.methodBuilder(names.get(m.name()))
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(ctx.codec().javaType(m))
                    .addAnnotations(Annotations.of(m.name().equals(names.get(m.name())) ? null : m.name(), m.features(), m.ifcond(), ctx.options()))
                    .addJavadoc("$L\n", memberDoc(type, m));
            spec.addMethod(accessor.build());
        }
        spec.addMethod(StructGenerator.read(self));
        spec.addMethod(readMembers(self, tag, members, names, constants, branches, branchClasses, unrecognized));
        spec.addMethod(MethodSpec.methodBuilder("write")
                .addAnnotation(JdkTypes.OVERRIDE)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(ClassNames.OBJECT_NODE)
                .addParameter(ClassNames.OUTPUT_VISITOR, "out")
                .addStatement("$T json = out.object()", ClassNames.OBJECT_NODE)
                .addStatement("writeMembers(out, json)")
                .addStatement("return json")
                .build());
        spec.addMethod(MethodSpec.methodBuilder("writeMembers")
                .addJavadoc("Puts the members, the branch's included, into {@code json}, as QEMU's output visitor does.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addParameter(ClassNames.OUTPUT_VISITOR, "out")
                .addParameter(ClassNames.OBJECT_NODE, "json")
                .build());
        for (Branch b : branches) {
            ClassName branchClass = branchClasses.get(b.name());
            spec.addPermittedSubclass(branchClass);
            spec.addType(branch(type, self, tag, tagType, constants, b, branchClass, members, common, names, dataName));
        }
        spec.addPermittedSubclass(unrecognized);
        spec.addType(unrecognizedBranch(self, tag, tagType, unrecognized, common, names, receivedName));
        return spec.build();
    }

    private String memberDoc(ObjectType type, Member m) {
        ObjectType owner = ctx.types().schema().objectType(m.definedIn());
        var doc = owner.isImplicit() ? type.doc() : owner.doc();
        String text = ctx.javadocs().member(doc, m.name(), m.ifcond(), ctx.options().recordsConditions(), List.of());
        return "@return " + text;
    }

    private MethodSpec readMembers(ClassName self, Member tag, List<Member> members, Map<String, String> names,
            Map<String, String> constants, List<Branch> branches, Map<String, ClassName> branchClasses, ClassName unrecognized) {
        String in = MemberCodec.freeName(names, "in");
        CodeBlock.Builder sw = CodeBlock.builder().add("return switch ($N) {\n", names.get(tag.name())).indent();
        for (Branch b : branches) {
            List<String> args = new ArrayList<>();
            for (Member m : members) {
                if (!m.name().equals(tag.name())) {
                    args.add(names.get(m.name()));
                }
            }
            CodeBlock call = b.typeName().equals("q_empty")
                    ? CodeBlock.of("new $T($L)", branchClasses.get(b.name()), String.join(", ", args))
                    : CodeBlock.of("new $T($L$L$T.readMembers($N))", branchClasses.get(b.name()), String.join(", ", args),
                            args.isEmpty() ? "" : ", ", ctx.types().className(b.typeName()), in);
            sw.add("case $N -> $L;\n", constants.get(b.name()), call);
        }
        // Only a tolerant decoder gets here: the discriminator has a value these bindings do not know.
        List<String> commonArgs = new ArrayList<>();
        for (Member m : members) {
            if (!m.name().equals(tag.name())) {
                commonArgs.add(names.get(m.name()));
            }
        }
        commonArgs.add(in + ".currentObject()");
        sw.add("case $N -> new $T($L);\n", EnumGenerator.UNRECOGNIZED, unrecognized, String.join(", ", commonArgs));
        if (branches.size() < constants.size()) {
            sw.add("default -> throw new $T($S + $N);\n", JdkTypes.ILLEGAL_STATE_EXCEPTION, "no branch in this build for ", names.get(tag.name()));
        }
        sw.unindent().add("};\n");
        return MethodSpec.methodBuilder("readMembers")
                .addJavadoc("Reads the members, the branch's included, from the object the visitor has open.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(ClassNames.INPUT_VISITOR, in)
                .addCode(ctx.codec().readLocals(members, names, in))
                .addCode(sw.build())
                .build();
    }

    /**
     * The branch a client decodes when the discriminator has a value these bindings do not know: the
     * common members and the object as received. Never sent.
     */
    private TypeSpec unrecognizedBranch(ClassName self, Member tag, EnumType tagType, ClassName branchClass,
            List<Member> common, Map<String, String> names, String receivedName) {
        StringBuilder javadoc = new StringBuilder("A branch these bindings do not know ({@code " + tag.name()
                + "} has a value of another version), as a client decodes it: the common members and the object as"
                + " received (its other members are also reported as skews). Never sent: writing it throws"
                + " {@code IllegalArgumentException}.\n");
        for (Member m : common) {
            javadoc.append("\n@param ").append(names.get(m.name())).append(" see {@link ").append(self.simpleName())
                    .append('#').append(names.get(m.name())).append("()}");
        }
        javadoc.append("\n@param ").append(receivedName).append(" the whole object as received");
        TypeSpec.Builder spec = TypeSpec.recordBuilder(branchClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(self);
        Context.javadoc(spec, javadoc.toString());
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (Member m : common) {
            constructor.addParameter(ctx.codec().parameter(m, names.get(m.name())));
        }
        constructor.addParameter(ClassNames.OBJECT_NODE, receivedName);
        CodeBlock.Builder validate = ctx.codec().validate(common, names).toBuilder();
        validate.addStatement("$T.requireNonNull($N, $S)", JdkTypes.OBJECTS, receivedName, receivedName);
        spec.recordConstructor(constructor.addCode(validate.build()).build());
        spec.addMethod(tagAccessor(tag, tagType, names, EnumGenerator.UNRECOGNIZED));
        spec.addMethod(MethodSpec.methodBuilder("writeMembers")
                .addAnnotation(JdkTypes.OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ClassNames.OUTPUT_VISITOR, MemberCodec.freeName(names, "out"))
                .addParameter(ClassNames.OBJECT_NODE, MemberCodec.freeName(names, "json"))
                .addStatement("throw new $T($S)", JdkTypes.ILLEGAL_ARGUMENT_EXCEPTION,
                        self.simpleName() + "." + UNRECOGNIZED + " stands for a branch these bindings do not know: it cannot be sent")
                .build());
        return spec.build();
    }

    /** A branch's discriminator accessor: the constant the branch stands for. */
    private MethodSpec tagAccessor(Member tag, EnumType tagType, Map<String, String> names, String constant) {
        return MethodSpec.methodBuilder(names.get(tag.name()))
                .addAnnotation(JdkTypes.OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .returns(ctx.types().className(tagType.name()))
                .addStatement("return $T.$N", ctx.types().className(tagType.name()), constant)
                .build();
    }

    private TypeSpec branch(ObjectType union, ClassName self, Member tag, EnumType tagType, Map<String, String> constants,
            Branch b, ClassName branchClass, List<Member> members, List<Member> common, Map<String, String> names,
            String dataName) {
        boolean hasData = !b.typeName().equals("q_empty");
        TypeSpec.Builder spec = TypeSpec.recordBuilder(branchClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(self)
                .addAnnotations(Annotations.of(null, List.of(), b.ifcond(), ctx.options()));
        List<Javadocs.Param> params = new ArrayList<>(StructGenerator.params(ctx, common, names));
        String doc = "The branch for {@code " + tag.name() + "} = {@code " + JavadocRenderer.escape(b.name()) + "}"
                + (hasData ? ", whose own members are those of {@link " + ctx.types().className(b.typeName()).canonicalName() + "}." : ".");
        StringBuilder javadoc = new StringBuilder(doc);
        if (ctx.options().recordsConditions() && b.ifcond().isPresent()) {
            javadoc.append("\n\n<p>Only in builds where {@code ").append(b.ifcond()).append("} holds.");
        }
        javadoc.append('\n');
        for (Javadocs.Param p : params) {
            javadoc.append("\n@param ").append(p.javaName()).append(" see {@link ").append(self.simpleName()).append('#')
                    .append(p.javaName()).append("()}");
        }
        if (hasData) {
            javadoc.append("\n@param ").append(dataName).append(" the branch's own members");
        }
        Context.javadoc(spec, javadoc.toString());
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (Member m : common) {
            constructor.addParameter(ctx.codec().parameter(m, names.get(m.name())));
        }
        if (hasData) {
            constructor.addParameter(ctx.types().className(b.typeName()), dataName);
        }
        CodeBlock.Builder validate = ctx.codec().validate(common, names).toBuilder();
        if (hasData) {
            validate.addStatement("$T.requireNonNull($N, $S)", JdkTypes.OBJECTS, dataName, dataName);
        }
        spec.recordConstructor(constructor.addCode(validate.build()).build());
        spec.addMethod(tagAccessor(tag, tagType, names, constants.get(b.name())));
        String out = MemberCodec.freeName(names, "out");
        String json = MemberCodec.freeName(names, "json");
        MethodSpec.Builder write = MethodSpec.methodBuilder("writeMembers")
                .addAnnotation(JdkTypes.OVERRIDE)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ClassNames.OUTPUT_VISITOR, out)
                .addParameter(ClassNames.OBJECT_NODE, json);
        for (Member m : members) {
            if (m.name().equals(tag.name())) {
                write.addStatement("$N.set($S, $N().write($N))", json, m.name(), names.get(m.name()), out);
            } else {
                write.addCode(ctx.codec().writeMembers(List.of(m), names, out, json, false, "this"));
            }
        }
        if (hasData) {
            write.addStatement("this.$N.writeMembers($N, $N)", dataName, out, json);
        }
        spec.addMethod(write.build());
        return spec.build();
    }
}
