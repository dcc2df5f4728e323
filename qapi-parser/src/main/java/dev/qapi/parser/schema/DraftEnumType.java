package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An enumeration type while the schema is being built. */
final class DraftEnumType extends DraftType {
    final List<DraftMember> values;
    private final String prefix;

    DraftEnumType(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features,
            List<DraftMember> values, String prefix) {
        super(name, info, doc, ifcond, features);
        this.values = List.copyOf(values);
        this.prefix = prefix;
        for (DraftMember v : this.values) {
            v.setDefinedIn(name);
        }
    }

    @Override
    String meta() {
        return "enum";
    }

    @Override
    boolean isImplicit() {
        return name.equals("QType");
    }

    @Override
    String jsonType() {
        return "string";
    }

    boolean hasValue(String value) {
        for (DraftMember v : values) {
            if (v.name.equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    void check(DraftSchema schema) {
        super.check(schema);
        Map<String, DraftMember> seen = new HashMap<>();
        for (DraftMember v : values) {
            v.checkClash(info, seen);
        }
    }

    @Override
    void connectDoc(DocDraft given) {
        super.connectDoc(given);
        DocDraft d = given != null ? given : doc;
        for (DraftMember v : values) {
            v.connectDoc(d);
        }
    }

    @Override
    Entity freeze() {
        return new EnumType(name, info, frozenDoc(), ifcond(), frozenFeatures(),
                freezeValues(), prefix);
    }

    private List<EnumValue> freezeValues() {
        List<EnumValue> out = new ArrayList<>(values.size());
        for (DraftMember v : values) {
            out.add(v.freezeValue());
        }
        return List.copyOf(out);
    }
}
