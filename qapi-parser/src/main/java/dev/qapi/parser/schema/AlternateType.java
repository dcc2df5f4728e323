package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * An alternate type: a value that may take one of several types, told apart by its JSON type.
 *
 * @param name its name
 * @param info where it was defined
 * @param doc its connected documentation, or {@code null}
 * @param ifcond its condition
 * @param features its features
 * @param alternatives the implicit tag member {@code type} (of type {@code QType}) and the alternatives
 */
public record AlternateType(String name, SourceInfo info, Doc doc, IfCond ifcond, List<Feature> features,
        Variants alternatives) implements SchemaType {

    public AlternateType {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "alternate";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }

    @Override
    public String jsonType() {
        return "value";
    }
}
