package dev.qapi.compat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire view of {@code query-qmp-schema} data: a JSON array of {@code SchemaInfo} objects (QEMU's
 * {@code qapi/introspect.json}), as {@code qapi-gen introspect} prints it or a live QEMU returns it (also
 * accepted whole, as the reply {@code {"return": [...]}}). Type names are handles only; integer types are
 * all {@code int}, so integer widths are unknown.
 */
public final class IntrospectionWire {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;
    private int index;

    private IntrospectionWire(String source) {
        this.source = source;
    }

    /**
     * Reads the data in {@code text}.
     *
     * @param source the file name for messages and the result
     * @throws CompatInputException for text that is not such data, located by line or by entry
     */
    public static WireSchema parse(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at != null ? source + ":" + at.getLineNr() : source;
            throw new CompatInputException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root != null && root.isObject() && root.has("return")) {
            root = root.get("return");
        }
        if (root == null || !root.isArray()) {
            throw new CompatInputException(source
                    + ": expected query-qmp-schema data, a JSON array of SchemaInfo objects");
        }
        return new IntrospectionWire(source).build(root);
    }

    private WireSchema build(JsonNode entries) {
        Map<String, WireCommand> commands = new LinkedHashMap<>();
        Map<String, WireEvent> events = new LinkedHashMap<>();
        Map<String, WireType> types = new HashMap<>();
        List<String> referenced = new ArrayList<>();
        List<Integer> referencedAt = new ArrayList<>();
        for (index = 0; index < entries.size(); index++) {
            JsonNode e = entries.get(index);
            if (!e.isObject()) {
                throw error("not a JSON object");
            }
            String name = text(e, "name");
            String meta = text(e, "meta-type");
            List<String> features = strings(e, "features");
            List<String> refs = new ArrayList<>();
            switch (meta) {
                case "command" -> {
                    String arg = ref(e, "arg-type", refs);
                    String ret = ref(e, "ret-type", refs);
                    boolean oob = e.has("allow-oob") && e.get("allow-oob").asBoolean();
                    commands.put(name, new WireCommand(name, arg, ret, oob, null, null, null, features, null));
                }
                case "event" -> events.put(name, new WireEvent(name, ref(e, "arg-type", refs), null, features, null));
                case "builtin" -> types.put(name, new WireType.BuiltinType(name, null, text(e, "json-type"), null));
                case "enum" -> types.put(name, new WireType.EnumType(name, null, enumValues(e), features));
                case "array" -> types.put(name, new WireType.ArrayType(name, null, ref(e, "element-type", refs)));
                case "object" -> types.put(name, object(e, name, features, refs));
                case "alternate" -> {
                    List<String> alternatives = new ArrayList<>();
                    for (JsonNode m : array(e, "members")) {
                        alternatives.add(ref(m, "type", refs));
                    }
                    types.put(name, new WireType.AlternateType(name, null, alternatives, features));
                }
                default -> throw error("unknown meta-type '" + meta + "'");
            }
            for (String r : refs) {
                referenced.add(r);
                referencedAt.add(index);
            }
        }
        for (int i = 0; i < referenced.size(); i++) {
            if (!types.containsKey(referenced.get(i))) {
                index = referencedAt.get(i);
                throw error("refers to type '" + referenced.get(i) + "', which has no entry");
            }
        }
        return new WireSchema(source, false, commands, events, types);
    }

    private WireType.ObjectType object(JsonNode e, String name, List<String> features, List<String> refs) {
        List<WireType.Member> members = new ArrayList<>();
        for (JsonNode m : array(e, "members")) {
            members.add(new WireType.Member(text(m, "name"), ref(m, "type", refs), m.has("default"),
                    strings(m, "features"), null));
        }
        List<WireType.Branch> branches = new ArrayList<>();
        String tag = null;
        if (e.has("tag")) {
            tag = text(e, "tag");
            for (JsonNode v : array(e, "variants")) {
                branches.add(new WireType.Branch(text(v, "case"), ref(v, "type", refs)));
            }
        }
        return new WireType.ObjectType(name, null, members, tag, branches, features);
    }

    /** {@code members} since QEMU 6.2, with features; older data has only {@code values}. */
    private List<WireType.EnumValue> enumValues(JsonNode e) {
        List<WireType.EnumValue> values = new ArrayList<>();
        if (e.has("members")) {
            for (JsonNode m : array(e, "members")) {
                values.add(new WireType.EnumValue(text(m, "name"), strings(m, "features")));
            }
        } else {
            for (JsonNode v : array(e, "values")) {
                if (!v.isTextual()) {
                    throw error("'values' must hold strings");
                }
                values.add(new WireType.EnumValue(v.asText(), List.of()));
            }
        }
        return values;
    }

    private String ref(JsonNode obj, String key, List<String> refs) {
        String r = text(obj, key);
        refs.add(r);
        return r;
    }

    private String text(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || !v.isTextual()) {
            throw error("'" + key + "' must be a string" + (v == null ? ", and is missing" : ""));
        }
        return v.asText();
    }

    private JsonNode array(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || !v.isArray()) {
            throw error("'" + key + "' must be an array" + (v == null ? ", and is missing" : ""));
        }
        for (JsonNode item : v) {
            if (!item.isObject() && !key.equals("values")) {
                throw error("'" + key + "' must hold objects");
            }
        }
        return v;
    }

    private List<String> strings(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode s : v) {
                if (!s.isTextual()) {
                    throw error("'" + key + "' must hold strings");
                }
                out.add(s.asText());
            }
            return out;
        }
        throw error("'" + key + "' must be an array of strings");
    }

    private CompatInputException error(String message) {
        return new CompatInputException(source + ": entry " + index + ": " + message);
    }
}
