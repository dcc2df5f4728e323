package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bytes, whatever command was encoded before on the same thread (the name is memoised). */
class RequestEncoderTest {

    @Test
    void requestsAreEncodedAsQemuClientsWriteThem() {
        RequestEncoder encoder = new RequestEncoder();
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("fdname", "disk\"0");
        assertEquals("{\"execute\": \"query-version\", \"id\": 0}\n", text(encoder.encode("query-version", null, 0, false)));
        assertEquals("{\"execute\": \"query-version\", \"id\": 9}\n", text(encoder.encode("query-version", null, 9, false)));
        assertEquals("{\"exec-oob\": \"getfd\", \"arguments\": {\"fdname\": \"disk\\\"0\"}, \"id\": 1234567890123456789}\n",
                text(encoder.encode("getfd", args, 1234567890123456789L, true)));
        assertEquals("{\"execute\": \"a\\u00E9\", \"id\": 10}\n", text(encoder.encode("a\u00e9", null, 10, false)));
        assertEquals("{\"execute\": \"query-version\", \"id\": " + Long.MAX_VALUE + "}\n",
                text(encoder.encode("query-version", null, Long.MAX_VALUE, false)));
    }

    private static String text(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
