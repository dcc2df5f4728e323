package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;

/** An include directive while the schema is being built. */
final class DraftInclude extends DraftEntity {
    private final String moduleName;

    DraftInclude(String moduleName, SourceInfo info) {
        super(info);
        this.moduleName = moduleName;
    }

    @Override
    Entity freeze() {
        return new Include(moduleName, info);
    }
}
