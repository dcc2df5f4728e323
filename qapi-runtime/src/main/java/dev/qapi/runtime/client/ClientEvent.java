package dev.qapi.runtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.marshal.OutputVisitor;
import dev.qapi.runtime.marshal.Reader;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * An event as a generated client knows it: its name and how its {@code data} is decoded and encoded.
 *
 * @param <E> the event's record
 * @param name the event's name on the wire
 * @param data reads the record from the {@code data} object
 * @param dataWriter writes the record's {@code data} object (null when it has no members)
 */
public record ClientEvent<E>(String name, Reader<E> data, BiFunction<E, OutputVisitor, ObjectNode> dataWriter) {

    public ClientEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dataWriter, "dataWriter");
    }

    /** The {@code data} object of {@code event}, {@code {}} when it has no members. */
    public ObjectNode encode(E event) {
        OutputVisitor out = new OutputVisitor();
        ObjectNode json = dataWriter.apply(event, out);
        return json != null ? json : out.object();
    }
}
