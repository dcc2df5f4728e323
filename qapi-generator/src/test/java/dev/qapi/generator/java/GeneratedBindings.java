package dev.qapi.generator.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.Schema;
import dev.qapi.runtime.QNull;
import dev.qapi.runtime.annotation.QapiName;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.event.EventSink;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.marshal.InputVisitor;
import dev.qapi.runtime.marshal.OutputVisitor;
import dev.qapi.runtime.marshal.QapiValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The compiled bindings of a schema, reached by reflection from the schema's names: the class of each
 * type (found by its {@code @QapiName}), every {@code *CommandsMarshal} and every events emitter.
 *
 * <p>It also reads and writes a value of any schema type by name, the way generated code would for a
 * member of that type: generated types through their own {@code read} and {@link QapiValue#write}, lists
 * element by element, built-ins with the visitor method for their width. That is what a test needs to
 * feed exploded command arguments, command results and event data through the generated code. The
 * built-in table is written out here on purpose rather than borrowed from the generator, so that a wrong
 * choice there (say, {@code uint64} written as signed) shows up as a difference.
 */
final class GeneratedBindings {
    private static final Set<String> BUILTINS = Set.of("str", "number", "int", "int8", "int16", "int32", "int64",
            "uint8", "uint16", "uint32", "uint64", "size", "bool", "any", "null");

    private final Schema schema;
    private final Map<String, Class<?>> types = new HashMap<>();
    private final List<Method> registrations = new ArrayList<>();
    private final List<Method> emitterFactories = new ArrayList<>();

    private GeneratedBindings(Schema schema) {
        this.schema = schema;
    }

    /** The bindings of {@code schema} compiled into {@code classesDir}, loaded by {@code loader}. */
    static GeneratedBindings load(Schema schema, Path classesDir, ClassLoader loader) {
        GeneratedBindings bindings = new GeneratedBindings(schema);
        for (String name : topLevelClassNames(classesDir)) {
            try {
                bindings.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return bindings;
    }

    private static List<String> topLevelClassNames(Path classesDir) {
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.map(p -> classesDir.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("$"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Class<?> c) {
        QapiName name = c.getAnnotation(QapiName.class);
        if (name != null && QapiValue.class.isAssignableFrom(c)) {
            types.put(name.value(), c);
        }
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            if (m.getName().equals("register") && p.length == 2 && p[0] == CommandRegistry.class && p[1].isInterface()) {
                registrations.add(m);
            } else if (m.getName().equals("to") && p.length == 2 && p[0] == EventSink.class && p[1] == CompatPolicy.class) {
                emitterFactories.add(m);
            }
        }
    }

    /** How many {@code *CommandsMarshal} classes there are (one per module with commands). */
    int commandModules() {
        return registrations.size();
    }

    /**
     * A registry holding every generated command, each bound to a proxy of its module's interface that
     * calls {@code handler}.
     */
    CommandRegistry registerAll(InvocationHandler handler) {
        CommandRegistry registry = new CommandRegistry();
        for (Method register : registrations) {
            Class<?> api = register.getParameterTypes()[1];
            Object impl = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler);
            invoke(register, null, registry, impl);
        }
        return registry;
    }

    /**
     * The emitter method of the event {@code eventName} on an emitter writing to {@code sink}, if the event
     * was generated. Emitter methods are named after the event ({@code BLOCK_JOB_COMPLETED} →
     * {@code blockJobCompleted}).
     */
    Optional<Emitter> emitter(String eventName, EventSink sink) {
        String wanted = squash(eventName);
        for (Method factory : emitterFactories) {
            for (Method m : factory.getDeclaringClass().getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && squash(m.getName()).equals(wanted)) {
                    Object emitter = invoke(factory, null, sink, CompatPolicy.DEFAULT);
                    return Optional.of(values -> invoke(m, emitter, values));
                }
            }
        }
        return Optional.empty();
    }

    /** An event's emitter method, bound to its emitter. */
    @FunctionalInterface
    interface Emitter {
        void emit(Object... values);
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Whether values of {@code typeName} can be read and written: built-ins and generated classes. */
    boolean supports(String typeName) {
        if (BUILTINS.contains(typeName)) {
            return true;
        }
        if (schema.type(typeName) instanceof ArrayType array) {
            return supports(array.elementTypeName());
        }
        return types.containsKey(typeName);
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** Reads the value {@code name} of {@code typeName} from {@code in}, as generated code would. */
    Object read(InputVisitor in, String name, String typeName) {
        switch (typeName) {
            case "str": return in.readStr(name);
            case "number": return in.readNumber(name);
            case "int", "int64": return in.readInt64(name);
            case "int8": return in.readInt8(name);
            case "int16": return in.readInt16(name);
            case "int32": return in.readInt32(name);
            case "uint8": return in.readUint8(name);
            case "uint16": return in.readUint16(name);
            case "uint32": return in.readUint32(name);
            case "uint64": return in.readUint64(name);
            case "size": return in.readSize(name);
            case "bool": return in.readBool(name);
            case "any": return in.readAny(name);
            case "null": return in.readNull(name);
            default:
                break;
        }
        if (schema.type(typeName) instanceof ArrayType array) {
            return in.readList(name, (v, n) -> read(v, n, array.elementTypeName()));
        }
        return invoke(method(typeName, "read", InputVisitor.class, String.class), null, in, name);
    }

    /**
     * Reads the members of an object (the whole value {@code in} visits), in order: an optional member as
     * an {@link Optional}; fails on members left over, as generated code does.
     */
    Object[] readMembers(InputVisitor in, List<Member> members) {
        Object[] values = new Object[members.size()];
        in.startStruct(null);
        for (int i = 0; i < values.length; i++) {
            Member m = members.get(i);
            if (m.optional()) {
                values[i] = in.optional(m.name()) ? Optional.of(read(in, m.name(), m.typeName())) : Optional.empty();
            } else {
                values[i] = read(in, m.name(), m.typeName());
            }
        }
        in.checkStruct();
        in.endStruct();
        return values;
    }

    // ---- writing ----------------------------------------------------------------------------------

    /** The JSON form of {@code value}, a Java value of {@code typeName}. */
    JsonNode write(OutputVisitor out, String typeName, Object value) {
        switch (typeName) {
            case "str": return out.str((String) value);
            case "number": return out.number((Double) value);
            case "int", "int64", "int8", "int16", "int32", "uint8", "uint16", "uint32":
                return out.int64(((Number) value).longValue());
            case "uint64", "size": return out.uint64((Long) value);
            case "bool": return out.bool((Boolean) value);
            case "any": return out.any((JsonNode) value);
            case "null": return out.nul((QNull) value);
            default:
                break;
        }
        if (schema.type(typeName) instanceof ArrayType array) {
            ArrayNode json = JsonNodeFactory.instance.arrayNode();
            for (Object element : (List<?>) value) {
                json.add(write(out, array.elementTypeName(), element));
            }
            return json;
        }
        return ((QapiValue) value).write(out);
    }

    /** The object of {@code members} with {@code values} (optional ones as {@link Optional}; empty ones left out). */
    ObjectNode writeMembers(OutputVisitor out, List<Member> members, Object[] values) {
        ObjectNode json = out.object();
        for (int i = 0; i < values.length; i++) {
            Member m = members.get(i);
            Object value = values[i];
            if (m.optional()) {
                Optional<?> present = (Optional<?>) value;
                if (present.isEmpty()) {
                    continue;
                }
                value = present.get();
            }
            json.set(m.name(), write(out, m.typeName(), value));
        }
        return json;
    }

    // ---- reflection -------------------------------------------------------------------------------

    private Method method(String typeName, String name, Class<?>... parameters) {
        Class<?> c = types.get(typeName);
        if (c == null) {
            throw new IllegalArgumentException("no generated class for type '" + typeName + "'");
        }
        try {
            return c.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(c.getName() + " has no method " + name, e);
        }
    }

    /** Calls {@code m}, rethrowing what it throws as it is (a {@code QmpException} stays one). */
    static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
