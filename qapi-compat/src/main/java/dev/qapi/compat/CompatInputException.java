package dev.qapi.compat;

/**
 * An input that is neither a valid QAPI schema nor valid {@code query-qmp-schema} data, or that cannot be
 * read. The message is located ({@code FILE:LINE: ...} or {@code FILE: entry N: ...}), and for a schema it
 * is exactly the message of {@code qapi-gen check}.
 */
public final class CompatInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompatInputException(String message) {
        super(message, null, false, false);
    }
}
