package dev.qapi.client;

import dev.qapi.runtime.client.EventSubscription;
import dev.qapi.runtime.client.QmpEvent;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands one connection's events to its listeners, in wire order relative to each other and to replies,
 * off the event-loop thread.
 *
 * <p>The loop thread queues events; a runner on the listener executor drains the queue, one entry at a
 * time. A reply completes directly on the loop thread when nothing is queued (the common case: no
 * hand-off), otherwise it queues behind the events that came before it, so that a caller who sees its
 * reply has had every earlier event handed to its listeners. The queue holds at most
 * {@code capacity} events; beyond that the {@link EventOverflowPolicy} decides.
 */
final class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    /** The dispatcher whose listener the current thread is running, if any. */
    private static final ThreadLocal<EventDispatcher> DELIVERING = new ThreadLocal<>();

    /** What the loop must do after queueing an event. */
    enum Outcome { QUEUED, PAUSE, FAIL }

    private final Executor executor;
    private final int capacity;
    private final EventOverflowPolicy policy;
    private final Runnable resume;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final Runnable runner = this::drain;
    private final AtomicLong dropped = new AtomicLong();
    private int queuedEvents;
    private boolean scheduled;
    private boolean paused;

    /**
     * @param resume run (on any thread) when reading paused by {@link Outcome#PAUSE} may go on
     */
    EventDispatcher(Executor executor, int capacity, EventOverflowPolicy policy, Runnable resume) {
        this.executor = executor;
        this.capacity = capacity;
        this.policy = policy;
        this.resume = resume;
    }

    private final class Subscription implements EventSubscription {
        final Set<String> names;
        final Consumer<QmpEvent> listener;

        Subscription(Set<String> names, Consumer<QmpEvent> listener) {
            this.names = names;
            this.listener = listener;
        }

        boolean wants(String name) {
            return names.isEmpty() || names.contains(name);
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }

    EventSubscription subscribe(Set<String> names, Consumer<QmpEvent> listener) {
        Subscription s = new Subscription(Set.copyOf(names), listener);
        subscriptions.add(s);
        return s;
    }

    /** Whether the current thread is running one of this connection's listeners. */
    boolean inListener() {
        return DELIVERING.get() == this;
    }

    long dropped() {
        return dropped.get();
    }

    /** Queues an event (loop thread). Events nobody listens to are not kept. */
    Outcome event(QmpEvent event) {
        if (!anyWants(event.name())) {
            return Outcome.QUEUED;
        }
        Outcome outcome = Outcome.QUEUED;
        boolean submit;
        synchronized (queue) {
            if (queuedEvents >= capacity) {
                switch (policy) {
                    case FAIL_CONNECTION -> {
                        dropped.incrementAndGet();
                        return Outcome.FAIL;
                    }
                    case DROP_OLDEST -> dropOldest();
                    case PAUSE_READING -> {
                        paused = true;
                        outcome = Outcome.PAUSE;
                    }
                }
            }
            queue.add(event);
            queuedEvents++;
            submit = claimRunner();
        }
        if (submit) {
            executor.execute(runner);
        }
        return outcome;
    }

    /** Runs {@code completion} once every event queued before it has been handed to the listeners. */
    void complete(Call call, Runnable completion) {
        if (!call.fromListener) {
            boolean submit;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    submit = false;
                } else {
                    queue.add(completion);
                    submit = claimRunner();
                    completion = null;
                }
            }
            if (submit) {
                executor.execute(runner);
            }
            if (completion == null) {
                return;
            }
        }
        completion.run();
    }

    private boolean anyWants(String name) {
        for (Subscription s : subscriptions) {
            if (s.wants(name)) {
                return true;
            }
        }
        return false;
    }

    private void dropOldest() {
        for (Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
            if (it.next() instanceof QmpEvent e) {
                it.remove();
                queuedEvents--;
                long n = dropped.incrementAndGet();
                LOG.log(Level.WARNING, "event listeners too slow: dropped event {0} (dropped so far: {1})",
                        new Object[] {e.name(), n});
                return;
            }
        }
    }

    /** Whether the caller must start the runner (it is not running or started yet). */
    private boolean claimRunner() {
        if (scheduled) {
            return false;
        }
        scheduled = true;
        return true;
    }

    private void drain() {
        EventDispatcher previous = DELIVERING.get();
        DELIVERING.set(this);
        try {
            while (true) {
                Object next;
                boolean wake = false;
                synchronized (queue) {
                    next = queue.poll();
                    if (next == null) {
                        scheduled = false;
                        return;
                    }
                    if (next instanceof QmpEvent) {
                        queuedEvents--;
                        if (paused && queuedEvents <= capacity / 2) {
                            paused = false;
                            wake = true;
                        }
                    }
                }
                if (wake) {
                    resume.run();
                }
                if (next instanceof QmpEvent event) {
                    deliver(event);
                } else {
                    ((Runnable) next).run();
                }
            }
        } finally {
            if (previous == null) {
                DELIVERING.remove();
            } else {
                DELIVERING.set(previous);
            }
        }
    }

    private void deliver(QmpEvent event) {
        for (Subscription s : subscriptions) {
            if (s.wants(event.name())) {
                try {
                    s.listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "event listener failed on " + event.name(), e);
                }
            }
        }
    }
}
