package dev.qapi.generator.java;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How QAPI names become Java names: {@code query-monitors} → {@code queryMonitors}, {@code MonitorInfo}
 * stays, {@code vhost-user} → {@code VHOST_USER} as an enum constant and {@code VhostUser} as a branch
 * class, {@code SHUTDOWN} → {@code ShutdownEvent}. Names that Java reserves get a trailing {@code _}.
 */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "_");

    /** Methods every object has: a record component or interface method must not take these names. */
    private static final Set<String> OBJECT_METHODS = Set.of(
            "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize");

    private JavaNames() {
    }

    /** {@code query-monitors} → {@code queryMonitors}; the first word keeps its case otherwise. */
    static String lowerCamel(String name) {
        String camel = camel(name);
        String lower = camel.isEmpty() ? camel : Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        return safe(lower);
    }

    /** {@code vhost-user-blk} → {@code VhostUserBlk}; {@code MonitorInfo} stays. */
    static String upperCamel(String name) {
        String camel = camel(name);
        String upper = camel.isEmpty() ? camel : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        return safe(upper);
    }

    /** An event class name: {@code BLOCK_JOB_COMPLETED} → {@code BlockJobCompletedEvent}. */
    static String eventClass(String eventName) {
        return upperCamel(eventName.toLowerCase(Locale.ROOT)) + "Event";
    }

    /** An enum constant: {@code vhost-user.x} → {@code VHOST_USER_X}, {@code 1g} → {@code _1G}. */
    static String constant(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return safe(out.toString());
    }

    /** The module part of a per-module class name: {@code sub/block-core.json} → {@code BlockCore}. */
    static String moduleStem(String moduleName) {
        String base = moduleName.substring(moduleName.lastIndexOf('/') + 1);
        if (base.endsWith(".json")) {
            base = base.substring(0, base.length() - 5);
        }
        return upperCamel(base);
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upNext = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.' || c == '+') {
                upNext = out.length() > 0;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(upNext ? Character.toUpperCase(c) : c);
                upNext = false;
            }
        }
        return out.toString();
    }

    private static String safe(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        if (KEYWORDS.contains(name) || OBJECT_METHODS.contains(name)) {
            return name + "_";
        }
        return name;
    }

    /** Hands out distinct names within one scope, appending {@code _} until a name is free. */
    static final class Scope {
        private final Set<String> taken = new HashSet<>();

        Scope(String... reserved) {
            for (String r : reserved) {
                taken.add(r.toLowerCase(Locale.ROOT));
            }
        }

        /** {@code wanted}, or the first free variant of it. Case-insensitive, for file systems that are. */
        String claim(String wanted) {
            String name = wanted;
            while (!taken.add(name.toLowerCase(Locale.ROOT))) {
                name = name + "_";
            }
            return name;
        }
    }
}
