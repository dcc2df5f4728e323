package dev.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
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
     * Delivers events named in {@code names} (every event when empty) to {@code listener}, in the order
     * the server sent them relative to each other and to replies, until the subscription is closed.
     */
    EventSubscription subscribe(Collection<String> names, Consumer<QmpEvent> listener);
}
