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
 * <p>A stray token is quoted whole, however long (up to QEMU's 64 MiB token limit), so this error keeps
 * the token's bytes rather than the text: {@link #escapedDesc()} writes the desc straight from them, a
 * piece at a time, and {@link #desc()} builds the text only when asked.
 */
public final class JsonParseError implements JsonMessage {

    /** The desc of a message whose token bytes (whitespace excluded) would reach 64 MiB. */
    public static final String TOKEN_SIZE_LIMIT = "JSON token size limit exceeded";
    /** The desc of a message with more than 2,097,152 tokens. */
    public static final String TOKEN_COUNT_LIMIT = "JSON token count limit exceeded";
    /** The desc of a message nested more than 1024 levels deep. */
    public static final String NESTING_LIMIT = "JSON nesting depth limit exceeded";

    private static final String STRAY_HEAD = "JSON parse error, stray '";
    private static final String STRAY_TAIL = "'";

    /** The text, or null when it quotes {@link #stray}. */
    private final String desc;
    private final TokenText stray;

    /** An error with description {@code desc}. */
    public JsonParseError(String desc) {
        this.desc = Objects.requireNonNull(desc, "desc");
        this.stray = null;
    }

    private JsonParseError(TokenText stray) {
        this.desc = null;
        this.stray = stray;
    }

    /** QEMU's {@code JSON parse error, stray '%s'} for a lexical error whose token so far is {@code token}. */
    static JsonParseError stray(TokenText token) {
        return new JsonParseError(token);
    }

    /**
     * The description. For a stray token it is built on each call (it may be 64 MiB long: a server
     * writes {@link #escapedDesc()} instead).
     */
    public String desc() {
        if (desc != null) {
            return desc;
        }
        byte[] bytes = stray.toArray();
        return STRAY_HEAD + ModifiedUtf8.toDisplayString(bytes, 0, bytes.length) + STRAY_TAIL;
    }

    /** How many bytes of client input the desc quotes (0 when it quotes none or little). */
    public long quotedBytes() {
        return stray == null ? 0 : stray.length();
    }

    /** The desc as the inside of a JSON string, exactly as {@link JsonWriter} writes it, in pieces. */
    public EscapedText escapedDesc() {
        return stray == null ? EscapedText.of(desc) : new EscapedText(STRAY_HEAD, stray, STRAY_TAIL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonParseError e && e.desc().equals(desc());
    }

    @Override
    public int hashCode() {
        return desc().hashCode();
    }

    @Override
    public String toString() {
        return "JsonParseError[desc=" + desc() + "]";
    }
}
