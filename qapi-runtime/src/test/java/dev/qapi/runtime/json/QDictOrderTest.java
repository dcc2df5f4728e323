package dev.qapi.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** QDict iteration order (QMP wire notes §1 Key order). */
class QDictOrderTest {

    private static ObjectNode object(String... keys) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keys.length; i++) {
            o.put(keys[i], i);
        }
        return o;
    }

    @Test
    void bucketsListedInTheNotes() {
        Map<String, Integer> buckets = Map.ofEntries(
                Map.entry("QMP", 99), Map.entry("version", 184), Map.entry("capabilities", 216),
                Map.entry("qemu", 232), Map.entry("package", 326), Map.entry("minor", 225),
                Map.entry("micro", 225), Map.entry("major", 481), Map.entry("return", 401),
                Map.entry("id", 486), Map.entry("error", 489), Map.entry("class", 211),
                Map.entry("desc", 377), Map.entry("timestamp", 26), Map.entry("event", 361),
                Map.entry("data", 505), Map.entry("seconds", 5), Map.entry("microseconds", 374),
                Map.entry("exec-oob", 162), Map.entry("execute", 299), Map.entry("arguments", 447),
                Map.entry("extra", 41), Map.entry("frontend-open", 298), Map.entry("filename", 313),
                Map.entry("label", 374));
        buckets.forEach((key, bucket) -> assertEquals(bucket, QDictOrder.bucket(key), key));
    }

    @Test
    void bucketsAscending() {
        assertEquals(List.of("a", "execute", "b"), QDictOrder.keys(object("b", "a", "execute")));
        assertEquals(List.of("exec-oob", "execute", "arguments", "id"),
                QDictOrder.keys(object("id", "execute", "arguments", "exec-oob")));
    }

    @Test
    void withinABucketTheLatestInsertedComesFirst() {
        assertEquals(List.of("micro", "minor", "major"), QDictOrder.keys(object("major", "minor", "micro")));
        assertEquals(List.of("minor", "micro", "major"), QDictOrder.keys(object("major", "micro", "minor")));
        assertEquals(List.of("label", "microseconds"), QDictOrder.keys(object("microseconds", "label")));
    }

    @Test
    void replacingAValueKeepsTheKeysPlace() {
        ObjectNode o = object("major", "minor", "micro");
        o.put("minor", 42);
        assertEquals(List.of("micro", "minor", "major"), QDictOrder.keys(o));
    }

    @Test
    void entriesCarryTheirValues() {
        List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> entries =
                QDictOrder.entries(object("b", "a", "execute"));
        assertEquals("a", entries.get(0).getKey());
        assertEquals(1, entries.get(0).getValue().intValue());
    }

    @Test
    void emptyObject() {
        assertEquals(List.of(), QDictOrder.keys(JsonNodeFactory.instance.objectNode()));
    }
}
