package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * An enumeration type.
 *
 * @param name its name
 * @param info where it was defined; {@code null} for the predefined {@code QType}
 * @param doc its connected documentation, or {@code null}
 * @param ifcond its condition
 * @param features its features
 * @param values its values, in order
 * @param prefix the C constant prefix given with {@code 'prefix'}, or {@code null}
 */
public record EnumType(String name, SourceInfo info, Doc doc, IfCond ifcond, List<Feature> features,
        List<EnumValue> values, String prefix) implements SchemaType {

    public EnumType {
        features = List.copyOf(features);
        values = List.copyOf(values);
    }

    /** The names of its values, in order. */
    public List<String> valueNames() {
        return values.stream().map(EnumValue::name).toList();
    }

    @Override
    public String meta() {
        return "enum";
    }

    /** Only the predefined {@code QType} is implicit. */
    @Override
    public boolean isImplicit() {
        return name.equals("QType");
    }

    @Override
    public String jsonType() {
        return "string";
    }
}
