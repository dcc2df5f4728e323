package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.List;

/**
 * What commands and events share while the schema is being built: an argument type (named or implicit)
 * that must be an object type, may be a union only when boxed, and may have conditional members only when
 * boxed.
 */
abstract class DraftWithArgs extends DraftDefinition {
    final String argTypeName;
    final boolean boxed;
    DraftObjectType argType;

    DraftWithArgs(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features,
            String argTypeName, boolean boxed) {
        super(name, info, doc, ifcond, features);
        this.argTypeName = argTypeName;
        this.boxed = boxed;
    }

    @Override
    void check(DraftSchema schema) {
        super.check(schema);
        if (argTypeName == null || argTypeName.isEmpty()) {
            return;
        }
        String what = meta() + "'s 'data'";
        DraftType resolved = schema.resolveType(argTypeName, info, what);
        if (!(resolved instanceof DraftObjectType object)) {
            throw QapiError.semantic(info, what + " cannot take " + resolved.describe());
        }
        argType = object;
        if (argType.branches != null && !boxed) {
            throw QapiError.semantic(info, what + " can take " + argType.describe() + " only with 'boxed': true");
        }
        argType.check(schema);
        if (argType.hasConditionalMembers() && !boxed) {
            throw QapiError.semantic(info, "conditional " + meta() + " arguments require 'boxed': true");
        }
    }

    /** Descriptions of implicit arguments belong to the command's or event's own documentation. */
    @Override
    void connectDoc(DocDraft given) {
        super.connectDoc(given);
        DocDraft d = given != null ? given : doc;
        if (d != null && argType != null && argType.isImplicit()) {
            argType.connectDoc(d);
        }
    }

    String argTypeNameOrNull() {
        return argType == null ? null : argType.name;
    }
}
