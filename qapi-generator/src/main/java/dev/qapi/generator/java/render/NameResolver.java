package dev.qapi.generator.java.render;

import com.palantir.javapoet.ClassName;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a class is named at a point of the file, by JavaPoet's rules ({@code CodeWriter.lookupName}), and
 * which classes the file imports.
 *
 * <p>A class is written by the shortest suffix of its nested name that resolves to it where it is used:
 * a type nested in one of the enclosing types being written, the top-level type, or an import. If its
 * simple name resolves to something else, it is written fully qualified. Otherwise a class of the file's
 * package is written by its nested name, and any other class becomes a candidate import (the first class
 * seen with a simple name wins) and is written fully qualified for now.
 *
 * <p>As in JavaPoet, a file is walked twice: first by a resolver {@link #collecting() collecting} imports,
 * which knows none, then by one {@link #importing(Map) using} what the first found: its candidates but for
 * simple names that a class of the file's package took.
 */
final class NameResolver {
    private final String packageName;
    private final Set<String> alwaysQualify;
    /** The imports in force, by simple name (none while collecting). */
    private final Map<String, ClassName> imports;
    private final boolean collecting;
    /** While collecting: candidate imports by simple name, and simple names of this package's classes. */
    private final Map<String, ClassName> importable = new LinkedHashMap<>();
    private final Set<String> referenced = new HashSet<>();

    /** The types being written, outermost first: their names, canonical names and nested type names. */
    private String[] names = new String[8];
    private String[] canonicalNames = new String[8];
    private Object[] nested = new Object[8];
    private int depth;

    private NameResolver(String packageName, Set<String> alwaysQualify, Map<String, ClassName> imports, boolean collecting) {
        this.packageName = packageName;
        this.alwaysQualify = alwaysQualify;
        this.imports = imports;
        this.collecting = collecting;
    }

    /** A resolver for the first walk, which collects the classes to import. */
    static NameResolver collecting(String packageName, Set<String> alwaysQualify) {
        return new NameResolver(packageName, alwaysQualify, Map.of(), true);
    }

    /** A resolver for writing the file with {@code imports} (from {@link #imports()} of a collecting one). */
    static NameResolver importing(String packageName, Set<String> alwaysQualify, Map<String, ClassName> imports) {
        return new NameResolver(packageName, alwaysQualify, imports, false);
    }

    /** What a collecting walk found to import, by simple name: top-level classes. */
    Map<String, ClassName> imports() {
        Map<String, ClassName> result = new LinkedHashMap<>(importable);
        result.keySet().removeAll(referenced);
        return result;
    }

    /**
     * Enters a type being written.
     *
     * @param name its simple name (null for an anonymous class, named "null" in nested names as JavaPoet does)
     * @param nestedNames the simple names of the types declared in it (visible by simple name inside)
     */
    void push(String name, Set<String> nestedNames) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            canonicalNames = Arrays.copyOf(canonicalNames, depth * 2);
            nested = Arrays.copyOf(nested, depth * 2);
        }
        names[depth] = name;
        canonicalNames[depth] = depth == 0
                ? (packageName.isEmpty() ? name : packageName + "." + name)
                : canonicalNames[depth - 1] + "." + name;
        nested[depth] = nestedNames;
        depth++;
    }

    /** Leaves the innermost type being written. */
    void pop() {
        depth--;
        names[depth] = null;
        canonicalNames[depth] = null;
        nested[depth] = null;
    }

    /** The name to write for {@code className} here. */
    String lookup(ClassName className) {
        String canonical = className.canonicalName();
        boolean nameResolved = false;
        for (ClassName c = className; c != null; c = c.enclosingClassName()) {
            String simpleName = c.simpleName();
            int resolved = resolve(simpleName, c.canonicalName());
            nameResolved = resolved != UNRESOLVED;
            if (resolved == RESOLVED_TO_IT) {
                // The suffix of the nested name from c on.
                return c == className ? simpleName
                        : canonical.substring(c.canonicalName().length() - simpleName.length());
            }
        }
        if (nameResolved) {
            return canonical;
        }
        if (packageName.equals(className.packageName())) {
            if (collecting) {
                referenced.add(className.topLevelClassName().simpleName());
            }
            return packageName.isEmpty() ? canonical : canonical.substring(packageName.length() + 1);
        }
        if (collecting) {
            importable(className);
        }
        return canonical;
    }

    private void importable(ClassName className) {
        if (className.packageName().isEmpty() || alwaysQualify.contains(className.simpleName())) {
            return;
        }
        ClassName topLevel = className.topLevelClassName();
        importable.putIfAbsent(topLevel.simpleName(), topLevel);
    }

    private static final int UNRESOLVED = 0;
    private static final int RESOLVED_TO_IT = 1;
    private static final int RESOLVED_TO_ANOTHER = 2;

    /**
     * What {@code simpleName} means here: nothing, the class {@code canonical}, or another class. (A type
     * nested in one being written, the top-level type, or an import.)
     */
    @SuppressWarnings("unchecked")
    private int resolve(String simpleName, String canonical) {
        for (int i = depth - 1; i >= 0; i--) {
            if (((Set<String>) nested[i]).contains(simpleName)) {
                return isMember(canonicalNames[i], simpleName, canonical) ? RESOLVED_TO_IT : RESOLVED_TO_ANOTHER;
            }
        }
        if (depth > 0 && simpleName.equals(names[0])) {
            return canonicalNames[0].equals(canonical) ? RESOLVED_TO_IT : RESOLVED_TO_ANOTHER;
        }
        ClassName imported = imports.get(simpleName);
        if (imported == null) {
            return UNRESOLVED;
        }
        return imported.canonicalName().equals(canonical) ? RESOLVED_TO_IT : RESOLVED_TO_ANOTHER;
    }

    /** Whether {@code canonical} is {@code outer + "." + simpleName}. */
    private static boolean isMember(String outer, String simpleName, String canonical) {
        return canonical.length() == outer.length() + 1 + simpleName.length()
                && canonical.startsWith(outer)
                && canonical.charAt(outer.length()) == '.'
                && canonical.endsWith(simpleName);
    }
}
