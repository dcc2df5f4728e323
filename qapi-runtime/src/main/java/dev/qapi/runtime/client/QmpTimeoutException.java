package dev.qapi.runtime.client;

/**
 * A synchronous call's timeout passed before its reply came (asynchronous calls complete with
 * {@link java.util.concurrent.TimeoutException} instead). A late reply is dropped.
 */
public final class QmpTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
