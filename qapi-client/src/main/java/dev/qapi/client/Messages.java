package dev.qapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qapi.runtime.json.JsonWriter;

/** How a server's message is quoted in an error: short enough for a log line. */
final class Messages {
    private static final int EXCERPT = 200;

    private Messages() {
    }

    static String excerpt(JsonNode message) {
        String text = JsonWriter.compact().toJson(message);
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
