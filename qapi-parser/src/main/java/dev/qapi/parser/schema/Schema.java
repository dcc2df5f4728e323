package dev.qapi.parser.schema;

import dev.qapi.parser.doc.Doc;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved and checked QAPI schema: its modules with their entities, its documentation, and lookup of
 * definitions by name. Entities refer to one another by name; resolve a name with {@link #type(String)}.
 *
 * <p>Built by {@link SchemaBuilder}; immutable.
 */
public final class Schema {
    private final List<Module> modules;
    private final List<Entity> entities;
    private final Map<String, Definition> definitions;
    private final Map<Entity, Module> moduleOf;
    private final List<Doc> docs;
    private final List<String> features;

    Schema(List<Module> modules, List<Entity> entities, List<Doc> docs, List<String> features) {
        this.modules = List.copyOf(modules);
        this.entities = List.copyOf(entities);
        this.docs = List.copyOf(docs);
        this.features = List.copyOf(features);
        Map<String, Definition> byName = new LinkedHashMap<>();
        for (Entity e : entities) {
            if (e instanceof Definition d) {
                byName.put(d.name(), d);
            }
        }
        this.definitions = byName;
        Map<Entity, Module> owners = new IdentityHashMap<>();
        for (Module m : modules) {
            for (Entity e : m.entities()) {
                owners.put(e, m);
            }
        }
        this.moduleOf = owners;
    }

    /** The modules in visiting order: {@code ./builtin}, the main file, then files in order of first inclusion. */
    public List<Module> modules() {
        return modules;
    }

    /** Every entity in definition order (predefined types first). */
    public List<Entity> entities() {
        return entities;
    }

    /** The module {@code entity} (an entity of this schema) belongs to. */
    public Module moduleOf(Entity entity) {
        Module m = moduleOf.get(entity);
        if (m == null) {
            throw new IllegalArgumentException("not an entity of this schema: " + entity);
        }
        return m;
    }

    /** The definition named {@code name}, if any. */
    public Optional<Definition> lookupEntity(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** The type named {@code name}, if there is one. */
    public Optional<SchemaType> lookupType(String name) {
        return definitions.get(name) instanceof SchemaType t ? Optional.of(t) : Optional.empty();
    }

    /**
     * The type named {@code name}, which must exist: use it to follow the type names the model holds, all of
     * which are resolved.
     */
    public SchemaType type(String name) {
        return lookupType(name).orElseThrow(() -> new IllegalArgumentException("no type '" + name + "'"));
    }

    /** The object type named {@code name}, which must exist. */
    public ObjectType objectType(String name) {
        if (type(name) instanceof ObjectType o) {
            return o;
        }
        throw new IllegalArgumentException("not an object type: '" + name + "'");
    }

    /** Every type, in definition order. */
    public List<SchemaType> types() {
        return ofKind(SchemaType.class);
    }

    /** Every command, in definition order. */
    public List<Command> commands() {
        return ofKind(Command.class);
    }

    /** Every event, in definition order. */
    public List<Event> events() {
        return ofKind(Event.class);
    }

    /** Every documentation block in textual order, connected to its definition. */
    public List<Doc> docs() {
        return docs;
    }

    /** Every feature name used in the schema, {@code deprecated} and {@code unstable} first, then by first use. */
    public List<String> features() {
        return features;
    }

    /** Walks the modules in order and each module's entities in order, like QEMU's {@code QAPISchema.visit}. */
    public void visit(SchemaVisitor visitor) {
        visitor.visitBegin(this);
        for (Module module : modules) {
            visitor.visitModule(module);
            for (Entity entity : module.entities()) {
                if (visitor.visitNeeded(entity)) {
                    dispatch(entity, visitor);
                }
            }
        }
        visitor.visitEnd();
    }

    private static void dispatch(Entity entity, SchemaVisitor visitor) {
        if (entity instanceof Include i) {
            visitor.visitInclude(i);
        } else if (entity instanceof BuiltinType t) {
            visitor.visitBuiltinType(t);
        } else if (entity instanceof EnumType t) {
            visitor.visitEnumType(t);
        } else if (entity instanceof ArrayType t) {
            visitor.visitArrayType(t);
        } else if (entity instanceof ObjectType t) {
            visitor.visitObjectType(t);
        } else if (entity instanceof AlternateType t) {
            visitor.visitAlternateType(t);
        } else if (entity instanceof Command c) {
            visitor.visitCommand(c);
        } else if (entity instanceof Event e) {
            visitor.visitEvent(e);
        }
    }

    private <T> List<T> ofKind(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Entity e : entities) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }
}
