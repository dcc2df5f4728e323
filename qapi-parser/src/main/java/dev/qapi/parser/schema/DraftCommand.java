package dev.qapi.parser.schema;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.util.List;

/** A command while the schema is being built. */
final class DraftCommand extends DraftWithArgs {
    private final String retTypeName;
    private final boolean gen;
    private final boolean successResponse;
    private final boolean allowOob;
    private final boolean allowPreconfig;
    private final boolean coroutine;
    private DraftType retType;

    /** The flags of a command, with QEMU's defaults when absent. */
    record Flags(boolean gen, boolean successResponse, boolean boxed, boolean allowOob, boolean allowPreconfig,
            boolean coroutine) {
    }

    DraftCommand(String name, SourceInfo info, DocDraft doc, IfCond ifcond, List<DraftMember> features,
            String argTypeName, String retTypeName, Flags flags) {
        super(name, info, doc, ifcond, features, argTypeName, flags.boxed());
        this.retTypeName = retTypeName;
        this.gen = flags.gen();
        this.successResponse = flags.successResponse();
        this.allowOob = flags.allowOob();
        this.allowPreconfig = flags.allowPreconfig();
        this.coroutine = flags.coroutine();
    }

    @Override
    String meta() {
        return "command";
    }

    @Override
    void check(DraftSchema schema) {
        super.check(schema);
        if (retTypeName == null || retTypeName.isEmpty()) {
            return;
        }
        retType = schema.resolveType(retTypeName, info, "command's 'returns'");
        if (schema.pragma().commandReturnsExceptions().contains(name)) {
            return;
        }
        DraftType returned = retType;
        if (returned instanceof DraftArrayType array) {
            returned = array.elementType();
            if (returned == null) {
                // The array was named directly ('returns': 'FooList') before any ['Foo'] made it, so it is
                // not checked yet (QEMU crashes here). Judge its element by name; an unknown element is
                // reported when the array itself is checked.
                returned = schema.lookupType(array.elementTypeName);
                if (returned == null) {
                    return;
                }
            }
        }
        if (!(returned instanceof DraftObjectType)) {
            throw QapiError.semantic(info, "command's 'returns' cannot take " + retType.describe());
        }
    }

    @Override
    Entity freeze() {
        return new Command(name, info, frozenDoc(), ifcond(), frozenFeatures(), argTypeNameOrNull(),
                retType == null ? null : retType.name, gen, successResponse, boxed, allowOob, allowPreconfig,
                coroutine);
    }
}
