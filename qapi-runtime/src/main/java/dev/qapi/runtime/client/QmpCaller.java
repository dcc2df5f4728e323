package dev.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One QMP connection as generated client code sees it: commands out, replies and events in, at the
 * JSON level. Generated typed clients encode arguments, call {@link #call}, and decode what comes back;
 * the connection itself (sockets, ids, negotiation, timeouts) lives in {@code qapi-client}.
 *
 * <p>Implementations are thread-safe: any thread may call, and many calls may be in flight at once.
 */
public interface QmpCaller {

    /**
     * Sends {@code command} with {@code arguments} and completes with its {@code return} value.
     *
     * <p>The future completes exceptionally with a {@link dev.qapi.runtime.QmpException} for an error
     * reply (its class and desc as the server sent them), a {@link QmpConnectionException} when the
     * connection breaks or was never usable, or a {@link java.util.concurrent.TimeoutException} when the
     * call's timeout passes (a reply arriving after that is dropped, never handed to another call).
     * Cancelling the future abandons the call the same way.
     *
     * @param arguments the request's {@code arguments}, or {@code null} to send none
     */
    CompletableFuture<JsonNode> call(String command, ObjectNode arguments, CallOptions options);

    /** {@link #call(String, ObjectNode, CallOptions)} with {@link CallOptions#DEFAULT}. */
    default CompletableFuture<JsonNode> call(String command, ObjectNode arguments) {
        return call(command, arguments, CallOptions.DEFAULT);
    }

    /**
     * Sends {@code command} and waits for its {@code return} value: {@link #call} and wait, unless the
     * implementation knows better. A connection that reads its replies on a thread of its own (an event
     * loop) must refuse to wait on that thread, where the reply could never be read, with an
     * {@link IllegalStateException} saying what to do instead (qapi-client's {@code QmpClient.execute}
     * does); {@link TypedCaller#sync} calls this, so generated clients' synchronous methods refuse the
     * same way.
     *
     * @param arguments the request's {@code arguments}, or {@code null} to send none
     * @throws dev.qapi.runtime.QmpException the server's error reply
     * @throws QmpConnectionException the connection broke or could not be used
     * @throws QmpTimeoutException the call's timeout passed
     * @throws CancellationException the calling thread was interrupted (its interrupt flag is set again)
     * @throws IllegalStateException waiting on this thread would never end
     */
    default JsonNode execute(String command, ObjectNode arguments, CallOptions options) {
        CompletableFuture<JsonNode> reply = call(command, arguments, options);
        try {
            return reply.get();
        } catch (InterruptedException e) {
            reply.cancel(false);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the reply to " + command);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new QmpTimeoutException("no reply to " + command + " in time", cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new QmpConnectionException(command + ": " + cause, cause);
        }
    }

    /**
     * Delivers events named in {@code names} (every event when empty) to {@code listener}, in the order
     * the server sent them relative to each other and to replies, until the subscription is closed.
     */
    EventSubscription subscribe(Collection<String> names, Consumer<QmpEvent> listener);
}
