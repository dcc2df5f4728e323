package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Events: a record per event holding its data, and per schema module a typed emitter interface (e.g.
 * {@code ControlEvents}) whose implementation hands each event to an {@code EventSink}, hidden when the
 * compat policy says so.
 */
final class EventsGenerator {

    private final Context ctx;

    EventsGenerator(Context ctx) {
        this.ctx = ctx;
    }

    /** What an event carries: its members, or one boxed argument. */
    private record Shape(Event event, ClassName record, String method, List<Member> members, Map<String, String> names,
            boolean boxed) {
        boolean hasData() {
            return boxed || !members.isEmpty();
        }
    }

    private Shape shape(Event e, ClassName record, String method) {
        if (e.argTypeName() == null) {
            return new Shape(e, record, method, List.of(), Map.of(), false);
        }
        if (e.boxed()) {
            return new Shape(e, record, method, List.of(), Map.of("data", "data"), true);
        }
        ObjectType arg = ctx.types().schema().objectType(e.argTypeName());
        List<Member> members = ctx.codec().included(arg.members());
        return new Shape(e, record, method, members, MemberCodec.javaNames(members), false);
    }

    /**
     * The event records and the emitter interface of one module.
     *
     * @param recordNames the class of each event's record, in order
     * @param emitterName the emitter's class; null for none (no server side)
     */
    List<TypeSpec> generate(String module, List<Event> events, List<ClassName> recordNames, ClassName emitterName) {
        JavaNames.Scope methods = new JavaNames.Scope("to");
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            shapes.add(shape(e, recordNames.get(i), methods.claim(JavaNames.lowerCamel(e.name().toLowerCase(java.util.Locale.ROOT)))));
        }
        List<TypeSpec> out = new ArrayList<>();
        for (Shape s : shapes) {
            out.add(record(s));
        }
        if (emitterName != null) {
            out.add(emitter(module, shapes, emitterName));
        }
        return out;
    }

    private TypeSpec record(Shape s) {
        Event e = s.event();
        TypeSpec.Builder spec = ctx.generated(TypeSpec.recordBuilder(s.record()))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotations(Annotations.of(e.name(), e.features(), e.ifcond(), ctx.options()));
        List<Javadocs.Param> params = new ArrayList<>();
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        if (s.boxed()) {
            constructor.addParameter(ctx.types().type(e.argTypeName()), "data");
            params.add(new Javadocs.Param("data", ""));
        }
        for (Member m : s.members()) {
            constructor.addParameter(ctx.codec().parameter(m, s.names().get(m.name())));
            params.add(new Javadocs.Param(s.names().get(m.name()), m.name()));
        }
        String doc = ctx.javadocs().definition(e.doc(), "The event {@code " + e.name() + "}.", e.ifcond(),
                ctx.options().recordsConditions(), e.features(), params, false);
        Context.javadoc(spec, doc.replace("@param data the member {@code }", "@param data the event's data"));
        CodeBlock validate = s.boxed()
                ? CodeBlock.of("$T.requireNonNull(data, $S);\n", JdkTypes.OBJECTS, "data")
                : ctx.codec().validate(s.members(), s.names());
        spec.recordConstructor(constructor.addCode(validate).build());
        spec.addField(FieldSpec.builder(JdkTypes.STRING, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The event's name on the wire.\n")
                .initializer("$S", e.name()).build());
        String out = MemberCodec.freeName(s.names(), "out");
        MethodSpec.Builder data = MethodSpec.methodBuilder(toData(s))
                .addJavadoc("The event's {@code data} member, as QEMU's output visitor builds it; null when the event has none.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(ClassNames.OBJECT_NODE)
                .addParameter(ClassNames.OUTPUT_VISITOR, out);
        if (s.boxed()) {
            data.addStatement("return ($T) data.write($N)", ClassNames.OBJECT_NODE, out);
        } else if (s.members().isEmpty()) {
            data.addStatement("return null");
        } else {
            String json = MemberCodec.freeName(s.names(), "json");
            data.addStatement("$T $N = $N.object()", ClassNames.OBJECT_NODE, json, out)
                    .addCode(ctx.codec().writeMembers(s.members(), s.names(), out, json, false, "this"))
                    .addStatement("return $N", json);
        }
        spec.addMethod(data.build());
        spec.addMethod(read(s));
        return spec.build();
    }

    /** {@code read(in, name)}: the event from its {@code data} object, what a client receives. */
    private MethodSpec read(Shape s) {
        String in = MemberCodec.freeName(s.names(), "in");
        String name = MemberCodec.freeName(s.names(), "name");
        MethodSpec.Builder read = MethodSpec.methodBuilder("read")
                .addJavadoc("Reads the event from its {@code data} object called {@code $N} (null at the top).\n", name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(s.record())
                .addParameter(ClassNames.INPUT_VISITOR, in)
                .addParameter(JdkTypes.STRING, name);
        if (s.boxed()) {
            return read.addStatement("return new $T($T.read($N, $N))", s.record(), ctx.types().className(s.event().argTypeName()),
                    in, name).build();
        }
        String value = MemberCodec.freeName(s.names(), "value");
        return read.addStatement("$N.startStruct($N)", in, name)
                .addCode(ctx.codec().readLocals(s.members(), s.names(), in))
                .addStatement("$T $N = new $T($L)", s.record(), value, s.record(), String.join(", ", s.names().values()))
                .addStatement("$N.checkStruct()", in)
                .addStatement("$N.endStruct()", in)
                .addStatement("return $N", value)
                .build();
    }

    /** The name of the record method that builds the data (it must not clash with a component). */
    private static String toData(Shape s) {
        return MemberCodec.freeName(s.names(), "toData");
    }

    private TypeSpec emitter(String module, List<Shape> shapes, ClassName emitterName) {
        TypeSpec.Builder api = ctx.generated(TypeSpec.interfaceBuilder(emitterName)).addModifiers(Modifier.PUBLIC);
        Context.javadoc(api, "Emits the events of schema module {@code " + JavadocRenderer.escape(module) + "}."
                + "\n\n<p>Get one with {@link #to}; each method sends its event through the sink, unless the"
                + " compat policy hides it.");
        ClassName impl = emitterName.nestedClass("Emitter");
        api.addMethod(MethodSpec.methodBuilder("to")
                .addJavadoc("An emitter that sends events to {@code sink} under {@code policy}.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(emitterName)
                .addParameter(ClassNames.EVENT_SINK, "sink")
                .addParameter(ClassNames.COMPAT_POLICY, "policy")
                .addStatement("return new $T(sink, policy)", impl)
                .build());
        TypeSpec.Builder emitter = TypeSpec.classBuilder(impl)
                .addJavadoc("Sends events to a sink.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(emitterName)
                .addField(ClassNames.EVENT_SINK, "sink", Modifier.PRIVATE, Modifier.FINAL)
                .addField(ClassNames.COMPAT_POLICY, "policy", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(ClassNames.EVENT_SINK, "sink")
                        .addParameter(ClassNames.COMPAT_POLICY, "policy")
                        .addStatement("this.sink = sink")
                        .addStatement("this.policy = policy")
                        .build());
        for (Shape s : shapes) {
            Event e = s.event();
            MethodSpec.Builder abstractMethod = MethodSpec.methodBuilder(s.method())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addAnnotations(Annotations.of(null, e.features(), e.ifcond(), ctx.options()));
            MethodSpec.Builder method = MethodSpec.methodBuilder(s.method())
                    .addAnnotation(JdkTypes.OVERRIDE)
                    .addModifiers(Modifier.PUBLIC);
            List<String> args = new ArrayList<>();
            if (s.boxed()) {
                abstractMethod.addParameter(ctx.types().type(e.argTypeName()), "data");
                method.addParameter(ctx.types().type(e.argTypeName()), "data");
                args.add("data");
            }
            for (Member m : s.members()) {
                String n = s.names().get(m.name());
                abstractMethod.addParameter(ctx.codec().parameter(m, n));
                method.addParameter(ctx.codec().javaType(m), n);
                args.add(n);
            }
            abstractMethod.addJavadoc("Emits {@link $T}$L.\n", s.record(), args.isEmpty() ? "" : "; the parameters are its components");
            CodeBlock mask = Annotations.specialMask(e.features(), ctx.options());
            if (mask != null) {
                method.beginControlFlow("if (this.policy.hidesOutput($L))", mask).addStatement("return").endControlFlow();
            }
            method.addStatement("this.sink.emit($T.NAME, new $T($L).$N(new $T(this.policy)))",
                    s.record(), s.record(), String.join(", ", args), toData(s), ClassNames.OUTPUT_VISITOR);
            api.addMethod(abstractMethod.build());
            emitter.addMethod(method.build());
        }
        api.addType(emitter.build());
        return api.build();
    }
}
