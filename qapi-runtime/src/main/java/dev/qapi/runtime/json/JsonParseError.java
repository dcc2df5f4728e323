package dev.qapi.runtime.json;

import java.util.Objects;

/**
 * Input that is not a JSON message, reported as QEMU reports it: a {@code GenericError} whose desc is
 * {@link #desc()}, sent without {@code id}.
 *
 * <p>The desc is QEMU's text exactly, e.g. {@code JSON parse error, expecting value},
 * {@code JSON parse error, stray '%'} or {@code JSON nesting depth limit exceeded}. Input bytes quoted
 * in it appear as QEMU's writer prints them: valid characters as themselves, each invalid UTF-8
 * sequence as U+FFFD.
 *
 * @param desc the error's description
 */
public record JsonParseError(String desc) implements JsonMessage {

    /** The desc of a message whose token bytes (whitespace excluded) would reach 64 MiB. */
    public static final String TOKEN_SIZE_LIMIT = "JSON token size limit exceeded";
    /** The desc of a message with more than 2,097,152 tokens. */
    public static final String TOKEN_COUNT_LIMIT = "JSON token count limit exceeded";
    /** The desc of a message nested more than 1024 levels deep. */
    public static final String NESTING_LIMIT = "JSON nesting depth limit exceeded";

    public JsonParseError {
        Objects.requireNonNull(desc, "desc");
    }
}
