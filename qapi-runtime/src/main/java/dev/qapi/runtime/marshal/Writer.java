package dev.qapi.runtime.marshal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one value of a type into JSON for an {@link OutputVisitor}.
 *
 * @param <T> the Java type written
 */
@FunctionalInterface
public interface Writer<T> {
    /** The JSON form of {@code value}. */
    JsonNode write(OutputVisitor out, T value);
}
