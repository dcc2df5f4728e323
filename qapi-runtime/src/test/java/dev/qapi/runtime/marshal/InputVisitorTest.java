package dev.qapi.runtime.marshal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qapi.runtime.QmpException;
import org.junit.jupiter.api.Test;

/** Which unexpected member QEMU names when there are several: GLib hash table order over QDict order. */
class InputVisitorTest {

    private static String unexpected(String json, String... visited) throws Exception {
        InputVisitor in = new InputVisitor(new ObjectMapper().readTree(json));
        in.startStruct(null);
        for (String v : visited) {
            in.readAny(v);
        }
        return assertThrows(QmpException.class, in::checkStruct).desc();
    }

    @Test
    void theFirstUnexpectedKeyInGlibOrderIsNamed() throws Exception {
        // GHashTableOrderTest: inserting a..e (whatever the text order, QDict order decides) and
        // visiting c leaves e first.
        GHashTableOrder table = GHashTableOrder.of(dev.qapi.runtime.json.QDictOrder.keys(
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(
                        "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5}")));
        table.remove("c");
        assertEquals("Parameter '" + table.first().orElseThrow() + "' is unexpected",
                unexpected("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5}", "c"));
        assertEquals("Parameter '" + table.first().orElseThrow() + "' is unexpected",
                unexpected("{\"e\": 5, \"d\": 4, \"c\": 3, \"b\": 2, \"a\": 1}", "c"));
    }

    @Test
    void oneUnexpectedKeyIsThatKey() throws Exception {
        assertEquals("Parameter 'zz' is unexpected", unexpected("{\"x\": 1, \"zz\": 2}", "x"));
    }
}
