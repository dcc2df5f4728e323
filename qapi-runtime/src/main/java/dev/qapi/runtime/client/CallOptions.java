package dev.qapi.runtime.client;

import dev.qapi.runtime.fd.Fd;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one call is made.
 *
 * @param oob send it as {@code exec-oob} (the command must allow it and the connection must have
 *     negotiated {@code oob})
 * @param timeout how long to wait for the reply; empty: the connection's default
 * @param fds descriptors to pass with the request ({@code SCM_RIGHTS}, Unix socket connections
 *     only), as QEMU's {@code getfd} and {@code add-fd} expect them: the server gets copies, these
 *     stay the caller's to close (qapi-client sends duplicates of its own, so they may be closed as
 *     soon as the call was made)
 */
public record CallOptions(boolean oob, Optional<Duration> timeout, List<Fd> fds) {

    /** In-band, with the connection's default timeout. */
    public static final CallOptions DEFAULT = new CallOptions(false, Optional.empty());

    public CallOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout.get());
        }
        fds = List.copyOf(fds);
    }

    /** Options without descriptors. */
    public CallOptions(boolean oob, Optional<Duration> timeout) {
        this(oob, timeout, List.of());
    }

    /** These options, sent out-of-band. */
    public CallOptions withOob() {
        return new CallOptions(true, timeout, fds);
    }

    /** These options with {@code timeout}. */
    public CallOptions withTimeout(Duration timeout) {
        return new CallOptions(oob, Optional.of(timeout), fds);
    }

    /** These options, passing {@code fds} with the request (they stay the caller's). */
    public CallOptions withFds(Fd... fds) {
        return new CallOptions(oob, timeout, List.of(fds));
    }
}
