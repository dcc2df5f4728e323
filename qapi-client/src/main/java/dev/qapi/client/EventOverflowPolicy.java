package dev.qapi.client;

/**
 * What a connection does when its listeners fall behind: more than the configured number of events
 * ({@link QmpClient.Builder#eventBuffer}) received and not yet handed to listeners. Whatever the policy,
 * nothing is lost silently: {@link QmpClient#droppedEvents()} counts what was dropped and a warning is
 * logged.
 */
public enum EventOverflowPolicy {
    /**
     * Stop reading the socket until the listeners have caught up to half the buffer. Nothing is lost;
     * replies wait too (they are behind the events on the wire), and the server buffers or blocks.
     * A listener that makes a synchronous call on the same connection while the buffer is full waits
     * for its own timeout: use the asynchronous shape there.
     */
    PAUSE_READING,
    /** Drop the oldest undelivered event, count it, and go on (the connection stays usable). */
    DROP_OLDEST,
    /** Treat it as a broken connection: close it and fail every pending call naming the overflow. */
    FAIL_CONNECTION
}
