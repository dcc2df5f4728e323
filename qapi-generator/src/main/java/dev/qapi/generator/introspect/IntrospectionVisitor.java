package dev.qapi.generator.introspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.Branch;
import dev.qapi.parser.schema.BuiltinType;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Entity;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.EnumValue;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Feature;
import dev.qapi.parser.schema.IfCond;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.Schema;
import dev.qapi.parser.schema.SchemaType;
import dev.qapi.parser.schema.SchemaVisitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@code SchemaInfo} entries of {@code query-qmp-schema} the way QEMU's introspection generator
 * does.
 *
 * <p>The schema walk visits only commands and events; each type they refer to goes on a first-in first-out
 * queue of used types, which {@link #visitEnd()} drains, visiting a type possibly queueing more. So the
 * output is every command and event in schema order, then every type reachable from them in order of first
 * reference. Type names other than built-ins and arrays are masked as {@code "0"}, {@code "1"}, ... in order
 * of first reference unless {@link Introspection.Options#unmask()}.
 *
 * <p>Object keys are inserted in the order QEMU inserts them: the meta-type's own keys, then {@code name},
 * {@code meta-type} and {@code features}. Where QEMU makes its C output conditional ({@code #if}), the
 * {@link Build} decides whether the item is kept; masking and the queue are not affected by that, since in
 * QEMU they are settled before the C preprocessor runs.
 */
final class IntrospectionVisitor implements SchemaVisitor {
    /** The meta-types whose entry names are never masked. */
    private static final Set<String> UNMASKED_META_TYPES = Set.of("command", "event", "builtin", "array");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Introspection.Options options;
    private final ArrayNode entries = JSON.arrayNode();
    private final List<SchemaType> usedTypes = new ArrayList<>();
    private final Set<String> usedTypeNames = new HashSet<>();
    private final Map<String, String> maskedNames = new HashMap<>();
    private Schema schema;

    IntrospectionVisitor(Introspection.Options options) {
        this.options = options;
    }

    /** The entries built by the last walk. */
    ArrayNode entries() {
        return entries;
    }

    @Override
    public void visitBegin(Schema schema) {
        this.schema = schema;
    }

    /** Types are visited only once used, from {@link #visitEnd()}. */
    @Override
    public boolean visitNeeded(Entity entity) {
        return !(entity instanceof SchemaType);
    }

    @Override
    public void visitEnd() {
        // the queue grows while it is drained
        for (int i = 0; i < usedTypes.size(); i++) {
            visitUsedType(usedTypes.get(i));
        }
    }

    private void visitUsedType(SchemaType type) {
        if (type instanceof BuiltinType t) {
            visitBuiltinType(t);
        } else if (type instanceof EnumType t) {
            visitEnumType(t);
        } else if (type instanceof ArrayType t) {
            visitArrayType(t);
        } else if (type instanceof ObjectType t) {
            visitObjectType(t);
        } else if (type instanceof AlternateType t) {
            visitAlternateType(t);
        }
    }

    @Override
    public void visitCommand(Command command) {
        ObjectNode obj = JSON.objectNode();
        obj.put("arg-type", useType(typeOrEmpty(command.argTypeName())));
        obj.put("ret-type", useType(typeOrEmpty(command.retTypeName())));
        if (command.allowOob()) {
            obj.put("allow-oob", true);
        }
        addEntry(command.name(), "command", obj, command.ifcond(), command.features());
    }

    @Override
    public void visitEvent(Event event) {
        ObjectNode obj = JSON.objectNode();
        obj.put("arg-type", useType(typeOrEmpty(event.argTypeName())));
        addEntry(event.name(), "event", obj, event.ifcond(), event.features());
    }

    @Override
    public void visitBuiltinType(BuiltinType type) {
        ObjectNode obj = JSON.objectNode();
        obj.put("json-type", type.jsonType());
        addEntry(type.name(), "builtin", obj, type.ifcond(), type.features());
    }

    @Override
    public void visitEnumType(EnumType type) {
        ArrayNode members = JSON.arrayNode();
        ArrayNode values = JSON.arrayNode();
        for (EnumValue value : type.values()) {
            ObjectNode member = JSON.objectNode();
            member.put("name", value.name());
            putFeatures(member, value.features());
            if (holds(value.ifcond())) {
                members.add(member);
                values.add(value.name());
            }
        }
        ObjectNode obj = JSON.objectNode();
        obj.set("members", members);
        obj.set("values", values);
        addEntry(type.name(), "enum", obj, type.ifcond(), type.features());
    }

    @Override
    public void visitArrayType(ArrayType type) {
        String element = useType(schema.type(type.elementTypeName()));
        ObjectNode obj = JSON.objectNode();
        obj.put("element-type", element);
        addEntry("[" + element + "]", "array", obj, type.ifcond(), type.features());
    }

    /** Structs, unions and implicit object types alike, with base members flattened in. */
    @Override
    public void visitObjectType(ObjectType type) {
        ArrayNode members = JSON.arrayNode();
        for (Member member : type.members()) {
            ObjectNode obj = objectMember(member);
            if (holds(member.ifcond())) {
                members.add(obj);
            }
        }
        ObjectNode obj = JSON.objectNode();
        obj.set("members", members);
        if (type.variants() != null) {
            obj.put("tag", type.variants().tagMember().name());
            ArrayNode variants = JSON.arrayNode();
            for (Branch branch : type.variants().branches()) {
                ObjectNode variant = JSON.objectNode();
                variant.put("case", branch.name());
                variant.put("type", useType(schema.type(branch.typeName())));
                if (holds(branch.ifcond())) {
                    variants.add(variant);
                }
            }
            obj.set("variants", variants);
        }
        addEntry(type.name(), "object", obj, type.ifcond(), type.features());
    }

    @Override
    public void visitAlternateType(AlternateType type) {
        ArrayNode members = JSON.arrayNode();
        for (Branch alternative : type.alternatives().branches()) {
            ObjectNode member = JSON.objectNode();
            member.put("type", useType(schema.type(alternative.typeName())));
            if (holds(alternative.ifcond())) {
                members.add(member);
            }
        }
        ObjectNode obj = JSON.objectNode();
        obj.set("members", members);
        addEntry(type.name(), "alternate", obj, type.ifcond(), type.features());
    }

    private ObjectNode objectMember(Member member) {
        ObjectNode obj = JSON.objectNode();
        obj.put("name", member.name());
        obj.put("type", useType(schema.type(member.typeName())));
        if (member.optional()) {
            obj.putNull("default");
        }
        putFeatures(obj, member.features());
        return obj;
    }

    /** A command's or event's argument or return type; {@code q_empty} when it has none. */
    private SchemaType typeOrEmpty(String name) {
        return schema.type(name != null ? name : "q_empty");
    }

    /**
     * Queues {@code type} if not yet used and returns the name under which entries refer to it. Integer
     * types are reported as {@code int}, arrays of them as {@code intList} (named {@code [int]}); an array
     * is named after its element as {@code [ELEMENT]}.
     */
    private String useType(SchemaType type) {
        SchemaType used = type;
        if (type.jsonType().equals("int")) {
            used = schema.type("int");
        } else if (type instanceof ArrayType array
                && schema.type(array.elementTypeName()).jsonType().equals("int")) {
            used = schema.type("intList");
        }
        if (usedTypeNames.add(used.name())) {
            usedTypes.add(used);
        }
        if (used instanceof BuiltinType) {
            return used.name();
        }
        if (used instanceof ArrayType array) {
            return "[" + useType(schema.type(array.elementTypeName())) + "]";
        }
        return maskedName(used.name());
    }

    /** {@code name}, or when masking, its number in order of first use. */
    private String maskedName(String name) {
        if (options.unmask()) {
            return name;
        }
        return maskedNames.computeIfAbsent(name, n -> Integer.toString(maskedNames.size()));
    }

    /**
     * Completes {@code obj} with {@code name}, {@code meta-type} and any {@code features}, and appends it
     * unless its condition is false in the build.
     */
    private void addEntry(String name, String metaType, ObjectNode obj, IfCond ifcond, List<Feature> features) {
        obj.put("name", UNMASKED_META_TYPES.contains(metaType) ? name : maskedName(name));
        obj.put("meta-type", metaType);
        putFeatures(obj, features);
        if (holds(ifcond)) {
            entries.add(obj);
        }
    }

    /**
     * Adds {@code features} when there are any. Whether there are is decided before conditions are
     * evaluated, as QEMU does, so a list whose features are all conditional may end up empty.
     */
    private void putFeatures(ObjectNode obj, List<Feature> features) {
        if (features.isEmpty()) {
            return;
        }
        ArrayNode names = obj.putArray("features");
        for (Feature feature : features) {
            if (holds(feature.ifcond())) {
                names.add(feature.name());
            }
        }
    }

    private boolean holds(IfCond ifcond) {
        return options.build().holds(ifcond);
    }
}
