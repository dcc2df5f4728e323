package dev.qapi.generator.java;

import dev.qapi.parser.schema.IfCond;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to generate.
 *
 * @param packageName the Java package of every generated class, e.g. {@code com.example.qmp}
 * @param defines the configuration symbols that are defined, when conditions are to be evaluated
 *     ({@code -D}); empty to generate everything and record the conditions as annotations
 */
public record GeneratorOptions(String packageName, Optional<Set<String>> defines) {

    public GeneratorOptions {
        Objects.requireNonNull(packageName, "packageName");
        if (!packageName.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
        }
        defines = defines.map(d -> Set.copyOf(new TreeSet<>(d)));
    }

    /** Everything generated, conditions recorded. */
    public static GeneratorOptions of(String packageName) {
        return new GeneratorOptions(packageName, Optional.empty());
    }

    /** Whether something with condition {@code ifcond} is generated. */
    public boolean includes(IfCond ifcond) {
        return defines.map(ifcond::evaluate).orElse(true);
    }

    /** Whether conditions are recorded on generated code (they are when not evaluated). */
    public boolean recordsConditions() {
        return defines.isEmpty();
    }
}
