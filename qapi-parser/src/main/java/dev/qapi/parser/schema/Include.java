package dev.qapi.parser.schema;

import dev.qapi.parser.SourceInfo;

/**
 * An {@code include} directive. A file included twice yields two directives naming the same module.
 *
 * @param moduleName the name of the included module (its path relative to the main schema's directory)
 * @param info where the directive was written
 */
public record Include(String moduleName, SourceInfo info) implements Entity {
}
