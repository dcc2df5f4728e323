package dev.qapi.runtime.server;

import dev.qapi.runtime.fd.Fd;
import java.nio.ByteBuffer;
import java.util.List;

/** What sits on a chardev and talks to its client: a QMP monitor. Called on the event loop only. */
interface Frontend {

    /** A client connected (or the frontend was attached while one was connected). */
    void opened(SocketChardev.Connection connection);

    /**
     * Bytes from the client. Consume what can be handled now; bytes left in {@code data} are offered
     * again later.
     */
    void received(ByteBuffer data);

    /**
     * Descriptors that came with the bytes about to be {@link #received} (SCM_RIGHTS on a Unix
     * socket), now the frontend's: it must close those it does not hand on.
     */
    default void receivedFds(List<Fd> fds) {
        fds.forEach(Fd::close);
    }

    /** Whether requests already read are still waiting or running (the client must not be closed yet). */
    boolean busy();

    /** Some of the client's pending output was sent (or none could be). */
    void flushed();

    /** The client is gone; drop every trace of it. */
    void closed();
}
