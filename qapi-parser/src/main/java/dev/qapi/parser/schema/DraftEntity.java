package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;

/**
 * An entity while the schema is being built and checked (QEMU's {@code QAPISchemaEntity}): mutable until
 * checked, then frozen into its immutable {@link Entity}.
 */
abstract class DraftEntity {
    final SourceInfo info;
    private boolean checked;

    DraftEntity(SourceInfo info) {
        this.info = info;
    }

    boolean isChecked() {
        return checked;
    }

    /** Checks what needs the whole schema; the base version only marks the entity checked. */
    void check(DraftSchema schema) {
        checked = true;
    }

    /** Connects the entity to its documentation, or to {@code doc} when given. */
    void connectDoc(DocDraft doc) {
    }

    /** The file whose module the entity belongs to, or {@code null} for the built-in module. */
    String moduleFile() {
        return info == null ? null : info.fname();
    }

    abstract Entity freeze();
}
