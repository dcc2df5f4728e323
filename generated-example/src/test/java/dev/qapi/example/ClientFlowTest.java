package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.client.QmpClient;
import dev.qapi.runtime.client.QmpConnectionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The on-demand monitor flow driven through qapi-client's QmpClient, at the JSON level. */
class ClientFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final ExampleServerExtension example = new ExampleServerExtension();

    private static ObjectNode args(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void onDemandMonitorFlow() throws Exception {
        Path extra = example.dir().resolve("extra.sock");
        try (QmpClient a = QmpClient.builder().unixSocket(example.socket()).probe(true).connect()) {
            assertTrue(a.supports("monitor-add"));
            assertTrue(a.schema().has("chardev-add/arg-type/backend/+socket"));
            a.execute("chardev-add", args("{\"id\": \"extra\", \"backend\": {\"type\": \"socket\", \"data\": {\"addr\":"
                    + " {\"type\": \"unix\", \"data\": {\"path\": \"" + extra + "\"}}, \"server\": true, \"wait\": false}}}"));
            a.execute("monitor-add", args("{\"chardev\": \"extra\"}"));
            try (QmpClient b = QmpClient.connect(extra)) {
                List<String> ids = new ArrayList<>();
                for (JsonNode m : b.execute("query-monitors")) {
                    ids.add(m.get("id").asText());
                }
                assertEquals(List.of("#mon0", "#mon1"), ids);
                a.execute("monitor-remove", args("{\"id\": \"#mon1\"}"));
                QmpConnectionException end = b.disconnected().get(5, TimeUnit.SECONDS);
                assertTrue(end.getMessage().contains("the server closed the connection"), end.getMessage());
            }
            a.execute("monitor-add", args("{\"id\": \"self\", \"chardev\": \"extra\"}"));
            try (QmpClient b = QmpClient.connect(extra)) {
                assertTrue(b.execute("monitor-remove", args("{\"id\": \"self\"}")).isEmpty(),
                        "a monitor removes itself and gets its reply");
                b.disconnected().get(5, TimeUnit.SECONDS);
            }
            assertEquals(1, a.execute("query-monitors").size());
            a.execute("chardev-remove", args("{\"id\": \"extra\"}"));
        }
    }
}
