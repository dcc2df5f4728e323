package dev.qapi.parser.schema;

import java.util.List;

/**
 * One value of an enumeration type.
 *
 * @param name the value as written
 * @param ifcond the condition under which it exists
 * @param features its features, in order
 */
public record EnumValue(String name, IfCond ifcond, List<Feature> features) {
    public EnumValue {
        features = List.copyOf(features);
    }
}
