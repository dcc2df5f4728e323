package dev.qapi.parser.schema;

import java.util.List;

/**
 * A module: the entities written in one schema file, or the built-in module {@code ./builtin} holding the
 * predefined types. An array type belongs to its element type's module.
 *
 * @param name {@code ./builtin}, or the file's path relative to the main schema's directory
 * @param entities its entities in definition order
 */
public record Module(String name, List<Entity> entities) {

    /** The name of the module holding the predefined types. */
    public static final String BUILTIN = "./builtin";

    public Module {
        entities = List.copyOf(entities);
    }

    /** Whether this is a module the generator made up (its name starts with {@code ./}). */
    public boolean isSystem() {
        return name.startsWith("./");
    }

    /** Whether this is the module of the predefined types. */
    public boolean isBuiltin() {
        return name.equals(BUILTIN);
    }
}
