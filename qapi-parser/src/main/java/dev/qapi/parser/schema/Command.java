package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * A command.
 *
 * @param name its name
 * @param info where it was defined
 * @param doc its connected documentation, or {@code null}
 * @param ifcond its condition
 * @param features its features
 * @param argTypeName its argument type (an object type; {@code q_obj_NAME-arg} for inline arguments), or
 *     {@code null} when it takes none
 * @param retTypeName its return type, or {@code null} when it returns nothing
 * @param gen whether code is generated for it
 * @param successResponse whether it sends a success response
 * @param boxed whether its arguments are passed as one object
 * @param allowOob whether it may run out of band
 * @param allowPreconfig whether it is available before machine initialization
 * @param coroutine whether it runs in a coroutine
 */
public record Command(String name, SourceInfo info, Doc doc, IfCond ifcond, List<Feature> features,
        String argTypeName, String retTypeName, boolean gen, boolean successResponse, boolean boxed,
        boolean allowOob, boolean allowPreconfig, boolean coroutine) implements Definition {

    public Command {
        features = List.copyOf(features);
    }

    @Override
    public String meta() {
        return "command";
    }

    @Override
    public boolean isImplicit() {
        return false;
    }
}
