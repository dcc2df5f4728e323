package dev.qapi.compat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
 *
 * <p>The text is read with Jackson's streaming parser into plain lists and maps: {@code qapi-gen compat} runs
 * in a fresh JVM, where starting Jackson's data binding cost more than reading the data.
 */
public final class IntrospectionWire {
    private static final JsonFactory JSON = new JsonFactory();

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
        Object root;
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            root = value(parser);
            if (parser.nextToken() != null) {
                throw new CompatInputException(source + ":" + parser.currentLocation().getLineNr()
                        + ": not valid JSON: more after the value");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at != null ? source + ":" + at.getLineNr() : source;
            throw new CompatInputException(where + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CompatInputException(source + ": cannot read: " + e.getMessage());
        }
        if (root instanceof Map<?, ?> reply && reply.containsKey("return")) {
            root = reply.get("return");
        }
        if (!(root instanceof List<?> entries)) {
            throw new CompatInputException(source
                    + ": expected query-qmp-schema data, a JSON array of SchemaInfo objects");
        }
        return new IntrospectionWire(source).build(entries);
    }

    /** The JSON value at the parser's current token: a map, a list, a string, a boolean, a number or null. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseFailure(parser, "no JSON value");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    map.put(key, value(parser));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                return parser.getNumberValue();
        }
    }

    /** JSON {@code null}, as a value a map can hold (a member's {@code "default": null}). */
    private static final Object NULL = new Object();

    /** A parse error of ours, located by the parser like Jackson's own. */
    private static final class JsonParseFailure extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(JsonParser parser, String message) {
            super(message, parser.currentLocation());
        }
    }

    private WireSchema build(List<?> entries) {
        Map<String, WireCommand> commands = new LinkedHashMap<>();
        Map<String, WireEvent> events = new LinkedHashMap<>();
        Map<String, WireType> types = new HashMap<>();
        List<String> referenced = new ArrayList<>();
        List<Integer> referencedAt = new ArrayList<>();
        for (index = 0; index < entries.size(); index++) {
            Map<?, ?> e = object(entries.get(index), "an entry");
            String name = text(e, "name");
            String meta = text(e, "meta-type");
            List<String> features = strings(e, "features");
            List<String> refs = new ArrayList<>();
            switch (meta) {
                case "command" -> {
                    String arg = ref(e, "arg-type", refs);
                    String ret = ref(e, "ret-type", refs);
                    boolean oob = Boolean.TRUE.equals(e.get("allow-oob"));
                    commands.put(name, new WireCommand(name, arg, ret, oob, null, null, null, features, null));
                }
                case "event" -> events.put(name, new WireEvent(name, ref(e, "arg-type", refs), null, features, null));
                case "builtin" -> types.put(name, new WireType.BuiltinType(name, null, text(e, "json-type"), null));
                case "enum" -> types.put(name, new WireType.EnumType(name, null, enumValues(e), features));
                case "array" -> types.put(name, new WireType.ArrayType(name, null, ref(e, "element-type", refs)));
                case "object" -> types.put(name, object(e, name, features, refs));
                case "alternate" -> {
                    List<String> alternatives = new ArrayList<>();
                    for (Object m : array(e, "members")) {
                        alternatives.add(ref(object(m, "a member"), "type", refs));
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

    private WireType.ObjectType object(Map<?, ?> e, String name, List<String> features, List<String> refs) {
        List<WireType.Member> members = new ArrayList<>();
        for (Object o : array(e, "members")) {
            Map<?, ?> m = object(o, "a member");
            members.add(new WireType.Member(text(m, "name"), ref(m, "type", refs), m.containsKey("default"),
                    strings(m, "features"), null));
        }
        List<WireType.Branch> branches = new ArrayList<>();
        String tag = null;
        if (e.containsKey("tag")) {
            tag = text(e, "tag");
            for (Object o : array(e, "variants")) {
                Map<?, ?> v = object(o, "a variant");
                branches.add(new WireType.Branch(text(v, "case"), ref(v, "type", refs)));
            }
        }
        return new WireType.ObjectType(name, null, members, tag, branches, features);
    }

    /** {@code members} since QEMU 6.2, with features; older data has only {@code values}. */
    private List<WireType.EnumValue> enumValues(Map<?, ?> e) {
        List<WireType.EnumValue> values = new ArrayList<>();
        if (e.containsKey("members")) {
            for (Object o : array(e, "members")) {
                Map<?, ?> m = object(o, "a member");
                values.add(new WireType.EnumValue(text(m, "name"), strings(m, "features")));
            }
        } else {
            for (String v : strings(e, "values")) {
                values.add(new WireType.EnumValue(v, List.of()));
            }
        }
        return values;
    }

    private String ref(Map<?, ?> obj, String key, List<String> refs) {
        String r = text(obj, key);
        refs.add(r);
        return r;
    }

    private Map<?, ?> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw error(what + " must be a JSON object");
    }

    private String text(Map<?, ?> obj, String key) {
        Object v = obj.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw error("'" + key + "' must be a string" + (v == null ? ", and is missing" : ""));
    }

    private List<?> array(Map<?, ?> obj, String key) {
        Object v = obj.get(key);
        if (v instanceof List<?> list) {
            return list;
        }
        throw error("'" + key + "' must be an array" + (v == null ? ", and is missing" : ""));
    }

    private List<String> strings(Map<?, ?> obj, String key) {
        Object v = obj.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error("'" + key + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object s : list) {
            if (!(s instanceof String str)) {
                throw error("'" + key + "' must hold strings");
            }
            out.add(str);
        }
        return out;
    }

    private CompatInputException error(String message) {
        return new CompatInputException(source + ": entry " + index + ": " + message);
    }
}
