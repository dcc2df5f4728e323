package dev.qapi.parser.schema;

import java.util.List;

/** A built-in type while the schema is being built. */
final class DraftBuiltinType extends DraftType {
    private final String jsonType;

    DraftBuiltinType(String name, String jsonType) {
        super(name, null, null, null, List.of());
        this.jsonType = jsonType;
    }

    @Override
    String meta() {
        return "built-in";
    }

    @Override
    String jsonType() {
        return jsonType;
    }

    @Override
    Entity freeze() {
        return new BuiltinType(name, jsonType);
    }
}
