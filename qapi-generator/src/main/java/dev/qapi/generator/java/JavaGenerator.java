package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.qapi.generator.introspect.Build;
import dev.qapi.generator.introspect.Introspection;
import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Entity;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Module;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.Schema;
import dev.qapi.parser.schema.SchemaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * Generates the Java bindings of a schema: a class per enum, struct, union and alternate; per module a
 * commands interface with its registration class and an events emitter with a record per event; and
 * the introspection data as a resource with a class that reads it.
 */
public final class JavaGenerator {
    /** The resource holding the {@code query-qmp-schema} data, next to the generated classes. */
    public static final String INTROSPECTION_RESOURCE = "qapi-introspect.json";

    private final Schema schema;
    private final GeneratorOptions options;
    private final String schemaName;

    private JavaGenerator(Schema schema, GeneratorOptions options, String schemaName) {
        this.schema = schema;
        this.options = options;
        this.schemaName = schemaName;
    }

    /**
     * The bindings of {@code schema}.
     *
     * @param schemaName the schema's file name, recorded in {@code @Generated}
     */
    public static GeneratedFiles generate(Schema schema, GeneratorOptions options, String schemaName) {
        return new JavaGenerator(schema, options, schemaName).run();
    }

    private GeneratedFiles run() {
        // The introspection data needs no names; it is made on another core while the classes are built.
        ForkJoinTask<String> introspection = ForkJoinPool.commonPool().submit(this::introspectionJson);
        JavaNames.Scope topLevel = new JavaNames.Scope("SchemaIntrospection");
        JavaTypes types = new JavaTypes(schema, options, topLevel);
        DocText docText = new DocText(name -> types.classIfGenerated(name).map(ClassName::simpleName).orElse(null));
        Context ctx = new Context(types, new MemberCodec(types), new Javadocs(docText), options, schemaName);
        // Names are handed out in schema order first (that is what makes them stable); the specs are then
        // built and rendered in parallel, which matters for the cold start on large schemas.
        List<Supplier<List<TypeSpec>>> jobs = new ArrayList<>();
        for (Module module : schema.modules()) {
            List<Command> commands = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            for (Entity entity : module.entities()) {
                if (entity instanceof SchemaType type && types.isGenerated(type)) {
                    jobs.add(() -> List.of(typeSpec(ctx, type)));
                } else if (entity instanceof Command c && types.included(c)) {
                    commands.add(c);
                } else if (entity instanceof Event e && types.included(e)) {
                    events.add(e);
                }
            }
            String stem = JavaNames.moduleStem(module.name());
            if (!commands.isEmpty()) {
                ClassName api = ClassName.get(options.packageName(), topLevel.claim(stem + "Commands"));
                ClassName marshal = ClassName.get(options.packageName(), topLevel.claim(stem + "CommandsMarshal"));
                jobs.add(() -> new CommandsGenerator(ctx).generate(module.name(), commands, api, marshal));
            }
            if (!events.isEmpty()) {
                List<ClassName> records = new ArrayList<>();
                for (Event e : events) {
                    records.add(ClassName.get(options.packageName(), topLevel.claim(JavaNames.eventClass(e.name()))));
                }
                ClassName emitter = ClassName.get(options.packageName(), topLevel.claim(stem + "Events"));
                jobs.add(() -> new EventsGenerator(ctx).generate(module.name(), events, records, emitter));
            }
        }
        jobs.add(() -> List.of(introspectionClass(ctx)));

        String dir = options.packageName().replace('.', '/') + "/";
        List<GeneratedFile> files = new ArrayList<>(jobs.parallelStream()
                .flatMap(job -> job.get().stream())
                .map(spec -> new GeneratedFile(dir + spec.name() + ".java", GeneratedFile.Kind.SOURCE, render(spec)))
                .toList());
        files.add(new GeneratedFile(dir + INTROSPECTION_RESOURCE, GeneratedFile.Kind.RESOURCE, introspection.join()));
        return new GeneratedFiles(files);
    }

    private String introspectionJson() {
        Build build = options.defines().<Build>map(Build::defining).orElse(Build.unconfigured());
        return Introspection.of(schema, new Introspection.Options(false, build)).toJson();
    }

    private String render(TypeSpec spec) {
        return JavaFile.builder(options.packageName(), spec)
                .addFileComment("Generated by qapi-gen from $L. Do not edit.", schemaName)
                .indent("    ")
                .build()
                .toString();
    }

    private TypeSpec typeSpec(Context ctx, SchemaType type) {
        if (type instanceof EnumType e) {
            return new EnumGenerator(ctx).generate(e);
        }
        if (type instanceof AlternateType a) {
            return new AlternateGenerator(ctx).generate(a);
        }
        ObjectType o = (ObjectType) type;
        return o.variants() != null && o.isUnion() ? new UnionGenerator(ctx).generate(o) : new StructGenerator(ctx).generate(o);
    }

    private TypeSpec introspectionClass(Context ctx) {
        ClassName self = ClassName.get(options.packageName(), "SchemaIntrospection");
        return ctx.generated(TypeSpec.classBuilder(self))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The schema's {@code query-qmp-schema} data, kept as the resource {@code $L} next to this class.\n",
                        INTROSPECTION_RESOURCE)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("json")
                        .addJavadoc("The data as JSON text: an array with one entry per line.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(String.class)
                        .beginControlFlow("try ($T stream = $T.class.getResourceAsStream($S))", java.io.InputStream.class, self,
                                INTROSPECTION_RESOURCE)
                        .beginControlFlow("if (stream == null)")
                        .addStatement("throw new $T($S)", IllegalStateException.class, "missing resource " + INTROSPECTION_RESOURCE)
                        .endControlFlow()
                        .addStatement("return new $T(stream.readAllBytes(), $T.UTF_8)", String.class, StandardCharsets.class)
                        .nextControlFlow("catch ($T e)", java.io.IOException.class)
                        .addStatement("throw new $T(e)", java.io.UncheckedIOException.class)
                        .endControlFlow()
                        .build())
                .build();
    }
}
