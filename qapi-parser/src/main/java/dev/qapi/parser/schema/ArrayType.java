package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * The type {@code ['T']}, named {@code TList}. Every built-in type has one; any other exists once
 * {@code ['T']} is written somewhere in the schema.
 *
 * @param name {@code elementTypeName + "List"}
 * @param info the definition that first wrote {@code ['T']}; {@code null} for arrays of built-ins
 * @param elementTypeName the element type, resolved with {@link Schema#type(String)}
 * @param ifcond the element type's condition
 */
public record ArrayType(String name, SourceInfo info, String elementTypeName, IfCond ifcond)
        implements SchemaType {

    @Override
    public Doc doc() {
        return null;
    }

    @Override
    public List<Feature> features() {
        return List.of();
    }

    @Override
    public String meta() {
        return "array";
    }

    @Override
    public boolean isImplicit() {
        return true;
    }

    @Override
    public String jsonType() {
        return "array";
    }

    /** {@code array type ['T']}. */
    @Override
    public String describe() {
        return "array type ['" + elementTypeName + "']";
    }
}
