package dev.qapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A server's {@code query-qmp-schema}, and answers to capability questions about it in the path syntax
 * libvirt uses ({@code src/qemu/qemu_qapi.c}), so that probes written for libvirt carry over.
 *
 * <p>A path is components separated by {@code /}. The first names a command or event; then:
 * <ul>
 *   <li>{@code arg-type}, {@code ret-type}: a command's argument or return type (events: {@code arg-type});
 *   <li>{@code NAME}: the member {@code NAME} of the object type reached so far;
 *       {@code *NAME}: the same, but only if the member is optional;
 *   <li>{@code +CASE}: the variant for discriminator value {@code CASE} of the union reached so far;
 *   <li>arrays are followed to their element type without a component of their own, and an alternate
 *       is tried branch by branch until one answers;
 *   <li>last components, yes/no questions about what was reached: {@code ^VALUE} (the enum has that
 *       value; {@code ^VALUE/$FEATURE} asks for a feature of that value), {@code !JSONTYPE} (a built-in
 *       type of that JSON type: {@code string}, {@code int}, {@code number}, {@code boolean},
 *       {@code null}, {@code value}), {@code $FEATURE} (the type, command or event has that feature).
 * </ul>
 * E.g. {@code blockdev-add/arg-type/+file/aio/^io_uring}: does {@code blockdev-add}'s {@code file}
 * driver take {@code aio=io_uring}?
 */
public final class QmpSchema {
    /** libvirt's guard against a schema that refers to itself in a loop. */
    private static final int MAX_DEPTH = 1000;

    private final Map<String, ObjectNode> entities;
    private final Set<String> commands;
    private final Set<String> events;

    private QmpSchema(Map<String, ObjectNode> entities, Set<String> commands, Set<String> events) {
        this.entities = entities;
        this.commands = commands;
        this.events = events;
    }

    /**
     * Reads the return value of {@code query-qmp-schema}.
     *
     * @throws IllegalArgumentException when it is not an array of entities with names
     */
    public static QmpSchema of(JsonNode queryQmpSchema) {
        if (!queryQmpSchema.isArray()) {
            throw new IllegalArgumentException("query-qmp-schema returned " + queryQmpSchema.getNodeType()
                    + ", not an array");
        }
        Map<String, ObjectNode> entities = new HashMap<>();
        Set<String> commands = new TreeSet<>();
        Set<String> events = new TreeSet<>();
        int i = 0;
        for (JsonNode e : queryQmpSchema) {
            if (!(e instanceof ObjectNode o) || !o.path("name").isTextual()) {
                throw new IllegalArgumentException("query-qmp-schema entry " + i + " has no name: "
                        + Messages.excerpt(e));
            }
            String name = o.get("name").asText();
            entities.put(name, o);
            switch (o.path("meta-type").asText()) {
                case "command" -> commands.add(name);
                case "event" -> events.add(name);
                default -> { }
            }
            i++;
        }
        return new QmpSchema(entities, Collections.unmodifiableSet(commands), Collections.unmodifiableSet(events));
    }

    /** The server's commands, sorted. */
    public Set<String> commands() {
        return commands;
    }

    /** The server's events, sorted. */
    public Set<String> events() {
        return events;
    }

    /** Whether the server has the command {@code name}. */
    public boolean hasCommand(String name) {
        return commands.contains(name);
    }

    /** Whether the server has the event {@code name}. */
    public boolean hasEvent(String name) {
        return events.contains(name);
    }

    /** The entity (command, event or type) of that name in the introspection data. */
    public Optional<ObjectNode> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }

    /**
     * Whether {@code path} is present: a type path reaches a type, a yes/no question is answered yes.
     *
     * @throws IllegalArgumentException when the path is malformed (a yes/no component followed by more)
     *     or the schema is (a type it names is missing)
     */
    public boolean has(String path) {
        return new Walk(path).start() == Walk.FOUND;
    }

    /**
     * The schema entity a type path reaches ({@code blockdev-add/arg-type/+file}); empty when it reaches
     * none or the path ends in a yes/no question.
     */
    public Optional<ObjectNode> lookup(String path) {
        Walk w = new Walk(path);
        return w.start() == Walk.FOUND ? Optional.ofNullable(w.reached) : Optional.empty();
    }

    /** One evaluation of a path: its components and how far it has got. */
    private final class Walk {
        static final int NOT_FOUND = 0;
        static final int FOUND = 1;

        private final String path;
        private final String[] parts;
        private int next;
        private int depth;
        private ObjectNode reached;

        Walk(String path) {
            this.path = path;
            this.parts = path.split("/", -1);
        }

        int start() {
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty schema path");
            }
            String first = parts[next++];
            return entities.containsKey(first) ? visit(first) : NOT_FOUND;
        }

        private boolean more() {
            return next < parts.length;
        }

        private String take() {
            return parts[next++];
        }

        /** The component just taken, without its modifier character. */
        private static String bare(String component) {
            return !component.isEmpty() && !Character.isLetter(component.charAt(0)) ? component.substring(1) : component;
        }

        private static char modifier(String component) {
            return component.isEmpty() ? ' ' : component.charAt(0);
        }

        private int visit(String typeName) {
            if (depth++ > MAX_DEPTH) {
                throw new IllegalArgumentException("schema path '" + path + "': the schema loops");
            }
            ObjectNode entity = entities.get(typeName);
            if (entity == null) {
                throw new IllegalArgumentException("schema path '" + path + "': the schema names type '"
                        + typeName + "' but does not define it");
            }
            if (!more()) {
                reached = entity;
                return FOUND;
            }
            return switch (entity.path("meta-type").asText()) {
                case "object" -> object(entity);
                case "array" -> visit(entity.path("element-type").asText());
                case "command", "event" -> commandOrEvent(entity);
                case "enum" -> enumeration(entity);
                case "builtin" -> builtin(entity);
                case "alternate" -> alternate(entity);
                default -> NOT_FOUND;
            };
        }

        private int object(ObjectNode entity) {
            String c = take();
            char m = modifier(c);
            String name = bare(c);
            switch (m) {
                case '^', '!' -> {
                    return NOT_FOUND;
                }
                case '$' -> {
                    return feature(entity, name);
                }
                case '+' -> {
                    JsonNode variant = find(entity.path("variants"), "case", name);
                    return variant == null ? NOT_FOUND : visit(variant.path("type").asText());
                }
                default -> {
                    JsonNode member = find(entity.path("members"), "name", name);
                    if (member == null || (m == '*' && !member.has("default"))) {
                        return NOT_FOUND;
                    }
                    return visit(member.path("type").asText());
                }
            }
        }

        private int commandOrEvent(ObjectNode entity) {
            String c = take();
            char m = modifier(c);
            if (m == '$') {
                return feature(entity, bare(c));
            }
            if (!Character.isLetter(m)) {
                return NOT_FOUND;
            }
            JsonNode type = entity.get(c);
            return type != null && type.isTextual() ? visit(type.asText()) : NOT_FOUND;
        }

        private int enumeration(ObjectNode entity) {
            String c = take();
            if (modifier(c) != '^') {
                return NOT_FOUND;
            }
            String featureQuery = null;
            if (more()) {
                featureQuery = take();
                if (modifier(featureQuery) != '$') {
                    throw terminal(c);
                }
                featureQuery = bare(featureQuery);
                if (more()) {
                    throw terminal("$" + featureQuery);
                }
            }
            String value = bare(c);
            JsonNode members = entity.get("members");
            if (members != null && members.isArray()) {
                JsonNode member = find(members, "name", value);
                if (member == null) {
                    return NOT_FOUND;
                }
                return featureQuery == null ? FOUND : feature(member, featureQuery);
            }
            // Before QEMU 6.2 enums listed bare "values", which carry no features.
            if (featureQuery != null) {
                return NOT_FOUND;
            }
            for (JsonNode v : entity.path("values")) {
                if (v.asText().equals(value)) {
                    return FOUND;
                }
            }
            return NOT_FOUND;
        }

        private int builtin(ObjectNode entity) {
            String c = take();
            if (modifier(c) != '!') {
                return NOT_FOUND;
            }
            if (more()) {
                throw terminal(c);
            }
            return entity.path("json-type").asText().equals(bare(c)) ? FOUND : NOT_FOUND;
        }

        private int alternate(ObjectNode entity) {
            int savedNext = next;
            int savedDepth = depth;
            for (JsonNode member : entity.path("members")) {
                next = savedNext;
                depth = savedDepth;
                int r = visit(member.path("type").asText());
                if (r != NOT_FOUND) {
                    return r;
                }
            }
            return NOT_FOUND;
        }

        private int feature(JsonNode entity, String name) {
            if (more()) {
                throw terminal("$" + name);
            }
            for (JsonNode f : entity.path("features")) {
                if (f.asText().equals(name)) {
                    return FOUND;
                }
            }
            return NOT_FOUND;
        }

        private IllegalArgumentException terminal(String component) {
            return new IllegalArgumentException("schema path '" + path + "': '" + component
                    + "' is a yes/no question and must come last");
        }

        private static JsonNode find(JsonNode array, String key, String value) {
            for (JsonNode e : array) {
                if (value.equals(e.path(key).asText(null))) {
                    return e;
                }
            }
            return null;
        }
    }
}
