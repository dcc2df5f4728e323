package dev.qapi.runtime.client;

/**
 * The connection could not be made, broke, or the server broke the protocol; every call pending on it
 * fails with one of these, naming the cause.
 */
public final class QmpConnectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpConnectionException(String message) {
        super(message);
    }

    public QmpConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
