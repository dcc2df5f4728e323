package dev.qapi.parser.expr;

import dev.qapi.parser.CName;
import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the form of each expression on its own and normalizes shorthand forms (QEMU's
 * {@code expr.py}): the definition keyword and name, naming rules and their pragma exemptions, the
 * permitted keys of each form, member and branch shapes, conditions, features and flags, and the
 * documentation's symbol and {@code Returns}/{@code Errors} sections.
 */
public final class ExpressionChecker {
    private final Pragma pragma;

    private ExpressionChecker(Pragma pragma) {
        this.pragma = pragma;
    }

    /**
     * Checks every expression in order and returns them normalized, each labelled with its definition
     * (include directives pass through unchanged).
     *
     * @throws QapiError for the first expression that breaks a rule
     */
    public static List<Expression> check(ParsedSchema parsed) {
        ExpressionChecker checker = new ExpressionChecker(parsed.pragma());
        List<Expression> out = new ArrayList<>(parsed.expressions().size());
        for (Expression expr : parsed.expressions()) {
            out.add(expr.data().containsKey("include") ? expr : checker.checkDefinition(expr));
        }
        return relabelSharedLines(out);
    }

    /**
     * QEMU's expressions on one line share one location object, so the definition label set last
     * applies to all of them in every later error. Reproduce that.
     */
    private static List<Expression> relabelSharedLines(List<Expression> exprs) {
        Map<SourceInfo, SourceInfo> last = new HashMap<>();
        for (Expression e : exprs) {
            last.put(e.info().withDefn(null, null), e.info());
        }
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            SourceInfo shared = last.get(e.info().withDefn(null, null));
            out.add(shared.equals(e.info()) ? e : e.withInfo(shared));
        }
        return List.copyOf(out);
    }

    private Expression checkDefinition(Expression parsed) {
        Map<String, Object> expr = parsed.data();
        SourceInfo info = parsed.info();
        List<String> metas = new ArrayList<>();
        for (String m : Expression.METAS) {
            if (expr.containsKey(m)) {
                metas.add(m);
            }
        }
        if (metas.size() != 1) {
            throw QapiError.semantic(info, "expression must have exactly one key"
                    + " 'enum', 'struct', 'union', 'alternate', 'command', 'event'");
        }
        String meta = metas.get(0);
        checkNameIsStr(expr.get(meta), info, "'" + meta + "'");
        String name = (String) expr.get(meta);
        info = info.withDefn(meta, name);
        checkDefnName(name, info, meta);

        Doc doc = parsed.doc();
        if (doc != null) {
            if (!name.equals(doc.symbol())) {
                throw QapiError.semantic(info, "documentation comment is for '" + doc.symbol() + "'");
            }
            checkDocSections(doc, expr);
        } else if (pragma.docRequired()) {
            throw QapiError.semantic(info, "documentation comment required");
        }

        switch (meta) {
            case "enum" -> {
                checkKeys(expr, info, meta, List.of("enum", "data"), List.of("if", "features", "prefix"));
                checkEnum(expr, info, name);
            }
            case "union" -> {
                checkKeys(expr, info, meta, List.of("union", "base", "discriminator", "data"),
                        List.of("if", "features"));
                normalizeMembers(expr.get("base"));
                normalizeMembers(expr.get("data"));
                checkUnion(expr, info, name);
            }
            case "alternate" -> {
                checkKeys(expr, info, meta, List.of("alternate", "data"), List.of("if", "features"));
                normalizeMembers(expr.get("data"));
                checkAlternate(expr, info);
            }
            case "struct" -> {
                checkKeys(expr, info, meta, List.of("struct", "data"), List.of("base", "if", "features"));
                normalizeMembers(expr.get("data"));
                checkTypeImplicit(expr.get("data"), info, "'data'", name);
                checkTypeName(expr.get("base"), info, "'base'");
            }
            case "command" -> {
                checkKeys(expr, info, meta, List.of("command"), List.of("data", "returns", "boxed", "if",
                        "features", "gen", "success-response", "allow-oob", "allow-preconfig", "coroutine"));
                normalizeMembers(expr.get("data"));
                checkArguments(expr, info);
                checkTypeNameOrArray(expr.get("returns"), info, "'returns'");
            }
            case "event" -> {
                checkKeys(expr, info, meta, List.of("event"), List.of("data", "boxed", "if", "features"));
                normalizeMembers(expr.get("data"));
                checkArguments(expr, info);
            }
            default -> throw new IllegalStateException(meta);
        }
        checkIf(expr, info, meta);
        checkFeatures(expr, info);
        checkFlags(expr, info);
        return new Expression(expr, info, doc);
    }

    private static void checkDocSections(Doc doc, Map<String, Object> expr) {
        Doc.Section returns = doc.returns().orElse(null);
        if (expr.containsKey("command")) {
            if (returns != null && !expr.containsKey("returns")) {
                throw QapiError.semantic(returns.info(), "'Returns' section, but command doesn't return anything");
            }
            return;
        }
        if (returns != null) {
            throw QapiError.semantic(returns.info(), "'Returns' section is only valid for commands");
        }
        Doc.Section errors = doc.errors().orElse(null);
        if (errors != null) {
            throw QapiError.semantic(errors.info(), "'Errors' section is only valid for commands");
        }
    }

    // --- names ---------------------------------------------------------------------------------

    private static void checkNameIsStr(Object name, SourceInfo info, String source) {
        if (!(name instanceof String)) {
            throw QapiError.semantic(info, source + " requires a string name");
        }
    }

    /** Checks the overall form of a name and returns its stem (without {@code __vendor_} and {@code x-}). */
    private static String checkNameStr(String name, SourceInfo info, String source) {
        String stem = NameForms.stem(name);
        if (stem == null || CName.of(name).startsWith("q_")) {
            throw QapiError.semantic(info, source + " has an invalid name");
        }
        return stem;
    }

    private static void checkNameUpper(String name, SourceInfo info, String source) {
        String stem = checkNameStr(name, info, source);
        if (NameForms.hasLowerOrDash(stem)) {
            throw QapiError.semantic(info, "name of " + source + " must not use lowercase or '-'");
        }
    }

    private static void checkNameLower(String name, SourceInfo info, String source,
            boolean permitUpper, boolean permitUnderscore) {
        String stem = checkNameStr(name, info, source);
        if ((!permitUpper && NameForms.hasUpper(stem))
                || (!permitUnderscore && stem.indexOf('_') >= 0)) {
            throw QapiError.semantic(info, "name of " + source + " must not use uppercase or '_'");
        }
    }

    private static void checkNameCamel(String name, SourceInfo info, String source) {
        String stem = checkNameStr(name, info, source);
        if (!NameForms.isCamelCase(stem)) {
            throw QapiError.semantic(info, "name of " + source + " must use CamelCase");
        }
    }

    private void checkDefnName(String name, SourceInfo info, String meta) {
        switch (meta) {
            case "event" -> checkNameUpper(name, info, meta);
            case "command" -> checkNameLower(name, info, meta, false,
                    pragma.commandNameExceptions().contains(name));
            default -> {
                checkNameCamel(name, info, meta);
                if (name.endsWith("List")) {
                    throw QapiError.semantic(info, meta + " name should not end in 'List'");
                }
            }
        }
    }

    // --- keys, flags, conditions, features -------------------------------------------------------

    private static void checkKeys(Map<String, Object> value, SourceInfo info, String source,
            List<String> required, List<String> optional) {
        if (hasKeys(value, required, optional)) {
            return;
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(value.keySet());
        if (!missing.isEmpty()) {
            throw QapiError.semantic(info, source + " misses key" + (missing.size() > 1 ? "s" : "") + " "
                    + quoted(missing));
        }
        Set<String> allowed = new TreeSet<>(required);
        allowed.addAll(optional);
        Set<String> unknown = new TreeSet<>(value.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw QapiError.semantic(info, source + " has unknown key" + (unknown.size() > 1 ? "s" : "") + " "
                    + quoted(unknown) + "\nValid keys are " + quoted(allowed) + ".");
        }
    }

    /** Whether {@code value} has every key in {@code required} and no key outside both lists. */
    private static boolean hasKeys(Map<String, Object> value, List<String> required, List<String> optional) {
        for (String key : required) {
            if (!value.containsKey(key)) {
                return false;
            }
        }
        for (String key : value.keySet()) {
            if (!required.contains(key) && !optional.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** {@code 'a', 'b'}; the set is sorted as Python sorts strings (by code point). */
    private static String quoted(Set<String> sorted) {
        StringBuilder out = new StringBuilder();
        for (String e : sorted) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append('\'').append(e).append('\'');
        }
        return out.toString();
    }

    private static void checkFlags(Map<String, Object> expr, SourceInfo info) {
        for (String key : List.of("gen", "success-response")) {
            if (expr.containsKey(key) && !Boolean.FALSE.equals(expr.get(key))) {
                throw QapiError.semantic(info, "flag '" + key + "' may only use false value");
            }
        }
        for (String key : List.of("boxed", "allow-oob", "allow-preconfig", "coroutine")) {
            if (expr.containsKey(key) && !Boolean.TRUE.equals(expr.get(key))) {
                throw QapiError.semantic(info, "flag '" + key + "' may only use true value");
            }
        }
        if (expr.containsKey("allow-oob") && expr.containsKey("coroutine")) {
            throw QapiError.semantic(info, "flags 'allow-oob' and 'coroutine' are incompatible");
        }
    }

    private static void checkIf(Map<String, Object> expr, SourceInfo info, String source) {
        Object cond = expr.get("if");
        if (cond != null) {
            checkCondition(cond, info, source);
        }
    }

    private static void checkCondition(Object cond, SourceInfo info, String source) {
        if (cond instanceof String s) {
            if (!NameForms.isConfigSymbol(s)) {
                throw QapiError.semantic(info,
                        "'if' condition '" + s + "' of " + source + " is not a valid identifier");
            }
            return;
        }
        if (!(cond instanceof Map<?, ?>)) {
            throw QapiError.semantic(info, "'if' condition of " + source + " must be a string or an object");
        }
        Map<String, Object> map = asMap(cond);
        checkKeys(map, info, "'if' condition of " + source, List.of(), List.of("all", "any", "not"));
        if (map.size() != 1) {
            throw QapiError.semantic(info, "'if' condition of " + source + " has conflicting keys");
        }
        if (map.containsKey("not")) {
            checkCondition(map.get("not"), info, source);
            return;
        }
        String operator = map.containsKey("all") ? "all" : "any";
        if (!(map.get(operator) instanceof List<?> operands)) {
            throw QapiError.semantic(info, "'" + operator + "' condition of " + source + " must be an array");
        }
        if (operands.isEmpty()) {
            throw QapiError.semantic(info, "'if' condition [] of " + source + " is useless");
        }
        for (Object operand : operands) {
            checkCondition(operand, info, source);
        }
    }

    private static void checkFeatures(Map<String, Object> owner, SourceInfo info) {
        Object features = owner.get("features");
        if (features == null) {
            return;
        }
        if (!(features instanceof List<?> list)) {
            throw QapiError.semantic(info, "'features' must be an array");
        }
        List<Object> normalized = new ArrayList<>(list.size());
        for (Object f : list) {
            normalized.add(f instanceof Map<?, ?> ? f : singleton("name", f));
        }
        owner.put("features", normalized);
        for (Object f : normalized) {
            Map<String, Object> feat = asMap(f);
            String source = "'features' member";
            checkKeys(feat, info, source, List.of("name"), List.of("if"));
            checkNameIsStr(feat.get("name"), info, source);
            source = source + " '" + feat.get("name") + "'";
            checkNameLower((String) feat.get("name"), info, source, false, false);
            checkIf(feat, info, source);
        }
    }

    // --- definitions ---------------------------------------------------------------------------

    private void checkEnum(Map<String, Object> expr, SourceInfo info, String name) {
        if (!(expr.get("data") instanceof List<?> members)) {
            throw QapiError.semantic(info, "'data' must be an array");
        }
        Object prefix = expr.get("prefix");
        if (prefix != null && !(prefix instanceof String)) {
            throw QapiError.semantic(info, "'prefix' must be a string");
        }
        boolean permissive = pragma.memberNameExceptions().contains(name);
        List<Object> normalized = new ArrayList<>(members.size());
        for (Object m : members) {
            normalized.add(m instanceof Map<?, ?> ? m : singleton("name", m));
        }
        expr.put("data", normalized);
        for (Object m : normalized) {
            Map<String, Object> member = asMap(m);
            String source = "'data' member";
            checkKeys(member, info, source, List.of("name"), List.of("if", "features"));
            Object memberName = member.get("name");
            checkNameIsStr(memberName, info, source);
            String valueName = (String) memberName;
            source = source + " '" + valueName + "'";
            if (!valueName.isEmpty() && Character.isDigit(valueName.charAt(0))) {
                valueName = "d" + valueName; // values may start with a digit
            }
            checkNameLower(valueName, info, source, permissive, permissive);
            checkIf(member, info, source);
            checkFeatures(member, info);
        }
    }

    private void checkUnion(Map<String, Object> expr, SourceInfo info, String name) {
        checkTypeNameOrImplicit(expr.get("base"), info, "'base'", name);
        checkNameIsStr(expr.get("discriminator"), info, "'discriminator'");
        if (!(expr.get("data") instanceof Map<?, ?>)) {
            throw QapiError.semantic(info, "'data' must be an object");
        }
        for (Map.Entry<String, Object> e : asMap(expr.get("data")).entrySet()) {
            String source = "'data' member '" + e.getKey() + "'";
            Map<String, Object> value = asMap(e.getValue());
            checkKeys(value, info, source, List.of("type"), List.of("if"));
            checkIf(value, info, source);
            checkTypeName(value.get("type"), info, source);
        }
    }

    private static void checkAlternate(Map<String, Object> expr, SourceInfo info) {
        Object members = expr.get("data");
        if (!truthy(members)) {
            throw QapiError.semantic(info, "'data' must not be empty");
        }
        if (!(members instanceof Map<?, ?>)) {
            throw QapiError.semantic(info, "'data' must be an object");
        }
        for (Map.Entry<String, Object> e : asMap(members).entrySet()) {
            String source = "'data' member '" + e.getKey() + "'";
            checkNameLower(e.getKey(), info, source, false, false);
            Map<String, Object> value = asMap(e.getValue());
            checkKeys(value, info, source, List.of("type"), List.of("if"));
            checkIf(value, info, source);
            checkTypeNameOrArray(value.get("type"), info, source);
        }
    }

    /** The {@code data} of a command or event. */
    private void checkArguments(Map<String, Object> expr, SourceInfo info) {
        Object args = expr.get("data");
        if (truthy(expr.getOrDefault("boxed", false))) {
            if (args == null) {
                throw QapiError.semantic(info, "'boxed': true requires 'data'");
            }
            checkTypeName(args, info, "'data'");
        } else {
            checkTypeNameOrImplicit(args, info, "'data'", null);
        }
    }

    // --- type references -------------------------------------------------------------------------

    private static void normalizeMembers(Object members) {
        if (members instanceof Map<?, ?>) {
            Map<String, Object> map = asMap(members);
            for (Map.Entry<String, Object> e : map.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?>)) {
                    e.setValue(singleton("type", e.getValue()));
                }
            }
        }
    }

    private static void checkTypeName(Object value, SourceInfo info, String source) {
        if (value != null && !(value instanceof String)) {
            throw QapiError.semantic(info, source + " should be a type name");
        }
    }

    private static void checkTypeNameOrArray(Object value, SourceInfo info, String source) {
        if (value == null || value instanceof String) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            throw QapiError.semantic(info, source + " should be a type name or array");
        }
        if (list.size() != 1 || !(list.get(0) instanceof String)) {
            throw QapiError.semantic(info, source + ": array type must contain single type name");
        }
    }

    private void checkTypeNameOrImplicit(Object value, SourceInfo info, String source, String parentName) {
        if (value == null || value instanceof String) {
            return;
        }
        checkTypeImplicit(value, info, source, parentName);
    }

    private void checkTypeImplicit(Object value, SourceInfo info, String source, String parentName) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw QapiError.semantic(info, source + " should be an object or type name");
        }
        boolean permissive = parentName != null && pragma.memberNameExceptions().contains(parentName);
        for (Map.Entry<String, Object> e : asMap(value).entrySet()) {
            String keySource = source + " member '" + e.getKey() + "'";
            String key = e.getKey().startsWith("*") ? e.getKey().substring(1) : e.getKey();
            checkNameLower(key, info, keySource, permissive, permissive);
            String cname = CName.of(key);
            if (cname.equals("u") || cname.startsWith("has_")) {
                throw QapiError.semantic(info, keySource + " uses reserved name");
            }
            Map<String, Object> arg = asMap(e.getValue());
            checkKeys(arg, info, keySource, List.of("type"), List.of("if", "features"));
            checkIf(arg, info, keySource);
            checkFeatures(arg, info);
            checkTypeNameOrArray(arg.get("type"), info, keySource);
        }
    }

    // --- JSON-tree helpers ---------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> singleton(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    /** Python's truth value of a JSON-tree value. */
    private static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return !((Map<?, ?>) value).isEmpty();
    }
}
