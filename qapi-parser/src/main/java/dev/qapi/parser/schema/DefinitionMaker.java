package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns each normalized expression into draft entities (QEMU's {@code _def_*} methods): the predefined
 * types, then per expression the array and implicit object types it needs, defined before the definition
 * itself.
 */
final class DefinitionMaker {
    private static final String[][] BUILTINS = {
        {"str", "string"}, {"number", "number"}, {"int", "int"}, {"int8", "int"}, {"int16", "int"},
        {"int32", "int"}, {"int64", "int"}, {"uint8", "int"}, {"uint16", "int"}, {"uint32", "int"},
        {"uint64", "int"}, {"size", "int"}, {"bool", "boolean"}, {"any", "value"}, {"null", "null"},
    };
    private static final List<String> QTYPE_VALUES =
            List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool");

    private final DraftSchema schema;
    private final Map<Doc, DocDraft> docDrafts;

    /** {@code docDrafts}: the draft of each documentation block; a block missing there gets one here. */
    DefinitionMaker(DraftSchema schema, Map<Doc, DocDraft> docDrafts) {
        this.schema = schema;
        this.docDrafts = docDrafts;
    }

    private DocDraft docDraft(Doc doc) {
        if (doc == null) {
            return null;
        }
        DocDraft draft = docDrafts.get(doc);
        if (draft == null) {
            draft = new DocDraft(doc, schema.pragma().documentationExceptions());
            docDrafts.put(doc, draft);
        }
        return draft;
    }

    /** The built-in types each with its array, then {@code q_empty} and {@code QType}. */
    void definePredefined() {
        for (String[] builtin : BUILTINS) {
            schema.define(new DraftBuiltinType(builtin[0], builtin[1]));
            makeArrayType(builtin[0], null);
        }
        schema.define(new DraftObjectType("q_empty", null, null, null, List.of(), null, List.of(), null));
        List<DraftMember> values = new ArrayList<>();
        for (String value : QTYPE_VALUES) {
            values.add(DraftMember.enumValue(value, null, IfCond.ALWAYS, List.of()));
        }
        schema.define(new DraftEnumType("QType", null, null, null, List.of(), values, null));
    }

    void define(Expression expr) {
        if (expr.data().containsKey("include")) {
            schema.defineInclude(new DraftInclude(schema.makeModule(string(expr, "include")), expr.info()));
            return;
        }
        String meta = expr.meta();
        if (meta == null) {
            throw new IllegalArgumentException("not a definition: " + expr.data());
        }
        switch (meta) {
            case "enum" -> defineEnum(expr);
            case "struct" -> defineStruct(expr);
            case "union" -> defineUnion(expr);
            case "alternate" -> defineAlternate(expr);
            case "command" -> defineCommand(expr);
            case "event" -> defineEvent(expr);
            default -> throw new IllegalArgumentException("unknown meta " + meta);
        }
    }

    private void defineEnum(Expression expr) {
        SourceInfo info = expr.info();
        List<DraftMember> features = makeFeatures(expr.get("features"), info);
        List<DraftMember> values = new ArrayList<>();
        for (Object v : list(expr.get("data"))) {
            Map<String, Object> value = map(v);
            values.add(DraftMember.enumValue((String) value.get("name"), info, IfCond.of(value.get("if")),
                    makeFeatures(value.get("features"), info)));
        }
        schema.define(new DraftEnumType(string(expr, "enum"), info, docDraft(expr.doc()), ifcond(expr),
                features, values, string(expr, "prefix")));
    }

    private void defineStruct(Expression expr) {
        SourceInfo info = expr.info();
        List<DraftMember> features = makeFeatures(expr.get("features"), info);
        List<DraftMember> members = makeMembers(map(expr.get("data")), info);
        schema.define(new DraftObjectType(string(expr, "struct"), info, docDraft(expr.doc()), ifcond(expr),
                features, string(expr, "base"), members, null));
    }

    private void defineUnion(Expression expr) {
        SourceInfo info = expr.info();
        String name = string(expr, "union");
        IfCond ifcond = ifcond(expr);
        List<DraftMember> features = makeFeatures(expr.get("features"), info);
        Object base = expr.get("base");
        String baseName = base instanceof Map<?, ?> members
                ? makeImplicitObjectType(name, info, ifcond, "base", makeMembers(map(members), info))
                : (String) base;
        List<DraftMember> branches = makeBranches(map(expr.get("data")), info);
        schema.define(new DraftObjectType(name, info, docDraft(expr.doc()), ifcond, features, baseName,
                List.of(), new DraftBranches(info, branches, string(expr, "discriminator"))));
    }

    private void defineAlternate(Expression expr) {
        SourceInfo info = expr.info();
        List<DraftMember> features = makeFeatures(expr.get("features"), info);
        List<DraftMember> alternatives = makeBranches(map(expr.get("data")), info);
        schema.define(new DraftAlternateType(string(expr, "alternate"), info, docDraft(expr.doc()),
                ifcond(expr), features, alternatives));
    }

    private void defineCommand(Expression expr) {
        SourceInfo info = expr.info();
        String name = string(expr, "command");
        IfCond ifcond = ifcond(expr);
        List<DraftMember> features = makeFeatures(expr.get("features"), info);
        String argTypeName = argTypeName(expr, name, ifcond);
        Object returns = expr.get("returns");
        String retTypeName = returns instanceof List<?> array
                ? makeArrayType((String) array.get(0), info)
                : (String) returns;
        DraftCommand.Flags flags = new DraftCommand.Flags(flag(expr, "gen", true),
                flag(expr, "success-response", true), flag(expr, "boxed", false), flag(expr, "allow-oob", false),
                flag(expr, "allow-preconfig", false), flag(expr, "coroutine", false));
        schema.define(new DraftCommand(name, info, docDraft(expr.doc()), ifcond, features, argTypeName,
                retTypeName, flags));
    }

    private void defineEvent(Expression expr) {
        SourceInfo info = expr.info();
        String name = string(expr, "event");
        IfCond ifcond = ifcond(expr);
        List<DraftMember> features = makeFeatures(expr.get("features"), info);
        String argTypeName = argTypeName(expr, name, ifcond);
        schema.define(new DraftEvent(name, info, docDraft(expr.doc()), ifcond, features, argTypeName,
                flag(expr, "boxed", false)));
    }

    /** A command's or event's {@code data}: a type name, or inline members making {@code q_obj_NAME-arg}. */
    private String argTypeName(Expression expr, String name, IfCond ifcond) {
        Object data = expr.get("data");
        if (data instanceof Map<?, ?> members) {
            return makeImplicitObjectType(name, expr.info(), ifcond, "arg", makeMembers(map(members), expr.info()));
        }
        return (String) data;
    }

    private List<DraftMember> makeFeatures(Object value, SourceInfo info) {
        List<DraftMember> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (Object f : list(value)) {
            Map<String, Object> feature = map(f);
            DraftMember draft = DraftMember.feature((String) feature.get("name"), info, IfCond.of(feature.get("if")));
            schema.noteFeature(draft);
            out.add(draft);
        }
        return out;
    }

    private List<DraftMember> makeMembers(Map<String, Object> data, SourceInfo info) {
        List<DraftMember> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Map<String, Object> value = map(e.getValue());
            String name = e.getKey();
            boolean optional = name.startsWith("*");
            if (optional) {
                name = name.substring(1);
            }
            String typeName = typeRef(value.get("type"), info);
            out.add(DraftMember.objectMember(name, info, typeName, optional, IfCond.of(value.get("if")),
                    makeFeatures(value.get("features"), info)));
        }
        return out;
    }

    private List<DraftMember> makeBranches(Map<String, Object> data, SourceInfo info) {
        List<DraftMember> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Map<String, Object> value = map(e.getValue());
            out.add(DraftMember.branch(e.getKey(), info, typeRef(value.get("type"), info),
                    IfCond.of(value.get("if"))));
        }
        return out;
    }

    /** A type name as is; {@code ['T']} becomes the array type {@code TList}, defined on first use. */
    private String typeRef(Object type, SourceInfo info) {
        if (type instanceof List<?> array) {
            return makeArrayType((String) array.get(0), info);
        }
        return (String) type;
    }

    private String makeArrayType(String elementTypeName, SourceInfo info) {
        String name = elementTypeName + "List";
        if (schema.lookupType(name) == null) {
            schema.define(new DraftArrayType(name, info, elementTypeName));
        }
        return name;
    }

    /** {@code q_obj_NAME-ROLE} holding {@code members}, or no type at all when there are none. */
    private String makeImplicitObjectType(String name, SourceInfo info, IfCond ifcond, String role,
            List<DraftMember> members) {
        if (members.isEmpty()) {
            return null;
        }
        String typeName = "q_obj_" + name + "-" + role;
        // A second user of the name can only be a duplicate definition, which define() reports next.
        if (schema.lookupEntity(typeName) == null) {
            schema.define(new DraftObjectType(typeName, info, null, ifcond, List.of(), null, members, null));
        }
        return typeName;
    }

    private static IfCond ifcond(Expression expr) {
        return IfCond.of(expr.get("if"));
    }

    private static String string(Expression expr, String key) {
        return (String) expr.get(key);
    }

    private static boolean flag(Expression expr, String key, boolean absent) {
        Object value = expr.get(key);
        return value == null ? absent : (Boolean) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }
}
