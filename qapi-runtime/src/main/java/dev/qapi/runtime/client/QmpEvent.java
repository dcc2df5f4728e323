package dev.qapi.runtime.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An event as received: {@code {"event": NAME, "data": {...}, "timestamp": {"seconds": S,
 * "microseconds": U}}}.
 *
 * @param data the event's members ({@code {}} when the server sent none)
 */
public record QmpEvent(String name, ObjectNode data, long seconds, long microseconds) {

    public QmpEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }
}
