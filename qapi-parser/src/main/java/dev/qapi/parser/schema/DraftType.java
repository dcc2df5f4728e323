package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.List;
import java.util.Map;

/** A type while the schema is being built (QEMU's {@code QAPISchemaType}). */
abstract class DraftType extends DraftDefinition {

    private static final Map<String, String> QTYPE_OF_JSON = Map.of(
            "null", "QTYPE_QNULL",
            "string", "QTYPE_QSTRING",
            "number", "QTYPE_QNUM",
            "int", "QTYPE_QNUM",
            "boolean", "QTYPE_QBOOL",
            "array", "QTYPE_QLIST",
            "object", "QTYPE_QDICT");

    DraftType(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features) {
        super(name, info, doc, ifcond, features);
    }

    abstract String jsonType();

    /** The QType a value of this type has inside an alternate, or {@code null} if it cannot be told apart. */
    String alternateQtype() {
        return QTYPE_OF_JSON.get(jsonType());
    }

    @Override
    void check(DraftSchema schema) {
        super.check(schema);
        for (DraftMember f : features) {
            if (Feature.SPECIAL_NAMES.contains(f.name)) {
                throw QapiError.semantic(info, "feature '" + f.name + "' is not supported for types");
            }
        }
    }

    @Override
    String describe() {
        return meta() + " type '" + name + "'";
    }
}
