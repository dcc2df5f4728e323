package dev.qapi.generator.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CompactJsonTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void writesTheTextObjectMapperWrites() throws Exception {
        ObjectNode node = JSON.objectNode();
        node.put("name", "quote \" backslash \\ slash / tab \t newline \n nul \u0000 del \u007f é € \ud83d\ude00");
        node.putNull("default");
        node.put("allow-oob", true);
        node.put("off", false);
        node.putArray("features").add("deprecated").add("unstable");
        node.putArray("members").add(JSON.objectNode().put("case", "a")).add(JSON.objectNode());
        node.putArray("empty");
        assertEquals(new ObjectMapper().writer().writeValueAsString(node), CompactJson.of(node));
    }

    @Test
    void refusesNumbersTheDataNeverHolds() {
        assertThrows(IllegalArgumentException.class, () -> CompactJson.of(JSON.objectNode().put("n", 1)));
    }
}
