package dev.qapi.compat;

import java.util.List;

/**
 * A command as a client sees it. The flags introspection does not carry are {@code null} when the
 * command was read from introspection data.
 *
 * @param argType the handle of its argument type (an object type; the empty object when it takes none)
 * @param retType the handle of its return type (the empty object when it returns nothing)
 * @param successResponse whether it answers on success; {@code null} when unknown
 * @param allowPreconfig whether it may run before machine initialization; {@code null} when unknown
 * @param boxed whether its generated method takes the argument type as one object; {@code null} when unknown
 * @param location {@code FILE:LINE} of its definition, or {@code null}
 */
public record WireCommand(String name, String argType, String retType, boolean allowOob, Boolean successResponse,
        Boolean allowPreconfig, Boolean boxed, List<String> features, String location) {
    public WireCommand {
        features = List.copyOf(features);
    }
}
