package dev.qapi.runtime.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where generated event emitters send events; the server broadcasts them to its monitors. */
@FunctionalInterface
public interface EventSink {

    /**
     * Sends the event {@code name}.
     *
     * @param data the event's members, or {@code null} for an event without arguments (the server leaves
     *     {@code data} out when this is null or empty)
     */
    void emit(String name, ObjectNode data);
}
