package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Feature;
import dev.qapi.parser.schema.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The commands of one schema module: an interface with one method per command for the application to
 * implement (e.g. {@code ControlCommands}), and a class that knows each command's metadata and registers
 * an implementation, decoding arguments and encoding results as QEMU's generated marshallers do.
 */
final class CommandsGenerator {

    private final Context ctx;

    CommandsGenerator(Context ctx) {
        this.ctx = ctx;
    }

    /** A command's method name and argument shape. */
    private record Shape(String method, CommandShape args) {
        Command command() {
            return args.command();
        }
    }

    /**
     * The interface and the registration class for {@code commands} (all of one module, in this build).
     *
     * @return the interface, then the registration class
     */
    List<TypeSpec> generate(String module, List<Command> commands, ClassName interfaceName, ClassName marshalName) {
        JavaNames.Scope methods = new JavaNames.Scope("register");
        JavaNames.Scope constants = new JavaNames.Scope();
        List<Shape> shapes = new ArrayList<>();
        // by name: hashing a Command record would hash its whole doc comment
        Map<String, String> constantNames = new LinkedHashMap<>();
        for (Command c : commands) {
            constantNames.put(c.name(), constants.claim(JavaNames.constant(c.name())));
            if (c.gen()) {
                shapes.add(new Shape(methods.claim(JavaNames.lowerCamel(c.name())), CommandShape.of(ctx, c)));
            }
        }
        TypeSpec.Builder api = ctx.generated(TypeSpec.interfaceBuilder(interfaceName)).addModifiers(Modifier.PUBLIC);
        Context.javadoc(api, "The commands of schema module {@code " + JavadocRenderer.escape(module) + "}, for the application to implement."
                + "\n\n<p>Register an implementation with {@link " + marshalName.simpleName() + "#register}. A method "
                + "reports failure by throwing {@link dev.qapi.runtime.QmpException}.");
        for (Shape s : shapes) {
            api.addMethod(method(s));
        }

        TypeSpec.Builder marshal = ctx.generated(TypeSpec.classBuilder(marshalName)).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        Context.javadoc(marshal, "Metadata and registration of the commands of schema module {@code " + JavadocRenderer.escape(module) + "}.");
        for (Command c : commands) {
            marshal.addField(info(c, constantNames.get(c.name())));
        }
        marshal.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        MethodSpec.Builder register = MethodSpec.methodBuilder("register")
                .addJavadoc("Registers every command of the module that has a typed method (not those with"
                        + " {@code gen: false}: register those by hand with their {@code CommandInfo}).\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(ClassNames.COMMAND_REGISTRY, "registry")
                .addParameter(interfaceName, "impl");
        for (Shape s : shapes) {
            register.addStatement("registry.register($N, (arguments, context) -> $N(impl, arguments, context))",
                    constantNames.get(s.command().name()), s.method());
        }
        marshal.addMethod(register.build());
        for (Shape s : shapes) {
            marshal.addMethod(marshalMethod(s, interfaceName));
        }
        return List.of(api.build(), marshal.build());
    }

    private MethodSpec method(Shape s) {
        Command c = s.command();
        MethodSpec.Builder m = MethodSpec.methodBuilder(s.method())
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addAnnotations(Annotations.of(c.name(), c.features(), c.ifcond(), ctx.options()));
        List<Javadocs.Param> params = new ArrayList<>();
        if (s.args().kind() == CommandShape.Kind.RECORD) {
            m.addParameter(s.args().arguments(), "arg");
            params.add(new Javadocs.Param("arg", ""));
        }
        if (s.args().kind() == CommandShape.Kind.FLAT) {
            for (Member member : s.args().members()) {
                String name = s.args().names().get(member.name());
                m.addParameter(ctx.codec().parameter(member, name));
                params.add(new Javadocs.Param(name, member.name()));
            }
        }
        if (c.retTypeName() != null) {
            m.returns(ctx.types().type(c.retTypeName()));
        }
        String doc = ctx.javadocs().definition(c.doc(), "The command {@code " + c.name() + "}.", c.ifcond(),
                ctx.options().recordsConditions(), c.features(), params, c.retTypeName() != null);
        m.addJavadoc("$L\n", doc.replace("@param arg the member {@code }", "@param arg the arguments"));
        return m.build();
    }

    private FieldSpec info(Command c, String constant) {
        CodeBlock mask = Annotations.specialMask(c.features(), ctx.options());
        List<Feature> features = Annotations.included(c.features(), ctx.options());
        CodeBlock featureList = CodeBlock.of("$T.of($L)", JdkTypes.LIST,
                Annotations.names(features));
        return FieldSpec.builder(ClassNames.COMMAND_INFO, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The schema's metadata of {@code $L}.\n", c.name())
                .addAnnotations(Annotations.of(null, List.of(), c.ifcond(), ctx.options()))
                .initializer("new $T($S, $L, $L, $L, $L, $L)", ClassNames.COMMAND_INFO, c.name(), c.allowOob(), c.allowPreconfig(),
                        c.successResponse(), mask == null ? "0" : mask, featureList)
                .build();
    }

    private MethodSpec marshalMethod(Shape s, ClassName interfaceName) {
        Command c = s.command();
        Map<String, String> names = s.args().names();
        String impl = MemberCodec.freeName(names, "impl");
        String arguments = MemberCodec.freeName(names, "arguments");
        String context = MemberCodec.freeName(names, "context");
        String in = MemberCodec.freeName(names, "in");
        String out = MemberCodec.freeName(names, "out");
        String result = MemberCodec.freeName(names, "result");
        MethodSpec.Builder m = MethodSpec.methodBuilder(s.method())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ClassNames.JSON_NODE)
                .addParameter(ParameterSpec.builder(interfaceName, impl).build())
                .addParameter(ClassNames.OBJECT_NODE, arguments)
                .addParameter(ClassNames.COMMAND_CONTEXT, context)
                .addStatement("$T $N = new $T($N, $N.policy())", ClassNames.INPUT_VISITOR, in, ClassNames.INPUT_VISITOR, arguments, context)
                .addStatement("$N.startStruct(null)", in);
        String call = "";
        if (s.args().kind() != CommandShape.Kind.NONE) {
            String arg = MemberCodec.freeName(names, "arg");
            m.addStatement("$T $N = $T.readMembers($N)", s.args().arguments(), arg, s.args().arguments(), in);
            if (s.args().kind() == CommandShape.Kind.RECORD) {
                call = arg;
            } else {
                List<String> accessors = new ArrayList<>();
                for (String name : names.values()) {
                    accessors.add(arg + "." + name + "()");
                }
                call = String.join(", ", accessors);
            }
        }
        m.addStatement("$N.checkStruct()", in).addStatement("$N.endStruct()", in);
        m.addStatement("$T $N = new $T($N.policy())", ClassNames.OUTPUT_VISITOR, out, ClassNames.OUTPUT_VISITOR, context);
        if (c.retTypeName() == null) {
            m.addStatement("$N.$N($L)", impl, s.method(), call);
            m.addStatement("return $N.object()", out);
        } else {
            m.addStatement("$T $N = $N.$N($L)", ctx.types().type(c.retTypeName()), result, impl, s.method(), call);
            if (ctx.types().isReference(c.retTypeName())) {
                m.addStatement("$T.requireNonNull($N, $S)", JdkTypes.OBJECTS, result,
                        c.name() + " returned null");
            }
            m.addStatement("return $L", ctx.types().write(c.retTypeName(), out, CodeBlock.of("$N", result)));
        }
        return m.build();
    }
}
