package dev.qapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * One call in flight: the future its caller holds, and what the connection needs to match the reply
 * and time it out. Cancelling it forgets the call, so that its reply is dropped when it comes.
 */
final class Call extends CompletableFuture<JsonNode> {
    final QmpClient client;
    final String command;
    final long id;
    /** System.nanoTime() by which it must be answered; meaningless unless {@link #timeoutNanos} > 0. */
    final long deadline;
    final long timeoutNanos;
    /**
     * Made by one of this connection's event listeners, which is waiting for it: its reply completes at
     * once instead of queueing behind the events that listener holds up.
     */
    final boolean fromListener;

    /** The selector of a synchronous caller reading the socket itself, woken when others complete this. */
    volatile java.nio.channels.Selector waiter;
    volatile Thread waiterThread;

    Call(QmpClient client, String command, long id, long timeoutNanos, boolean fromListener) {
        this.client = client;
        this.command = command;
        this.id = id;
        this.timeoutNanos = timeoutNanos;
        this.deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        this.fromListener = fromListener;
    }

    boolean hasDeadline() {
        return timeoutNanos > 0;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            client.forget(this);
            wakeWaiter();
        }
        return cancelled;
    }

    @Override
    public boolean complete(JsonNode value) {
        boolean done = super.complete(value);
        wakeWaiter();
        return done;
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        boolean done = super.completeExceptionally(ex);
        wakeWaiter();
        return done;
    }

    private void wakeWaiter() {
        java.nio.channels.Selector w = waiter;
        if (w != null && waiterThread != Thread.currentThread()) {
            w.wakeup();
        }
    }

    /** Stages chained on a call are plain futures: cancelling them does not reach the call. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
