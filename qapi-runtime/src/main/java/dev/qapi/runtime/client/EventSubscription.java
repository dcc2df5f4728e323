package dev.qapi.runtime.client;

/** A listener's registration; closing it stops delivery (idempotent). */
public interface EventSubscription extends AutoCloseable {

    @Override
    void close();
}
