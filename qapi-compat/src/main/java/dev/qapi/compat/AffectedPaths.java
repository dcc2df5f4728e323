package dev.qapi.compat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every wire path on which a finding shows. The checker compares each pair of types once (per direction
 * and context), under the first path that reaches it; the findings made inside are therefore made once.
 * This records where else the same pair is used, as a graph of uses: a node per compared pair, an edge for
 * each use with the path from the user's path to the used pair's, and the findings made in each pair with
 * their path below it. A finding's paths are then every way to reach its pair from a command or event,
 * each pair at most once per path (a recursive type gives its shortest paths, not infinitely many).
 *
 * <p>Only pairs holding findings, directly or below, are followed, so a comparison without findings costs
 * one map entry per pair.
 */
final class AffectedPaths {
    /**
     * A compared pair of types, or the root (commands and events), with the path it was first met at and
     * the handles of its two types (empty for the root).
     */
    private static final class Pair {
        final String path;
        final String types;
        final List<Use> uses = new ArrayList<>();
        final List<Pair> users = new ArrayList<>();
        final List<Made> findings = new ArrayList<>();
        final Set<String> paths = new LinkedHashSet<>();
        boolean relevant;

        Pair(String path, String types) {
            this.path = path;
            this.types = types;
        }
    }

    /**
     * A use of pair {@code used} at {@code path} (the user's first path and what follows it): the suffix
     * is cut only for pairs with findings, as a clean comparison makes tens of thousands of uses.
     */
    private record Use(Pair used, String path) {
    }

    /** A finding (by key) made at {@code suffix} below its pair's path. */
    private record Made(String finding, String suffix) {
    }

    private final Pair root = new Pair("", "");
    private final Map<String, Pair> pairs = new HashMap<>();
    private final Deque<Pair> walk = new ArrayDeque<>();

    AffectedPaths() {
        walk.push(root);
    }

    /**
     * Records that the pair {@code key} (its two types' handles {@code types}, and how they are compared) is
     * used at {@code path} by the pair being compared, and enters it if it is new.
     *
     * @return whether the pair is new: then the caller compares it, and calls {@link #leave()} after
     */
    boolean enter(String key, String types, String path) {
        Pair user = walk.peek();
        Pair used = pairs.get(key);
        boolean fresh = used == null;
        if (fresh) {
            used = new Pair(path, types);
            pairs.put(key, used);
        }
        user.uses.add(new Use(used, path));
        used.users.add(user);
        if (fresh) {
            walk.push(used);
        }
        return fresh;
    }

    /** Ends the comparison of the pair last {@linkplain #enter entered}. */
    void leave() {
        walk.pop();
    }

    /**
     * The key of finding {@code what} at {@code path} in the pair being compared: the same for the same
     * change at the same place below the same two types, however they are reached (sent or received, in
     * any context), so that it is one finding on all their paths.
     */
    String key(String what, String path) {
        Pair pair = walk.peek();
        return what + '\u0000' + pair.types + '\u0000' + suffix(pair, path);
    }

    /** Records that finding {@code key} shows at {@code path} in the pair being compared. */
    void found(String key, String path) {
        Pair pair = walk.peek();
        pair.findings.add(new Made(key, suffix(pair, path)));
    }

    private static String suffix(Pair pair, String path) {
        if (!path.startsWith(pair.path)) {
            throw new IllegalStateException(path + " is not below " + pair.path);
        }
        return path.substring(pair.path.length());
    }

    /** Every path of each finding, by key, sorted. */
    Map<String, Set<String>> pathsByFinding() {
        markRelevant();
        collect(root, "", new HashSet<>());
        Map<String, Set<String>> out = new HashMap<>();
        List<Pair> all = new ArrayList<>(pairs.values());
        all.add(root);
        for (Pair pair : all) {
            for (Made m : pair.findings) {
                Set<String> paths = out.computeIfAbsent(m.finding(), k -> new TreeSet<>());
                for (String p : pair.paths) {
                    paths.add(p + m.suffix());
                }
            }
        }
        return out;
    }

    /** Marks the pairs holding findings and every pair that uses one of them, directly or not. */
    private void markRelevant() {
        Deque<Pair> todo = new ArrayDeque<>();
        for (Pair p : pairs.values()) {
            if (!p.findings.isEmpty()) {
                p.relevant = true;
                todo.add(p);
            }
        }
        root.relevant = true;
        while (!todo.isEmpty()) {
            for (Pair user : todo.poll().users) {
                if (!user.relevant) {
                    user.relevant = true;
                    todo.add(user);
                }
            }
        }
    }

    /** Walks every path from the root that meets no pair twice, noting each relevant pair's paths. */
    private void collect(Pair pair, String path, Set<Pair> onPath) {
        if (!pair.paths.add(path)) {
            return; // reached again by the same path (through arrays or alternates): nothing new below
        }
        onPath.add(pair);
        for (Use use : pair.uses) {
            if (use.used().relevant && !onPath.contains(use.used())) {
                collect(use.used(), path + suffix(pair, use.path()), onPath);
            }
        }
        onPath.remove(pair);
    }
}
