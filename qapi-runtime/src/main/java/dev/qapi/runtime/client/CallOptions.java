package dev.qapi.runtime.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one call is made.
 *
 * @param oob send it as {@code exec-oob} (the command must allow it and the connection must have
 *     negotiated {@code oob})
 * @param timeout how long to wait for the reply; empty: the connection's default
 */
public record CallOptions(boolean oob, Optional<Duration> timeout) {

    /** In-band, with the connection's default timeout. */
    public static final CallOptions DEFAULT = new CallOptions(false, Optional.empty());

    public CallOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout.get());
        }
    }

    /** These options, sent out-of-band. */
    public CallOptions withOob() {
        return new CallOptions(true, timeout);
    }

    /** These options with {@code timeout}. */
    public CallOptions withTimeout(Duration timeout) {
        return new CallOptions(oob, Optional.of(timeout));
    }
}
