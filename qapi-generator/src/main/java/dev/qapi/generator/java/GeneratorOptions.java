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
 * @param serverSide whether to generate what a server needs besides the types and the client: the
 *     commands interfaces and their registration, the event emitters and the introspection data; off
 *     for a client of someone else's server (such as QEMU)
 */
public record GeneratorOptions(String packageName, Optional<Set<String>> defines, boolean serverSide) {

    public GeneratorOptions {
        Objects.requireNonNull(packageName, "packageName");
        if (!isPackageName(packageName)) {
            throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
        }
        // No regex and no lambda here: the Maven plugin builds these options on every run, also when
        // nothing is regenerated, in a fresh JVM where each costs milliseconds the first time.
        if (defines.isPresent()) {
            defines = Optional.of(Set.copyOf(new TreeSet<>(defines.get())));
        }
    }

    /** {@code [A-Za-z_$][A-Za-z0-9_$]*} separated by dots. */
    static boolean isPackageName(String name) {
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' && !start) {
                start = true;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$'
                    || (!start && c >= '0' && c <= '9')) {
                start = false;
            } else {
                return false;
            }
        }
        return !start;
    }

    /** Both sides, conditions evaluated for {@code defines} (empty: recorded). */
    public GeneratorOptions(String packageName, Optional<Set<String>> defines) {
        this(packageName, defines, true);
    }

    /** Everything generated, conditions recorded. */
    public static GeneratorOptions of(String packageName) {
        return new GeneratorOptions(packageName, Optional.empty());
    }

    /** These options without the server side: types, argument records, events and the client. */
    public GeneratorOptions clientOnly() {
        return new GeneratorOptions(packageName, defines, false);
    }

    /** Whether something with condition {@code ifcond} is generated. */
    public boolean includes(IfCond ifcond) {
        return defines.isEmpty() || ifcond.evaluate(defines.get());
    }

    /** Whether conditions are recorded on generated code (they are when not evaluated). */
    public boolean recordsConditions() {
        return defines.isEmpty();
    }
}
