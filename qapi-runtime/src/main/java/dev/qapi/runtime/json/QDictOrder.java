package dev.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The order in which QEMU iterates a QDict, and hence writes an object's members and checks a
 * request's keys (QMP wire notes §1, §3).
 *
 * <p>A QDict is a hash table of {@value #BUCKETS} buckets, each a list to whose head new keys are
 * added. Iteration walks the buckets in ascending order and each list from its head: keys sort by
 * {@link #bucket(String)} ascending and, within a bucket, the most recently inserted key first.
 * Replacing a key's value keeps its place. An {@link ObjectNode} keeps insertion order, which is all
 * this needs.
 */
public final class QDictOrder {

    /** QEMU's {@code QDICT_BUCKET_MAX}. */
    public static final int BUCKETS = 512;

    private QDictOrder() {
    }

    /**
     * QEMU's {@code tdb_hash} of a key, computed over its modified UTF-8 bytes (U+0000 as {@code C0 80}).
     * A lone surrogate, which a QEMU string cannot hold, counts as its three-byte form.
     */
    public static int hash(String key) {
        int value = 0;
        int i = 0; // byte index
        int n = key.length();
        for (int k = 0; k < n; k++) {
            char c = key.charAt(k);
            if (c != 0 && c < 0x80) {
                value += c << (i++ * 5 % 24);
            } else if (c < 0x800) {
                value += (0xC0 | c >> 6) << (i++ * 5 % 24);
                value += (0x80 | c & 0x3F) << (i++ * 5 % 24);
            } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(key.charAt(k + 1))) {
                int cp = Character.toCodePoint(c, key.charAt(++k));
                value += (0xF0 | cp >> 18) << (i++ * 5 % 24);
                value += (0x80 | cp >> 12 & 0x3F) << (i++ * 5 % 24);
                value += (0x80 | cp >> 6 & 0x3F) << (i++ * 5 % 24);
                value += (0x80 | cp & 0x3F) << (i++ * 5 % 24);
            } else {
                value += (0xE0 | c >> 12) << (i++ * 5 % 24);
                value += (0x80 | c >> 6 & 0x3F) << (i++ * 5 % 24);
                value += (0x80 | c & 0x3F) << (i++ * 5 % 24);
            }
        }
        // QEMU starts from the length term; addition modulo 2^32 does not mind the order.
        value += 0x238F13AF * i;
        return 1103515243 * value + 12345;
    }

    /** The bucket of {@code key}: {@code tdb_hash(key) % 512}. */
    public static int bucket(String key) {
        int slot = key.hashCode() & (CACHE - 1);
        Cached c = CACHED[slot];
        if (c != null && (c.key == key || c.key.equals(key))) {
            return c.bucket;
        }
        int b = hash(key) & (BUCKETS - 1);
        CACHED[slot] = new Cached(key, b);
        return b;
    }

    /** A memo of one key's bucket; responses use the same few keys over and over. */
    private record Cached(String key, int bucket) {
    }

    // Shared by all threads without locking: a slot holds a reference to an immutable record, so a
    // reader sees either an old or a new complete entry, and a miss only costs recomputing the hash.

    private static final int CACHE = 1024;
    private static final Cached[] CACHED = new Cached[CACHE];

    /** The keys of {@code object} in QDict order. */
    public static List<String> keys(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> entries = entries(object);
        List<String> keys = new ArrayList<>(entries.size());
        for (Map.Entry<String, JsonNode> e : entries) {
            keys.add(e.getKey());
        }
        return Collections.unmodifiableList(keys);
    }

    /** The members of {@code object} in QDict order. */
    public static List<Map.Entry<String, JsonNode>> entries(ObjectNode object) {
        int n = object.size();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map.Entry<String, JsonNode>[] inserted = object.properties().toArray(new Map.Entry[n]);
        long[] order = new long[n];
        sortKeys(inserted, order, 0, n);
        List<Map.Entry<String, JsonNode>> sorted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sorted.add(inserted[index(order[i])]);
        }
        return Collections.unmodifiableList(sorted);
    }

    /**
     * Fills {@code order[from, from + n)} with sort keys for {@code entries[from, from + n)} (in insertion
     * order) and sorts them, so that {@code entries[index(order[i])]} are in QDict order.
     */
    static void sortKeys(Map.Entry<String, JsonNode>[] entries, long[] order, int from, int n) {
        for (int i = 0; i < n; i++) {
            // Bucket ascending, then later insertions first: the low half is n-1-i.
            order[from + i] = (long) bucket(entries[from + i].getKey()) << 32 | (n - 1 - i);
        }
        Arrays.sort(order, from, from + n);
        for (int i = from; i < from + n; i++) {
            order[i] = (order[i] & 0xFFFF_FFFF_0000_0000L) | (from + n - 1 - (int) order[i]);
        }
    }

    /** The entry index held in a sort key produced by {@link #sortKeys}. */
    static int index(long key) {
        return (int) key;
    }
}
