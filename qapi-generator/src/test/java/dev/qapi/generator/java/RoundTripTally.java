package dev.qapi.generator.java;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What became of each checked example message: round-tripped, skipped for a reason, or failed. A failure
 * listed as known (with the symptom it must show) is counted as such instead, and a known failure that no
 * longer happens is reported, so the list cannot go stale.
 */
final class RoundTripTally {

    /**
     * A message expected not to round-trip.
     *
     * @param symptom text the failure's description must contain, so that a different failure is not excused
     * @param reason why it fails
     */
    record KnownFailure(String symptom, String reason) {
    }

    private final Map<String, KnownFailure> knownFailures;
    private final Set<String> knownSeen = new LinkedHashSet<>();
    private final Map<String, List<String>> skipped = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> known = new ArrayList<>();
    private int examples;
    private int messages;
    private int roundTripped;
    private int empty;

    /** @param knownFailures by message key ({@link QmpExample#key}) */
    RoundTripTally(Map<String, KnownFailure> knownFailures) {
        this.knownFailures = Map.copyOf(knownFailures);
    }

    void example() {
        examples++;
    }

    void message() {
        messages++;
    }

    /** The value of message {@code key} came back the same; {@code isEmpty} when it was just {@code {}}. */
    void roundTripped(String key, boolean isEmpty) {
        roundTripped++;
        if (isEmpty) {
            empty++;
        }
    }

    /** The message {@code key} could not be checked, for {@code reason}. */
    void skipped(String key, String reason) {
        skipped.computeIfAbsent(reason, r -> new ArrayList<>()).add(key);
    }

    /** The message {@code key} did not round-trip: {@code detail} says how. */
    void failed(String key, String detail) {
        KnownFailure knownFailure = knownFailures.get(key);
        if (knownFailure != null && detail.contains(knownFailure.symptom())) {
            knownSeen.add(key);
            known.add(key + ": " + knownFailure.reason());
        } else {
            failures.add(key + ": " + detail);
        }
    }

    int roundTripped() {
        return roundTripped;
    }

    int messages() {
        return messages;
    }

    /** How many messages got an outcome; each should get exactly one. */
    int outcomes() {
        return roundTripped + skipped.values().stream().mapToInt(List::size).sum() + known.size() + failures.size();
    }

    /** Messages that round-tripped a value other than {@code {}}. */
    int roundTrippedNonEmpty() {
        return roundTripped - empty;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Known failures that did not fail. */
    List<String> staleKnownFailures() {
        return knownFailures.keySet().stream().filter(k -> !knownSeen.contains(k)).sorted().toList();
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        int skippedTotal = skipped.values().stream().mapToInt(List::size).sum();
        out.append(String.format("qmp-example round trip: %d examples, %d messages: %d round-tripped (%d of them {}),"
                + " %d skipped, %d known failures, %d failures%n", examples, messages, roundTripped, empty,
                skippedTotal, known.size(), failures.size()));
        skipped.forEach((reason, keys) -> out.append(String.format("  skipped %3d: %s: %s%n", keys.size(), reason,
                String.join(", ", keys))));
        known.forEach(k -> out.append("  known failure: ").append(k).append('\n'));
        failures.forEach(f -> out.append("  FAILED: ").append(f).append('\n'));
        return out.toString();
    }
}
