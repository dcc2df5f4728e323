package dev.qapi.client;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default home of event listeners: daemon threads made when events are waiting and ended after a
 * few idle seconds, so that idle connections cost no thread.
 */
final class ListenerThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Executor EXECUTOR = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "qmp-client-events-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private ListenerThreads() {
    }

    static Executor executor() {
        return EXECUTOR;
    }
}
