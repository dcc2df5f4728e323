package dev.qapi.parser.schema;

import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * A named entity: a type, a command or an event. Types, commands and events share one namespace.
 */
public sealed interface Definition extends Entity permits SchemaType, Command, Event {

    String name();

    /** The definition documentation, connected to the definition, or {@code null} if there is none. */
    Doc doc();

    /** The condition under which the definition exists. */
    IfCond ifcond();

    /** Its features, in order. */
    List<Feature> features();

    /** The keyword naming its kind in messages: {@code enum}, {@code struct}, {@code built-in}, ... */
    String meta();

    /** Whether the schema made it up rather than the schema writer defining it. */
    boolean isImplicit();
}
