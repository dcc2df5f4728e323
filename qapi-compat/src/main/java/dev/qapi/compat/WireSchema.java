package dev.qapi.compat;

import java.util.Map;

/**
 * What a client sees of a schema: its commands and events, and the types they reach. Built from a schema
 * file ({@link SchemaWire}) or from {@code query-qmp-schema} data ({@link IntrospectionWire}), so that
 * either can be compared with either.
 *
 * @param source the file it was read from, as given
 * @param fromSchemaFile whether it was built from a schema file: then type names are the schema's own
 *     and integer types keep their width, so Java-source changes can be found too
 * @param commands by name, in schema order
 * @param events by name, in schema order
 * @param types by handle
 */
public record WireSchema(String source, boolean fromSchemaFile, Map<String, WireCommand> commands,
        Map<String, WireEvent> events, Map<String, WireType> types) {

    /** The type {@code handle} names. Every handle in a {@link WireSchema} resolves. */
    public WireType type(String handle) {
        WireType t = types.get(handle);
        if (t == null) {
            throw new IllegalArgumentException("no type '" + handle + "' in " + source);
        }
        return t;
    }
}
