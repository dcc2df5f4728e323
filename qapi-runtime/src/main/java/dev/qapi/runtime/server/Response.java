package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.json.JsonBuffer;
import dev.qapi.runtime.json.JsonWriter;

/**
 * A response on its way out: a success, written as {@code {"return": R, "id": I}} without building that
 * object, or any other message (errors).
 *
 * @param result the {@code return} value of a success, else null
 * @param id the request's {@code id} of a success, or null
 * @param message the whole message otherwise, else null
 */
record Response(JsonNode result, JsonNode id, ObjectNode message) {

    static Response success(JsonNode result, JsonNode id) {
        return new Response(result, id, null);
    }

    static Response message(ObjectNode message) {
        return new Response(null, null, message);
    }

    void writeTo(JsonWriter writer, JsonBuffer out) {
        if (message != null) {
            writer.writeMessage(message, out);
        } else {
            writer.writeReturn(result, id, out);
        }
    }
}
