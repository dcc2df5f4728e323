package dev.qapi.runtime.marshal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Something a tolerant {@link InputVisitor} met that the bindings do not know, and passed over: what a
 * server of another version sends. The decoded value is still complete for what the bindings know.
 *
 * @param kind what was passed over
 * @param path the member path, as QEMU prints it ({@code a.b[0].c})
 * @param value the JSON as received: the member's value, or the enum value's string
 */
public record Skew(Kind kind, String path, JsonNode value) {

    /** What a tolerant decoder passes over. */
    public enum Kind {
        /** An object member the bindings do not have: ignored. */
        UNKNOWN_MEMBER,
        /** An enum value the bindings do not have: decoded as the enum's {@code UNRECOGNIZED} constant. */
        UNKNOWN_ENUM_VALUE,
    }

    public Skew {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return (kind == Kind.UNKNOWN_MEMBER ? "unknown member '" : "unknown enum value at '") + path + "': " + value;
    }
}
