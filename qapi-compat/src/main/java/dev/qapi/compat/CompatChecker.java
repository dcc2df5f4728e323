package dev.qapi.compat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what a client sees of two versions of a schema, walking from the old version's commands and
 * events. Type names do not exist on the wire, so types are paired by where they are used (a member's
 * type with the same member's type), never by name; each pair is compared once per direction and context,
 * which also ends the walk on recursive types. A change found in a pair is one finding, under the first path
 * that reached the pair, listing every other path that uses the pair ({@link AffectedPaths}).
 *
 * <p>Directions follow QEMU's compatibility rules ({@code docs/devel/qapi-code-gen.rst}): command
 * arguments are <em>sent</em> (the new version must accept everything the old one accepted), return
 * values and event data are <em>received</em> (the new version must produce nothing the old one could not).
 *
 * <p>Context: below something the old version marked {@code deprecated}, a breaking change is reported as
 * {@link Severity#DEPRECATED_REMOVAL}; below something marked {@code unstable}, nothing is reported unless
 * {@link CompatOptions#strict()}. Java-source findings need real type names and integer widths, so they are
 * made only when both sides are schema files.
 */
public final class CompatChecker {
    private enum Direction { SEND, RECEIVE }

    /** Whether the old version marked the path so far {@code deprecated} or {@code unstable}. */
    private record Context(boolean deprecated, boolean unstable) {
        /** Two bits, for the key of a compared pair (a record's toString would spin method handles cold). */
        char bits() {
            return (char) ('0' + (deprecated ? 1 : 0) + (unstable ? 2 : 0));
        }

        Context with(List<String> features) {
            return new Context(deprecated || features.contains("deprecated"),
                    unstable || features.contains("unstable"));
        }
    }

    private static final Context ROOT = new Context(false, false);

    private final WireSchema old;
    private final WireSchema neu;
    private final CompatOptions options;
    private final boolean javaSource;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final AffectedPaths paths = new AffectedPaths();

    private CompatChecker(WireSchema old, WireSchema neu, CompatOptions options) {
        this.old = old;
        this.neu = neu;
        this.options = options;
        this.javaSource = old.fromSchemaFile() && neu.fromSchemaFile();
    }

    /** The findings, in the order of the old version's commands, then its events. */
    public static List<Finding> compare(WireSchema oldSchema, WireSchema newSchema, CompatOptions options) {
        CompatChecker checker = new CompatChecker(oldSchema, newSchema, options);
        checker.commands();
        checker.events();
        return checker.withAllPaths();
    }

    /** The findings, each with every other path it shows on ({@link Finding#alsoAffects()}). */
    private List<Finding> withAllPaths() {
        if (findings.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> all = paths.pathsByFinding();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Map.Entry<String, Finding> e : findings.entrySet()) {
            Finding f = e.getValue();
            List<String> others = new ArrayList<>(all.get(e.getKey()));
            others.remove(f.path());
            out.add(f.alsoAffecting(others));
        }
        return List.copyOf(out);
    }

    private void commands() {
        for (WireCommand oc : old.commands().values()) {
            Context ctx = ROOT.with(oc.features());
            WireCommand nc = neu.commands().get(oc.name());
            String path = oc.name();
            if (nc == null) {
                report(Change.COMMAND_REMOVED, ctx, path, "command", null, oc.location(), null);
                continue;
            }
            features(oc.features(), nc.features(), path, ctx, oc.location(), nc.location());
            if (oc.allowOob() && !nc.allowOob()) {
                report(Change.ALLOW_OOB_REMOVED, ctx, path, "allow-oob", null, oc.location(), nc.location());
            }
            if (known(oc.successResponse(), nc.successResponse()) && oc.successResponse() != nc.successResponse()) {
                report(Change.SUCCESS_RESPONSE_CHANGED, ctx, path, "success-response: " + oc.successResponse(),
                        "success-response: " + nc.successResponse(), oc.location(), nc.location());
            }
            if (known(oc.allowPreconfig(), nc.allowPreconfig()) && oc.allowPreconfig() && !nc.allowPreconfig()) {
                report(Change.ALLOW_PRECONFIG_REMOVED, ctx, path, "allow-preconfig", null, oc.location(),
                        nc.location());
            }
            boxed(oc.boxed(), nc.boxed(), path, ctx, oc.location(), nc.location());
            compare(oc.argType(), nc.argType(), Direction.SEND, path + "/arg-type", ctx);
            compare(oc.retType(), nc.retType(), Direction.RECEIVE, path + "/ret-type", ctx);
        }
    }

    private void events() {
        for (WireEvent oe : old.events().values()) {
            Context ctx = ROOT.with(oe.features());
            WireEvent ne = neu.events().get(oe.name());
            String path = oe.name();
            if (ne == null) {
                report(Change.EVENT_REMOVED, ctx, path, "event", null, oe.location(), null);
                continue;
            }
            features(oe.features(), ne.features(), path, ctx, oe.location(), ne.location());
            boxed(oe.boxed(), ne.boxed(), path, ctx, oe.location(), ne.location());
            compare(oe.argType(), ne.argType(), Direction.RECEIVE, path + "/arg-type", ctx);
        }
    }

    private static boolean known(Boolean a, Boolean b) {
        return a != null && b != null;
    }

    private void boxed(Boolean o, Boolean n, String path, Context ctx, String oldLoc, String newLoc) {
        if (javaSource && known(o, n) && !o.equals(n)) {
            report(Change.BOXED_CHANGED, ctx, path, "boxed: " + o, "boxed: " + n, oldLoc, newLoc);
        }
    }

    /** Features clients probe for ({@code $name}); losing {@code deprecated} or {@code unstable} is fine. */
    private void features(List<String> o, List<String> n, String path, Context ctx, String oldLoc, String newLoc) {
        for (String f : o) {
            if (!n.contains(f) && !f.equals("deprecated") && !f.equals("unstable")) {
                report(Change.FEATURE_REMOVED, ctx, path + "/$" + f, "feature", null, oldLoc, newLoc);
            }
        }
        if (n.contains("deprecated") && !o.contains("deprecated")) {
            report(Change.DEPRECATED_ADDED, ctx, path, null, "deprecated", oldLoc, newLoc);
        }
    }

    private void compare(String o, String n, Direction dir, String path, Context ctx) {
        String types = o + '\u0000' + n;
        if (!paths.enter(types + '\u0000' + dir.ordinal() + ctx.bits(), types, path)) {
            return;
        }
        try {
            pair(o, n, dir, path, ctx);
        } finally {
            paths.leave();
        }
    }

    private void pair(String o, String n, Direction dir, String path, Context ctx) {
        WireType ot = old.type(o);
        WireType nt = neu.type(n);
        if (ot instanceof WireType.AlternateType || nt instanceof WireType.AlternateType) {
            alternatives(ot, nt, dir, path, ctx);
            return;
        }
        String oj = ot.jsonType();
        String nj = nt.jsonType();
        if (!oj.equals(nj)) {
            if (!accepts(dir == Direction.SEND ? nj : oj, dir == Direction.SEND ? oj : nj)) {
                report(Change.TYPE_CHANGED, ctx, path, describe(ot), describe(nt), ot.location(), nt.location());
            } else {
                javaType(ctx, path, ot, nt);
            }
            return;
        }
        renamed(ot, nt, path, ctx);
        if (ot instanceof WireType.ArrayType oa && nt instanceof WireType.ArrayType na) {
            // arrays are followed transparently, as libvirt's paths do
            compare(oa.elementType(), na.elementType(), dir, path, ctx);
        } else if (ot instanceof WireType.ObjectType oo && nt instanceof WireType.ObjectType no) {
            objects(oo, no, dir, path, ctx);
        } else if (ot instanceof WireType.EnumType oe && nt instanceof WireType.EnumType ne) {
            enums(oe, ne, dir, path, ctx);
        } else if (ot instanceof WireType.BuiltinType ob && nt instanceof WireType.BuiltinType nb) {
            integers(ob, nb, dir, path, ctx);
        } else if (ot instanceof WireType.BuiltinType && nt instanceof WireType.EnumType) {
            // any string became one of a set
            if (dir == Direction.SEND) {
                report(Change.TYPE_CHANGED, ctx, path, describe(ot), describe(nt), ot.location(), nt.location());
            } else {
                javaType(ctx, path, ot, nt);
            }
        } else if (ot instanceof WireType.EnumType && nt instanceof WireType.BuiltinType) {
            if (dir == Direction.RECEIVE) {
                report(Change.ENUM_UNRESTRICTED, ctx, path, describe(ot), describe(nt), ot.location(),
                        nt.location());
            } else {
                javaType(ctx, path, ot, nt);
            }
        }
    }

    /**
     * Whether a receiver of JSON type {@code receiver} takes every value of JSON type {@code value}:
     * {@code any} takes everything, a number takes integers.
     */
    private static boolean accepts(String receiver, String value) {
        return receiver.equals(value) || receiver.equals("value")
                || receiver.equals("number") && value.equals("int");
    }

    private void objects(WireType.ObjectType o, WireType.ObjectType n, Direction dir, String path, Context ctx) {
        boolean bothUnions = o.tag() != null && o.tag().equals(n.tag());
        for (WireType.Member om : o.members()) {
            Context mctx = ctx.with(om.features());
            WireType.Member nm = n.member(om.name());
            String mpath = path + "/" + om.name();
            String oldType = describe(old.type(om.type()));
            if (nm == null) {
                if (!movedToBranches(om, n, dir, path, mctx)) {
                    Change change = dir == Direction.RECEIVE && om.optional()
                            ? Change.OPTIONAL_MEMBER_REMOVED : Change.MEMBER_REMOVED;
                    report(change, mctx, mpath, oldType, null, om.location(), n.location());
                }
                continue;
            }
            features(om.features(), nm.features(), mpath, mctx, om.location(), nm.location());
            if (om.optional() != nm.optional()) {
                boolean breaks = dir == Direction.SEND ? om.optional() : nm.optional();
                if (breaks) {
                    report(dir == Direction.SEND ? Change.MEMBER_MADE_MANDATORY : Change.MEMBER_MADE_OPTIONAL, mctx,
                            dir == Direction.SEND ? path + "/*" + om.name() : mpath, optionality(om), optionality(nm),
                            om.location(), nm.location());
                } else if (javaSource) {
                    report(Change.OPTIONALITY_CHANGED, mctx, mpath, optionality(om), optionality(nm), om.location(),
                            nm.location());
                }
            }
            if (bothUnions && om.name().equals(o.tag())) {
                continue; // the tag's values are the branches, compared below
            }
            compare(om.type(), nm.type(), dir, mpath, mctx);
        }
        if (dir == Direction.SEND) {
            for (WireType.Member nm : n.members()) {
                if (!nm.optional() && o.member(nm.name()) == null) {
                    report(Change.MANDATORY_MEMBER_ADDED, ctx, path + "/" + nm.name(), null,
                            describe(neu.type(nm.type())), o.location(), nm.location());
                }
            }
        }
        if (!o.branches().isEmpty()) {
            branches(o, n, dir, path, ctx);
        }
    }

    /**
     * Whether {@code om}, missing from the new type's common members, moved into its branches (a struct
     * turned into a union keeps its members in each branch). In every branch it is compared there, as QEMU's
     * rules call such refactorings invisible; in only some, a received member may now be absent and that is
     * {@link Change#MEMBER_MOVED_TO_BRANCHES}. Sending needs the new tag anyway, reported on its own.
     */
    private boolean movedToBranches(WireType.Member om, WireType.ObjectType n, Direction dir, String path,
            Context ctx) {
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (WireType.Branch b : n.branches()) {
            WireType bt = neu.type(b.type());
            WireType.Member bm = bt instanceof WireType.ObjectType bo ? bo.member(om.name()) : null;
            if (bm != null) {
                with.add(b.value());
                compare(om.type(), bm.type(), dir, path + "/+" + b.value() + "/" + om.name(), ctx);
            } else {
                without.add(b.value());
            }
        }
        if (with.isEmpty()) {
            return false;
        }
        if (!without.isEmpty() && dir == Direction.RECEIVE && !om.optional()) {
            report(Change.MEMBER_MOVED_TO_BRANCHES, ctx, path + "/" + om.name(), "always",
                    "only with " + n.tag() + " " + String.join(", ", with), om.location(), n.location());
        }
        return true;
    }

    private void branches(WireType.ObjectType o, WireType.ObjectType n, Direction dir, String path, Context ctx) {
        WireType.EnumType oldTags = tagEnum(old, o);
        for (WireType.Branch ob : o.branches()) {
            WireType.EnumValue value = oldTags != null ? oldTags.value(ob.value()) : null;
            Context bctx = value != null ? ctx.with(value.features()) : ctx;
            WireType.Branch nb = n.branch(ob.value());
            String bpath = path + "/+" + ob.value();
            if (nb == null) {
                if (dir == Direction.SEND) {
                    report(Change.BRANCH_REMOVED, bctx, bpath, "branch", null, o.location(), n.location());
                }
                continue;
            }
            if (value != null) {
                WireType.EnumType newTags = tagEnum(neu, n);
                WireType.EnumValue nvalue = newTags != null ? newTags.value(ob.value()) : null;
                if (nvalue != null) {
                    features(value.features(), nvalue.features(), bpath, bctx, o.location(), n.location());
                }
            }
            compare(ob.type(), nb.type(), dir, bpath, bctx);
        }
        if (dir == Direction.RECEIVE) {
            for (WireType.Branch nb : n.branches()) {
                if (o.branch(nb.value()) == null) {
                    report(Change.BRANCH_ADDED, ctx, path + "/+" + nb.value(), null, "branch", o.location(),
                            n.location());
                }
            }
        }
    }

    private static WireType.EnumType tagEnum(WireSchema schema, WireType.ObjectType union) {
        WireType.Member tag = union.tag() != null ? union.member(union.tag()) : null;
        return tag != null && schema.type(tag.type()) instanceof WireType.EnumType e ? e : null;
    }

    private void enums(WireType.EnumType o, WireType.EnumType n, Direction dir, String path, Context ctx) {
        for (WireType.EnumValue ov : o.values()) {
            Context vctx = ctx.with(ov.features());
            WireType.EnumValue nv = n.value(ov.name());
            String vpath = path + "/^" + ov.name();
            if (nv == null) {
                if (dir == Direction.SEND) {
                    report(Change.ENUM_VALUE_REMOVED, vctx, vpath, "value", null, o.location(), n.location());
                }
            } else {
                features(ov.features(), nv.features(), vpath, vctx, o.location(), n.location());
            }
        }
        if (dir == Direction.RECEIVE) {
            for (WireType.EnumValue nv : n.values()) {
                if (o.value(nv.name()) == null) {
                    report(Change.ENUM_VALUE_ADDED, ctx, path + "/^" + nv.name(), null, "value", o.location(),
                            n.location());
                }
            }
        }
    }

    private void integers(WireType.BuiltinType o, WireType.BuiltinType n, Direction dir, String path, Context ctx) {
        if (o.intKind() == null || n.intKind() == null || o.intKind().equals(n.intKind())) {
            return;
        }
        IntRange or = IntRange.of(o.intKind());
        IntRange nr = IntRange.of(n.intKind());
        if (dir == Direction.SEND && !nr.contains(or)) {
            report(Change.INT_RANGE_NARROWED, ctx, path, o.intKind(), n.intKind(), null, null);
        } else if (dir == Direction.RECEIVE && !or.contains(nr)) {
            report(Change.INT_RANGE_WIDENED, ctx, path, o.intKind(), n.intKind(), null, null);
        } else if (!IntRange.javaType(o.intKind()).equals(IntRange.javaType(n.intKind()))) {
            javaType(ctx, path, o, n);
        }
    }

    /**
     * Alternates, on either side: each alternative is matched by JSON type ({@code !type} in paths). A
     * non-alternate type stands for an alternate of one.
     */
    private void alternatives(WireType o, WireType n, Direction dir, String path, Context ctx) {
        List<String> oalts = alternativesOf(o);
        List<String> nalts = alternativesOf(n);
        boolean send = dir == Direction.SEND;
        WireSchema fromSchema = send ? old : neu;
        WireSchema toSchema = send ? neu : old;
        // what the sender of the values may send must be taken by the receiver
        for (String from : send ? oalts : nalts) {
            String json = fromSchema.type(from).jsonType();
            String to = match(toSchema, send ? nalts : oalts, json);
            if (to == null) {
                Change change = send ? Change.ALTERNATE_BRANCH_REMOVED : Change.ALTERNATE_BRANCH_ADDED;
                report(change, ctx, path + "/!" + json, send ? json : null, send ? null : json, o.location(),
                        n.location());
            } else if (send) {
                compare(from, to, dir, path, ctx);
            } else {
                compare(to, from, dir, path, ctx);
            }
        }
        if (o instanceof WireType.AlternateType && n instanceof WireType.AlternateType) {
            renamed(o, n, path, ctx);
        }
    }

    private static List<String> alternativesOf(WireType t) {
        return t instanceof WireType.AlternateType a ? a.alternatives() : List.of(t.name());
    }

    /** The alternative of {@code candidates} that takes JSON values of type {@code json}, or {@code null}. */
    private static String match(WireSchema schema, List<String> candidates, String json) {
        String fallback = null;
        for (String c : candidates) {
            String cj = schema.type(c).jsonType();
            if (cj.equals(json)) {
                return c;
            }
            if (accepts(cj, json)) {
                fallback = c;
            }
        }
        return fallback;
    }

    private void renamed(WireType o, WireType n, String path, Context ctx) {
        if (javaSource && named(o) && named(n) && !o.name().equals(n.name())) {
            report(Change.TYPE_RENAMED, ctx, path, o.name(), n.name(), o.location(), n.location());
        }
    }

    /** Types with a Java class of their own name: not built-ins, arrays or implicit objects. */
    private static boolean named(WireType t) {
        return !(t instanceof WireType.BuiltinType) && !(t instanceof WireType.ArrayType) && !t.name().startsWith("q_");
    }

    private void javaType(Context ctx, String path, WireType o, WireType n) {
        if (javaSource) {
            report(Change.JAVA_TYPE_CHANGED, ctx, path, describe(o), describe(n), o.location(), n.location());
        }
    }

    private static String optionality(WireType.Member m) {
        return m.optional() ? "optional" : "mandatory";
    }

    /** A type in a few words: {@code int8}, {@code enum}, {@code object}, {@code array}... */
    private static String describe(WireType t) {
        if (t instanceof WireType.BuiltinType b) {
            return b.intKind() != null ? b.intKind() : b.jsonType().equals("value") ? "any" : b.jsonType();
        }
        if (t instanceof WireType.EnumType) {
            return "enum";
        }
        if (t instanceof WireType.AlternateType) {
            return "alternate";
        }
        return t.jsonType();
    }

    /**
     * Records a finding under the first path it is met at, or one more path of it: the same change below
     * the same pair of types, with the same severity, is one finding (see {@link AffectedPaths}).
     */
    private void report(Change change, Context ctx, String path, String oldValue, String newValue, String oldLoc,
            String newLoc) {
        if (ctx.unstable() && !options.strict()) {
            return;
        }
        Severity severity = change.severity();
        if (severity == Severity.BREAKING && ctx.deprecated()) {
            severity = Severity.DEPRECATED_REMOVAL;
        }
        String key = paths.key(change + " " + severity, path);
        findings.putIfAbsent(key, new Finding(path, change, severity, oldValue, newValue, oldLoc, newLoc, List.of()));
        paths.found(key, path);
    }

    /** The integer types' ranges and Java types, for width changes between schema files. */
    private record IntRange(BigInteger min, BigInteger max) {
        static IntRange of(String kind) {
            return switch (kind) {
                case "int8" -> signed(8);
                case "int16" -> signed(16);
                case "int32" -> signed(32);
                case "uint8" -> unsigned(8);
                case "uint16" -> unsigned(16);
                case "uint32" -> unsigned(32);
                case "uint64", "size" -> unsigned(64);
                default -> signed(64); // int, int64
            };
        }

        static String javaType(String kind) {
            return switch (kind) {
                case "int8" -> "byte";
                case "int16", "uint8" -> "short";
                case "int32", "uint16" -> "int";
                default -> "long";
            };
        }

        private static IntRange signed(int bits) {
            return new IntRange(BigInteger.ONE.shiftLeft(bits - 1).negate(),
                    BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE));
        }

        private static IntRange unsigned(int bits) {
            return new IntRange(BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        }

        boolean contains(IntRange other) {
            return min.compareTo(other.min) <= 0 && max.compareTo(other.max) >= 0;
        }
    }
}
