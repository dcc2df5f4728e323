package dev.qapi.runtime.server;

import java.nio.ByteBuffer;

/** What sits on a chardev and talks to its client: a QMP monitor. Called on the event loop only. */
interface Frontend {

    /** A client connected (or the frontend was attached while one was connected). */
    void opened(SocketChardev.Connection connection);

    /**
     * Bytes from the client. Consume what can be handled now; bytes left in {@code data} are offered
     * again later.
     */
    void received(ByteBuffer data);

    /** Whether requests already read are still waiting or running (the client must not be closed yet). */
    boolean busy();

    /** Some of the client's pending output was sent (or none could be). */
    void flushed();

    /** The client is gone; drop every trace of it. */
    void closed();
}
