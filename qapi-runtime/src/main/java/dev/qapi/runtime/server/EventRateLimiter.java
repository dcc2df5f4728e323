package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies an {@link EventThrottle} to the events of one server, on its event loop: the running windows,
 * the event each one holds, and the timers that end them. An event's timestamp is when it was raised,
 * also when it is held.
 */
final class EventRateLimiter {
    private record Key(String event, String value) {
    }

    /** An open window: the event held for its end, or null. */
    private static final class Window {
        ObjectNode held;
    }

    private final EventLoop loop;
    private final Consumer<ObjectNode> broadcast;
    private final Map<Key, Window> windows = new HashMap<>();
    private EventThrottle throttle = EventThrottle.qemu();

    EventRateLimiter(EventLoop loop, Consumer<ObjectNode> broadcast) {
        this.loop = loop;
        this.broadcast = broadcast;
    }

    void throttle(EventThrottle t) {
        throttle = t;
    }

    /** Sends {@code message} now, or holds it for the end of its window. */
    void offer(String event, ObjectNode data, ObjectNode message) {
        EventThrottle.Rule rule = throttle.rule(event).orElse(null);
        if (rule == null || rule.exempt(data)) {
            broadcast.accept(message);
            return;
        }
        Key key = new Key(event, rule.keyOf(data));
        Window window = windows.get(key);
        if (window != null) {
            window.held = message;
            return;
        }
        broadcast.accept(message);
        Window opened = new Window();
        windows.put(key, opened);
        long period = rule.period().toNanos();
        loop.schedule(period, () -> windowEnds(key, opened, period));
    }

    private void windowEnds(Key key, Window window, long period) {
        if (window.held == null) {
            windows.remove(key);
            return;
        }
        broadcast.accept(window.held);
        window.held = null;
        loop.schedule(period, () -> windowEnds(key, window, period));
    }
}
