package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.List;

/** An array type while the schema is being built. */
final class DraftArrayType extends DraftType {
    final String elementTypeName;
    private DraftType elementType;

    DraftArrayType(String name, SourceInfo info, String elementTypeName) {
        super(name, info, null, null, List.of());
        this.elementTypeName = elementTypeName;
    }

    @Override
    String meta() {
        return "array";
    }

    @Override
    boolean isImplicit() {
        return true;
    }

    @Override
    String jsonType() {
        return "array";
    }

    @Override
    String describe() {
        return "array type ['" + elementTypeName + "']";
    }

    /** The resolved element type; {@code null} until checked. */
    DraftType elementType() {
        return elementType;
    }

    /** An array is as conditional as its element type. */
    @Override
    IfCond ifcond() {
        return elementType.ifcond();
    }

    @Override
    void check(DraftSchema schema) {
        super.check(schema);
        elementType = schema.lookupType(elementTypeName);
        if (elementType == null) {
            throw DraftSchema.unknownType(elementTypeName, info, info.defnMeta());
        }
        if (elementType instanceof DraftArrayType) {
            // QEMU fails an assertion here; report the nesting instead.
            throw QapiError.semantic(info,
                    describe() + " cannot use " + elementType.describe() + " as element type");
        }
    }

    @Override
    String moduleFile() {
        return elementType.info == null ? null : elementType.info.fname();
    }

    @Override
    Entity freeze() {
        return new ArrayType(name, info, elementTypeName, ifcond());
    }
}
