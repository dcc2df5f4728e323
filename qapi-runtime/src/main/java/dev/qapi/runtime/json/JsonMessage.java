package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a {@link JsonStreamer} delivers for each message on the stream, in input order: a parsed value
 * or a {@link JsonParseError}. A QMP server queues both kinds alike, so errors are answered in order.
 */
public sealed interface JsonMessage permits JsonMessage.Parsed, JsonParseError {

    /**
     * A complete top-level JSON value, of any type (the server, not the parser, insists on an object).
     *
     * @param value the value, built from {@link com.fasterxml.jackson.databind.node.JsonNodeFactory}
     *     nodes: objects keep the input's member order; integers that fit int64 are {@code LongNode},
     *     other non-negative integers that fit uint64 {@code BigIntegerNode}, all other numbers
     *     {@code DoubleNode}
     */
    record Parsed(JsonNode value) implements JsonMessage {

        public Parsed {
            Objects.requireNonNull(value, "value");
        }
    }
}
