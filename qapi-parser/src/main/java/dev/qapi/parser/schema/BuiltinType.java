package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * A built-in type: {@code str}, {@code number}, the integer types, {@code bool}, {@code any} or
 * {@code null}.
 *
 * @param name its name
 * @param jsonType {@code string}, {@code number}, {@code int}, {@code boolean}, {@code value} or {@code null}
 */
public record BuiltinType(String name, String jsonType) implements SchemaType {

    @Override
    public SourceInfo info() {
        return null;
    }

    @Override
    public Doc doc() {
        return null;
    }

    @Override
    public IfCond ifcond() {
        return IfCond.ALWAYS;
    }

    @Override
    public List<Feature> features() {
        return List.of();
    }

    @Override
    public String meta() {
        return "built-in";
    }

    @Override
    public boolean isImplicit() {
        return true;
    }
}
