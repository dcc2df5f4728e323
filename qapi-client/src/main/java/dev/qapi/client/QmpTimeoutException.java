package dev.qapi.client;

import java.util.concurrent.TimeoutException;

/**
 * A synchronous call's timeout passed: the unchecked form of the {@link TimeoutException} that the
 * asynchronous shape completes with (which is this exception's cause). The reply, if it ever comes,
 * is dropped.
 */
public final class QmpTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QmpTimeoutException(TimeoutException cause) {
        super(cause.getMessage(), cause);
    }
}
