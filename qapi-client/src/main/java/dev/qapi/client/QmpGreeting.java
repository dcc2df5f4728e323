package dev.qapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.client.QmpConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server said first: {@code {"QMP": {"version": VERSION, "capabilities": [...]}}}.
 *
 * @param version the {@code version} member as sent ({@code {"qemu": {"major", "minor", "micro"},
 *     "package"}})
 * @param capabilities the capabilities offered, e.g. {@code ["oob"]}
 */
public record QmpGreeting(ObjectNode version, List<String> capabilities) {

    public QmpGreeting {
        Objects.requireNonNull(version, "version");
        capabilities = List.copyOf(capabilities);
    }

    /** Reads a greeting message; anything else is a protocol error. */
    static QmpGreeting parse(JsonNode message) {
        JsonNode qmp = message.get("QMP");
        if (qmp == null || !qmp.isObject() || !(qmp.get("version") instanceof ObjectNode version)) {
            throw new QmpConnectionException("expected the QMP greeting {\"QMP\": {\"version\": ...}}, got "
                    + Messages.excerpt(message));
        }
        List<String> caps = new ArrayList<>();
        JsonNode c = qmp.get("capabilities");
        if (c != null && c.isArray()) {
            c.forEach(n -> caps.add(n.asText()));
        }
        return new QmpGreeting(version, caps);
    }

    /** The QEMU major version, or -1 when the server did not say. */
    public int major() {
        return version.path("qemu").path("major").asInt(-1);
    }

    /** The QEMU minor version, or -1 when the server did not say. */
    public int minor() {
        return version.path("qemu").path("minor").asInt(-1);
    }

    /** The QEMU micro version, or -1 when the server did not say. */
    public int micro() {
        return version.path("qemu").path("micro").asInt(-1);
    }

    /** The {@code package} string (may be empty). */
    public String packageName() {
        return version.path("package").asText("");
    }

    /** Whether the server offers {@code capability}, e.g. {@code "oob"}. */
    public boolean offers(String capability) {
        return capabilities.contains(capability);
    }

    /** The server's version as people write it: {@code QEMU 7.2.22 (Debian 1:7.2+dfsg-7)}. */
    public String describe() {
        String pkg = packageName().strip();
        return "QEMU " + major() + "." + minor() + "." + micro() + (pkg.isEmpty() ? "" : " (" + pkg + ")");
    }
}
