package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;

/**
 * Something a schema consists of: an {@link Include} directive or a {@link Definition}.
 */
public sealed interface Entity permits Include, Definition {

    /**
     * Where it was written: the directive or definition itself; for an implicit type, the definition that
     * caused it. {@code null} for the predefined types (built-ins and their arrays, {@code q_empty},
     * {@code QType}).
     */
    SourceInfo info();
}
