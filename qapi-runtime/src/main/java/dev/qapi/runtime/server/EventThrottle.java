package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events are rate-limited, as QEMU limits the noisy ones: the first event goes out at once and
 * opens a window of {@code period}; events raised inside the window are held, each replacing the one
 * before, and the last is sent when the window ends, which opens the next one. Events are told apart by
 * name and, for some, by one member of their data (e.g. each {@code VSERPORT_CHANGE} {@code id} has its
 * own window). Immutable; {@link #qemu()} is QEMU's table.
 */
public final class EventThrottle {

    /**
     * How one event is limited.
     *
     * @param event the event's name
     * @param period the minimum time between two of them
     * @param key the data member whose value tells events apart, if any
     * @param exemptWhen a data member and value, {@code member=value}, that make an event pass unlimited
     */
    public record Rule(String event, Duration period, Optional<String> key, Optional<String> exemptWhen) {
        public Rule {
            Objects.requireNonNull(event, "event");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive: " + period);
            }
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(exemptWhen, "exemptWhen");
        }

        /** A rule for {@code event}, every second, not split by data. */
        public static Rule perSecond(String event) {
            return new Rule(event, Duration.ofSeconds(1), Optional.empty(), Optional.empty());
        }

        /** A rule for {@code event}, every second, one window per value of {@code key}. */
        public static Rule perSecond(String event, String key) {
            return new Rule(event, Duration.ofSeconds(1), Optional.of(key), Optional.empty());
        }

        boolean exempt(ObjectNode data) {
            if (exemptWhen.isEmpty()) {
                return false;
            }
            String[] mv = exemptWhen.get().split("=", 2);
            JsonNode v = data == null ? null : data.get(mv[0]);
            return v != null && v.isTextual() && v.textValue().equals(mv.length > 1 ? mv[1] : "");
        }

        String keyOf(ObjectNode data) {
            if (key.isEmpty()) {
                return "";
            }
            JsonNode v = data == null ? null : data.get(key.get());
            return v == null ? "" : v.asText();
        }
    }

    private static final EventThrottle NONE = new EventThrottle(List.of());
    private static final EventThrottle QEMU = new EventThrottle(List.of(
            Rule.perSecond("RTC_CHANGE"),
            new Rule("BLOCK_IO_ERROR", Duration.ofSeconds(1), Optional.of("qom-path"), Optional.of("action=stop")),
            Rule.perSecond("WATCHDOG"),
            Rule.perSecond("BALLOON_CHANGE"),
            Rule.perSecond("QUORUM_REPORT_BAD", "node-name"),
            Rule.perSecond("QUORUM_FAILURE"),
            Rule.perSecond("VSERPORT_CHANGE", "id"),
            Rule.perSecond("MEMORY_DEVICE_SIZE_CHANGE", "qom-path"),
            Rule.perSecond("HV_BALLOON_STATUS_REPORT")));

    private final Map<String, Rule> rules = new HashMap<>();

    private EventThrottle(List<Rule> rules) {
        for (Rule r : rules) {
            this.rules.put(r.event(), r);
        }
    }

    /** QEMU 10.0's table: nine events limited to one a second (the servers's default). */
    public static EventThrottle qemu() {
        return QEMU;
    }

    /** No event is limited. */
    public static EventThrottle none() {
        return NONE;
    }

    /** This table with {@code rule} added (replacing a rule for the same event). */
    public EventThrottle with(Rule rule) {
        Map<String, Rule> copy = new HashMap<>(rules);
        copy.put(rule.event(), rule);
        return new EventThrottle(List.copyOf(copy.values()));
    }

    /** This table without a rule for {@code event}. */
    public EventThrottle without(String event) {
        Map<String, Rule> copy = new HashMap<>(rules);
        copy.remove(event);
        return new EventThrottle(List.copyOf(copy.values()));
    }

    /** The rule for {@code event}, if it is limited. */
    public Optional<Rule> rule(String event) {
        return Optional.ofNullable(rules.get(event));
    }
}
