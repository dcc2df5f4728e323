package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * An event.
 *
 * @param name its name
 * @param info where it was defined
 * @param doc its connected documentation, or {@code null}
 * @param ifcond its condition
 * @param features its features
 * @param argTypeName its data type (an object type; {@code q_obj_NAME-arg} for inline data), or
 *     {@code null} when it carries none
 * @param boxed whether its data is passed as one object
 */
public record Event(String name, SourceInfo info, Doc doc, IfCond ifcond, List<Feature> features,
        String argTypeName, boolean boxed) implements Definition {

    public Event {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "event";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }
}
