package dev.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a server sent (a return value or an event's data) does not fit the bindings even tolerantly: a
 * mandatory member is missing, a member has another JSON type, an integer is out of range. Only that
 * value is affected; the connection and other calls go on, and the value as received is kept.
 */
public final class QmpDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String desc;
    private final transient JsonNode received;

    /**
     * @param source what the value is: {@code reply to COMMAND} or {@code event NAME}
     * @param desc the problem, as QEMU's input visitor words it, e.g. {@code Parameter 'x' is missing}
     * @param received the value as received
     */
    public QmpDecodeException(String source, String desc, JsonNode received) {
        super(source + ": " + desc);
        this.source = Objects.requireNonNull(source, "source");
        this.desc = Objects.requireNonNull(desc, "desc");
        this.received = Objects.requireNonNull(received, "received");
    }

    /** What the value is: {@code reply to COMMAND} or {@code event NAME}. */
    public String source() {
        return source;
    }

    /** The problem, with its member path. */
    public String desc() {
        return desc;
    }

    /** The value as received, for a caller that wants to read it anyway. */
    public JsonNode received() {
        return received;
    }
}
