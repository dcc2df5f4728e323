package dev.qapi.parser.schema;

import java.util.List;

/**
 * A feature flag of a definition, member or enum value, e.g. {@code deprecated}.
 *
 * @param name the feature's name
 * @param ifcond the condition under which it is present
 */
public record Feature(String name, IfCond ifcond) {

    /** The features every schema knows, in the order QEMU emits them. */
    public static final List<String> SPECIAL_NAMES = List.of("deprecated", "unstable");

    /** Whether this is one of {@link #SPECIAL_NAMES}, which have a meaning to QEMU itself. */
    public boolean isSpecial() {
        return SPECIAL_NAMES.contains(name);
    }
}
