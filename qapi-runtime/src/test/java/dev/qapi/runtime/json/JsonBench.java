package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rough throughput check, not a test: streams typical requests and writes a typical response,
 * printing MB/s. Run after {@code mvn -pl qapi-runtime test-compile}:
 *
 * <pre>
 * java -cp qapi-runtime/target/classes:qapi-runtime/target/test-classes:$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-*&#47;2.18.2/*.jar | tr '\n' :) \
 *     dev.qapi.runtime.json.JsonBench
 * </pre>
 */
public final class JsonBench {

    private static final String REQUEST = "{\"execute\": \"qom-set\", \"arguments\": {\"path\": "
            + "\"/machine/peripheral/virtio-disk0\", \"property\": \"rtc-time\", \"value\": [1, 2.5, true, null]}, "
            + "\"id\": 42}\n";

    private JsonBench() {
    }

    public static void main(String[] args) {
        byte[] requests = repeat(REQUEST.getBytes(StandardCharsets.US_ASCII), 32 << 20);
        byte[] bigString = ("{\"execute\": \"guest-file-write\", \"arguments\": {\"handle\": 1, \"buf-b64\": \""
                + "QUJD".repeat(1 << 20) + "\"}}\n").getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 5; round++) {
            report("stream small requests", requests.length, () -> stream(requests));
            report("stream 4 MiB string request", bigString.length * 8L, () -> {
                for (int i = 0; i < 8; i++) {
                    stream(bigString);
                }
            });
            report("write response (compact wire)", write(JsonWriter.compact(), 200_000), null);
            report("write response (pretty wire)", write(JsonWriter.pretty(), 200_000), null);
        }
    }

    private static void stream(byte[] input) {
        JsonStreamer streamer = new JsonStreamer();
        int[] count = new int[1];
        streamer.feed(input, m -> {
            if (m instanceof JsonParseError e) {
                throw new IllegalStateException(e.desc());
            }
            count[0]++;
            return true;
        });
        if (count[0] == 0) {
            throw new IllegalStateException("nothing parsed");
        }
    }

    /** Writes a query-block-like response n times; returns the byte count (timing done by report). */
    private static long write(JsonWriter writer, int n) {
        List<JsonMessage> parsed = new ArrayList<>();
        new JsonStreamer().feed(("{\"return\": [{\"device\": \"ide0-hd0\", \"locked\": false, \"removable\": false, "
                + "\"inserted\": {\"ro\": false, \"drv\": \"qcow2\", \"encrypted\": false, \"file\": \"disks/test.qcow2\", "
                + "\"backing_file_depth\": 1, \"bps\": 1000000, \"bps_rd\": 0, \"iops\": 0, \"image\": {\"filename\": "
                + "\"disks/test.qcow2\", \"format\": \"qcow2\", \"virtual-size\": 2048000, \"dirty-flag\": false}, "
                + "\"detect_zeroes\": \"on\", \"write_threshold\": 0, \"cache\": {\"writeback\": true, \"direct\": false}}, "
                + "\"qdev\": \"ide_disk\", \"type\": \"unknown\", \"io-status\": \"ok\", \"ratio\": 0.75}], \"id\": 42}")
                .getBytes(StandardCharsets.US_ASCII), parsed::add);
        JsonNode response = ((JsonMessage.Parsed) parsed.get(0)).value();
        JsonBuffer buf = new JsonBuffer();
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            buf.clear();
            writer.writeMessage(response, buf);
            bytes += buf.length();
        }
        lastNanos = System.nanoTime() - start;
        return bytes;
    }

    private static long lastNanos;

    private static void report(String what, long bytes, Runnable work) {
        long nanos;
        if (work != null) {
            long start = System.nanoTime();
            work.run();
            nanos = System.nanoTime() - start;
        } else {
            nanos = lastNanos;
        }
        System.out.printf(Locale.ROOT, "%-32s %8.1f MB/s%n", what, bytes / 1e6 / (nanos / 1e9));
    }

    private static byte[] repeat(byte[] unit, int atLeast) {
        int n = (atLeast + unit.length - 1) / unit.length;
        byte[] out = new byte[n * unit.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }
}
