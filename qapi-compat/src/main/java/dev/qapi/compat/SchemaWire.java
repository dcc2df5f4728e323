package dev.qapi.compat;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.schema.AlternateType;
import dev.qapi.parser.schema.ArrayType;
import dev.qapi.parser.schema.Branch;
import dev.qapi.parser.schema.BuiltinType;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.EnumType;
import dev.qapi.parser.schema.EnumValue;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Feature;
import dev.qapi.parser.schema.IfCond;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.ObjectType;
import dev.qapi.parser.schema.Schema;
import dev.qapi.parser.schema.SchemaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The wire view of a parsed {@link Schema}: the same view {@code query-qmp-schema} gives (base members
 * flattened, implicit empty branches, conditions evaluated where QEMU's introspection evaluates them), read
 * from the parser's model directly rather than through generated JSON, so that integer widths, real type
 * names, source positions and the flags introspection leaves out ({@code success-response},
 * {@code allow-preconfig}, {@code boxed}) are kept.
 */
public final class SchemaWire {
    private final Schema schema;
    private final Set<String> defines;

    private SchemaWire(Schema schema, Set<String> defines) {
        this.schema = schema;
        this.defines = defines;
    }

    /**
     * The wire view of {@code schema}.
     *
     * @param source the schema file, as given
     * @param defines the configuration symbols defined, to evaluate {@code 'if'} conditions as a build with
     *     exactly those would; {@code null} to keep everything, as if every condition held
     */
    public static WireSchema of(Schema schema, String source, Set<String> defines) {
        return new SchemaWire(schema, defines).build(source);
    }

    private WireSchema build(String source) {
        Map<String, WireType> types = new HashMap<>();
        for (SchemaType t : schema.types()) {
            if (holds(t.ifcond())) {
                types.put(t.name(), wireType(t));
            }
        }
        Map<String, WireCommand> commands = new LinkedHashMap<>();
        for (Command c : schema.commands()) {
            if (holds(c.ifcond())) {
                commands.put(c.name(), new WireCommand(c.name(), orEmpty(c.argTypeName()),
                        orEmpty(c.retTypeName()), c.allowOob(), c.successResponse(), c.allowPreconfig(),
                        c.boxed(), features(c.features()), loc(c.info())));
            }
        }
        Map<String, WireEvent> events = new LinkedHashMap<>();
        for (Event e : schema.events()) {
            if (holds(e.ifcond())) {
                events.put(e.name(), new WireEvent(e.name(), orEmpty(e.argTypeName()), e.boxed(),
                        features(e.features()), loc(e.info())));
            }
        }
        return new WireSchema(source, true, commands, events, types);
    }

    private WireType wireType(SchemaType type) {
        String loc = loc(type.info());
        if (type instanceof BuiltinType b) {
            return new WireType.BuiltinType(b.name(), loc, b.jsonType(),
                    b.jsonType().equals("int") ? b.name() : null);
        }
        if (type instanceof EnumType e) {
            List<WireType.EnumValue> values = new ArrayList<>();
            for (EnumValue v : e.values()) {
                if (holds(v.ifcond())) {
                    values.add(new WireType.EnumValue(v.name(), features(v.features())));
                }
            }
            return new WireType.EnumType(e.name(), loc, values, features(e.features()));
        }
        if (type instanceof ArrayType a) {
            return new WireType.ArrayType(a.name(), loc, a.elementTypeName());
        }
        if (type instanceof ObjectType o) {
            List<WireType.Member> members = new ArrayList<>();
            for (Member m : o.members()) {
                if (holds(m.ifcond())) {
                    members.add(new WireType.Member(m.name(), m.typeName(), m.optional(), features(m.features()),
                            memberLocation(m, loc)));
                }
            }
            List<WireType.Branch> branches = new ArrayList<>();
            String tag = null;
            if (o.variants() != null) {
                tag = o.variants().tagMember().name();
                for (Branch b : o.variants().branches()) {
                    if (holds(b.ifcond())) {
                        branches.add(new WireType.Branch(b.name(), b.typeName()));
                    }
                }
            }
            return new WireType.ObjectType(o.name(), loc, members, tag, branches, features(o.features()));
        }
        AlternateType alt = (AlternateType) type;
        List<String> alternatives = new ArrayList<>();
        for (Branch b : alt.alternatives().branches()) {
            if (holds(b.ifcond())) {
                alternatives.add(b.typeName());
            }
        }
        return new WireType.AlternateType(alt.name(), loc, alternatives, features(alt.features()));
    }

    /** Members have no position of their own in the model: the definition declaring them stands in. */
    private String memberLocation(Member m, String fallback) {
        Optional<SchemaType> owner = schema.lookupType(m.definedIn());
        return owner.isPresent() ? loc(owner.get().info()) : fallback;
    }

    private List<String> features(List<Feature> features) {
        List<String> names = new ArrayList<>(features.size());
        for (Feature f : features) {
            if (holds(f.ifcond())) {
                names.add(f.name());
            }
        }
        return names;
    }

    private boolean holds(IfCond cond) {
        return defines == null || cond.evaluate(defines);
    }

    private static String orEmpty(String typeName) {
        return typeName != null ? typeName : "q_empty";
    }

    /** {@code FILE:LINE}, as QEMU's generator prints positions. */
    private static String loc(SourceInfo info) {
        return info != null ? info.loc() : null;
    }
}
