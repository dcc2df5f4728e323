package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import java.util.List;

/** An event while the schema is being built. */
final class DraftEvent extends DraftWithArgs {

    DraftEvent(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features,
            String argTypeName, boolean boxed) {
        super(name, info, doc, ifcond, features, argTypeName, boxed);
    }

    @Override
    String meta() {
        return "event";
    }

    @Override
    Entity freeze() {
        return new Event(name, info, frozenDoc(), ifcond(), frozenFeatures(), argTypeNameOrNull(), boxed);
    }
}
