package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * The schema's typed client, one class for the whole schema ({@code SchemaClient}): for every command a
 * synchronous and an asynchronous method, for every event a typed listener, over a
 * {@code QmpCaller} (the connection, from {@code qapi-client} or anything else). One class rather than
 * one per module, because a caller thinks in commands, not in the files the schema is split into.
 *
 * <p>Nested {@code Commands} and {@code Events} hold a descriptor per command and event
 * ({@code ClientCommand}, {@code ClientEvent}) and a map of them by wire name, for generic tools (the
 * {@code qmp} command line) that work by name but still check and decode through the bindings.
 */
final class ClientGenerator {
    /** The class's name, next to {@code SchemaIntrospection}. */
    static final String CLASS_NAME = "SchemaClient";

    private final Context ctx;

    ClientGenerator(Context ctx) {
        this.ctx = ctx;
    }

    /** A command's method names, argument shape and descriptor constant. */
    private record CommandMethods(CommandShape shape, String sync, String async, String constant) {
    }

    /** An event's listener method, record and descriptor constant. */
    private record EventMethod(Event event, ClassName record, String method, String constant) {
    }

    /**
     * @param commands every command in this build, in schema order
     * @param events every event in this build, in schema order
     * @param eventRecords the class of each event's record
     */
    TypeSpec generate(ClassName self, List<Command> commands, List<Event> events, List<ClassName> eventRecords) {
        JavaNames.Scope methods = new JavaNames.Scope("of", "withOptions", "withSkewListener", "calls");
        JavaNames.Scope commandConstants = new JavaNames.Scope("ALL");
        JavaNames.Scope eventConstants = new JavaNames.Scope("ALL");
        List<CommandMethods> commandMethods = new ArrayList<>();
        for (Command c : commands) {
            String method = methods.claim(JavaNames.lowerCamel(c.name()));
            commandMethods.add(new CommandMethods(CommandShape.of(ctx, c), method, methods.claim(method + "Async"),
                    commandConstants.claim(JavaNames.constant(c.name()))));
        }
        List<EventMethod> eventMethods = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            eventMethods.add(new EventMethod(e, eventRecords.get(i),
                    methods.claim("on" + JavaNames.upperCamel(e.name().toLowerCase(Locale.ROOT))),
                    eventConstants.claim(JavaNames.constant(e.name()))));
        }
        ClassName commandsClass = self.nestedClass("Commands");
        ClassName eventsClass = self.nestedClass("Events");
        TypeSpec.Builder spec = ctx.generated(TypeSpec.classBuilder(self)).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        Context.javadoc(spec, "The typed client of the schema: a method per command, synchronous ({@code x()}) and"
                + " asynchronous ({@code xAsync()}), and a typed listener per event ({@code onX}), over any"
                + " {@link dev.qapi.runtime.client.QmpCaller}."
                + "\n\n<pre>\n" + self.simpleName() + " client = " + self.simpleName() + ".of(connection);\n"
                + "client.withOptions(CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(5))).someCommand();\n</pre>\n\n"
                + "<p>Commands with optional arguments take an argument record ({@code XArguments.builder()...build()});"
                + " boxed commands their type. What the server sends is decoded tolerantly (members and enum values"
                + " of another version are passed over, see {@link dev.qapi.runtime.client.SkewListener}); what is"
                + " sent is checked first. Immutable and thread-safe.");
        spec.addType(commandsClass(commandsClass, commandMethods));
        spec.addType(eventsClass(eventsClass, eventMethods));
        spec.addField(ClassNames.TYPED_CALLER, "calls", Modifier.PRIVATE, Modifier.FINAL);
        spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(ClassNames.TYPED_CALLER, "calls")
                .addStatement("this.calls = calls").build());
        spec.addMethod(MethodSpec.methodBuilder("of")
                .addJavadoc("A client calling through {@code caller} with the default options; skews are logged.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addParameter(ClassNames.QMP_CALLER, "caller")
                .addStatement("return new $T($T.of(caller))", self, ClassNames.TYPED_CALLER).build());
        spec.addMethod(MethodSpec.methodBuilder("withOptions")
                .addJavadoc("This client on the same connection, every call made with {@code options}"
                        + " (out-of-band, timeout).\n")
                .addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(ClassNames.CALL_OPTIONS, "options")
                .addStatement("return new $T(calls.withOptions(options))", self).build());
        spec.addMethod(MethodSpec.methodBuilder("withSkewListener")
                .addJavadoc("This client on the same connection, reporting what decoding passed over to {@code listener}.\n")
                .addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(ClassNames.SKEW_LISTENER, "listener")
                .addStatement("return new $T(calls.withSkewListener(listener))", self).build());
        spec.addMethod(MethodSpec.methodBuilder("calls")
                .addJavadoc("The typed-call layer underneath: the connection ({@code calls().caller()}) and the options.\n")
                .addModifiers(Modifier.PUBLIC).returns(ClassNames.TYPED_CALLER)
                .addStatement("return calls").build());
        for (CommandMethods m : commandMethods) {
            spec.addMethod(commandMethod(m, commandsClass, false));
            spec.addMethod(commandMethod(m, commandsClass, true));
        }
        for (EventMethod e : eventMethods) {
            spec.addMethod(listenerMethod(e, eventsClass));
        }
        return spec.build();
    }

    /** The Java type a command's arguments travel in: its record, raw JSON for {@code gen: false}, or Void. */
    private TypeName argumentsType(CommandShape shape) {
        if (shape.kind() == CommandShape.Kind.NONE) {
            return JdkTypes.VOID;
        }
        return shape.command().gen() ? shape.arguments() : ClassNames.OBJECT_NODE;
    }

    private TypeName returnType(Command c) {
        return c.retTypeName() == null ? JdkTypes.VOID : ctx.types().boxed(c.retTypeName());
    }

    private TypeSpec commandsClass(ClassName name, List<CommandMethods> commands) {
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addJavadoc("The schema's commands as the client knows them, by constant and by wire name.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        List<String> constants = new ArrayList<>();
        for (CommandMethods m : commands) {
            Command c = m.shape().command();
            TypeName type = ParameterizedTypeName.get(ClassNames.CLIENT_COMMAND, argumentsType(m.shape()), returnType(c));
            spec.addField(FieldSpec.builder(type, m.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@code $L}.\n", c.name())
                    .addAnnotations(Annotations.of(null, List.of(), c.ifcond(), ctx.options()))
                    .initializer("new $T<>($S, $L, $L, $L)", ClassNames.CLIENT_COMMAND, c.name(), c.allowOob(),
                            argumentsCodec(m.shape()), returnsCodec(c))
                    .build());
            constants.add(m.constant());
        }
        spec.addField(byWireName("Every command, by wire name.", ParameterizedTypeName.get(ClassNames.CLIENT_COMMAND,
                WildcardTypeName.subtypeOf(ClassName.OBJECT), WildcardTypeName.subtypeOf(ClassName.OBJECT)), constants));
        spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        return spec.build();
    }

    private CodeBlock argumentsCodec(CommandShape shape) {
        if (shape.kind() == CommandShape.Kind.NONE) {
            return CodeBlock.of("$T.NO_ARGUMENTS, $T.EMPTY", ClassNames.CLIENT_COMMAND, ClassNames.CLIENT_COMMAND);
        }
        if (!shape.command().gen()) {
            // QEMU parses these arguments itself and takes more than the schema says (device_add's
            // properties): they go as given.
            return CodeBlock.of("(in, name) -> ($T) in.readAny(name), (out, value) -> value", ClassNames.OBJECT_NODE);
        }
        return CodeBlock.of("$T::read, (out, value) -> value.write(out)", shape.arguments());
    }

    private CodeBlock returnsCodec(Command c) {
        if (c.retTypeName() == null) {
            return CodeBlock.of("$T.NO_RETURN, $T.EMPTY", ClassNames.CLIENT_COMMAND, ClassNames.CLIENT_COMMAND);
        }
        return CodeBlock.of("(in, name) -> $L, (out, value) -> $L",
                ctx.types().read(c.retTypeName(), "in", CodeBlock.of("name")),
                ctx.types().write(c.retTypeName(), "out", CodeBlock.of("value")));
    }

    private TypeSpec eventsClass(ClassName name, List<EventMethod> events) {
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addJavadoc("The schema's events as the client knows them, by constant and by wire name.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        List<String> constants = new ArrayList<>();
        for (EventMethod e : events) {
            spec.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassNames.CLIENT_EVENT, e.record()), e.constant(),
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@code $L}.\n", e.event().name())
                    .addAnnotations(Annotations.of(null, List.of(), e.event().ifcond(), ctx.options()))
                    .initializer("new $T<>($S, $T::read, $T::$N)", ClassNames.CLIENT_EVENT, e.event().name(), e.record(),
                            e.record(), toDataMethod(e.event()))
                    .build());
            constants.add(e.constant());
        }
        spec.addField(byWireName("Every event, by wire name.", ParameterizedTypeName.get(ClassNames.CLIENT_EVENT,
                WildcardTypeName.subtypeOf(ClassName.OBJECT)), constants));
        spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        return spec.build();
    }

    /** {@code ALL}: the descriptor {@code constants} (of {@code valueType}) in a map by their {@code name()}. */
    private static FieldSpec byWireName(String javadoc, TypeName valueType, List<String> constants) {
        CodeBlock.Builder entries = CodeBlock.builder();
        for (String constant : constants) {
            entries.add(entries.isEmpty() ? "$>$>\n" : ",\n").add("$T.entry($N.name(), $N)", JdkTypes.MAP, constant, constant);
        }
        return FieldSpec.builder(ParameterizedTypeName.get(JdkTypes.MAP, JdkTypes.STRING, valueType), "ALL",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer(constants.isEmpty() ? CodeBlock.of("$T.of()", JdkTypes.MAP)
                        : CodeBlock.of("$T.ofEntries($L$<$<)", JdkTypes.MAP, entries.build()))
                .build();
    }

    /** The name {@link EventsGenerator} gives the record method that builds the event's data. */
    private String toDataMethod(Event e) {
        if (e.argTypeName() == null || e.boxed()) {
            return "toData";
        }
        List<Member> members = ctx.codec().included(ctx.types().schema().objectType(e.argTypeName()).members());
        return MemberCodec.freeName(MemberCodec.javaNames(members), "toData");
    }

    private MethodSpec commandMethod(CommandMethods m, ClassName commandsClass, boolean async) {
        CommandShape shape = m.shape();
        Command c = shape.command();
        MethodSpec.Builder method = MethodSpec.methodBuilder(async ? m.async() : m.sync())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotations(Annotations.of(null, c.features(), c.ifcond(), ctx.options()));
        List<Javadocs.Param> params = new ArrayList<>();
        CodeBlock args;
        if (shape.kind() == CommandShape.Kind.NONE) {
            args = CodeBlock.of("null");
        } else if (shape.kind() == CommandShape.Kind.RECORD || !c.gen()) {
            method.addParameter(argumentsType(shape), "arguments");
            params.add(new Javadocs.Param("arguments", ""));
            args = CodeBlock.of("arguments");
        } else {
            List<String> names = new ArrayList<>();
            for (Member member : shape.members()) {
                String name = shape.names().get(member.name());
                method.addParameter(ctx.codec().parameter(member, name));
                params.add(new Javadocs.Param(name, member.name()));
                names.add(name);
            }
            args = CodeBlock.of("new $T($L)", shape.arguments(), String.join(", ", names));
        }
        String doc = ctx.javadocs().definition(c.doc(), "The command {@code " + c.name() + "}.", c.ifcond(),
                ctx.options().recordsConditions(), c.features(), params, c.retTypeName() != null && !async)
                .replace("@param arguments the member {@code }", c.gen()
                        ? "@param arguments the arguments"
                        : "@param arguments the arguments, sent as given (the server parses them itself)");
        CodeBlock target = CodeBlock.of("$N.$N", commandsClass.simpleName(), m.constant());
        if (async) {
            method.returns(ParameterizedTypeName.get(JdkTypes.COMPLETABLE_FUTURE, returnType(c)));
            method.addJavadoc("$L\n", doc + "\n@return the reply to come: the return value, or the error reply,"
                    + " broken connection or timeout");
            method.addStatement("return this.calls.async($L, $L)", target, args);
        } else {
            method.addJavadoc("$L\n", doc);
            if (c.retTypeName() == null) {
                method.addStatement("this.calls.sync($L, $L)", target, args);
            } else {
                method.returns(ctx.types().type(c.retTypeName()));
                method.addStatement("return this.calls.sync($L, $L)", target, args);
            }
        }
        return method.build();
    }

    private MethodSpec listenerMethod(EventMethod e, ClassName eventsClass) {
        Event event = e.event();
        String doc = ctx.javadocs().definition(event.doc(), "The event {@code " + event.name() + "}.", event.ifcond(),
                ctx.options().recordsConditions(), event.features(), List.of(new Javadocs.Param("listener", "")), true)
                .replace("@param listener the member {@code }",
                        "@param listener gets each such event, decoded, in the order the server sent it")
                .replace("\n@return the result", "\n@return the subscription");
        return MethodSpec.methodBuilder(e.method())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotations(Annotations.of(null, event.features(), event.ifcond(), ctx.options()))
                .addJavadoc("Listens for {@link $T} until the subscription is closed. $L\n", e.record(), doc)
                .returns(ClassNames.EVENT_SUBSCRIPTION)
                .addParameter(ParameterizedTypeName.get(JdkTypes.CONSUMER, WildcardTypeName.supertypeOf(e.record())), "listener")
                .addStatement("return this.calls.subscribe($N.$N, listener)", eventsClass.simpleName(), e.constant())
                .build();
    }
}
