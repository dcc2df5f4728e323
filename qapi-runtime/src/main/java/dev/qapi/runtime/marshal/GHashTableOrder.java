package dev.qapi.runtime.marshal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A set of strings that iterates in the order a GLib {@code GHashTable} created with
 * {@code g_hash_table_new(g_str_hash, g_str_equal)} would, after the same insertions and removals.
 *
 * <p>What it is for: QEMU's QObject input visitor puts the keys of an argument object into such a
 * table (in the object's own iteration order), removes each member the command visits, and then
 * reports {@code Parameter 'K' is unexpected} for the first key the table's iterator returns. When
 * two or more keys are unexpected, which one QEMU names depends on the table's slot layout; this
 * class reproduces that layout, so {@link #first()} names the same key.
 *
 * <p>The model is GLib 2.60 to 2.86 (QEMU 10.0 requires GLib 2.66 or later; Debian 12 ships 2.74.6,
 * against which the tests' reference sequences were recorded):
 * <ul>
 *   <li>a key's hash is {@code g_str_hash} (djb2: {@code h = h * 33 + c}, starting at 5381, over the
 *       key's bytes read as <em>signed</em> chars), taken over the bytes QEMU's JSON parser stores: UTF-8,
 *       except that U+0000 is the two bytes {@code C0 80}; a hash of 0 or 1 counts as 2, since those two
 *       values mark free slots and tombstones;
 *   <li>the table has 2<sup>shift</sup> slots (at least 8); a key's home slot is
 *       {@code (hash * 11) mod p} (unsigned), where p is the largest prime below the slot count (the
 *       table of primes starts 1, 2, 3, 7, 13, ...); collisions probe quadratically, adding 1, 2, 3, ...
 *       to the slot index modulo the slot count;
 *   <li>removal leaves a tombstone; an insertion reuses the first tombstone on the key's probe path;
 *   <li>after an insertion that filled a never-used slot, and after every removal, the table is
 *       rebuilt if it has more than 8 slots and more than four times as many slots as keys, or if
 *       keys plus tombstones reach {@code slots / (1 + 1/16)}; the rebuilt table has
 *       2<sup>max(3, bitlength(trunc(keys × 1.333)))</sup> slots;
 *   <li>the rebuild is done in place: slots are visited in index order, each key not yet settled is
 *       taken out and carried to the first slot on its new probe path that no settled key holds; a key
 *       found there is displaced and carried on in turn. Tombstones vanish;
 *   <li>iteration visits the slots in index order.
 * </ul>
 * GLib 2.87 and later size the rebuilt table from {@code keys + keys / 3} instead of
 * {@code trunc(keys × 1.333)}, which differs whenever {@code keys} is a multiple of 3 and
 * {@code 4 × keys / 3} is a power of two (6, 12, 24, ... keys): those rebuilds, and so the orders that
 * follow them, are not modelled.
 *
 * <p>The insertion order matters wherever two keys compete for a slot, so keys must be inserted in the
 * order QEMU inserts them: the iteration order of the argument {@code QDict}
 * ({@code qdict_first}/{@code qdict_next}), which is not the order of the JSON text. A QDict iterates
 * its 512 buckets ({@code tdb_hash(key) % 512}) in index order, and within a bucket the most recently
 * added key first.
 *
 * <p>Keys are compared with {@link String#equals}. Strings with unpaired surrogates (which QEMU's JSON
 * parser rejects) are hashed as if each surrogate were a code point of its own. An instance is mutable
 * and not thread-safe; it costs two arrays of 8 entries until it grows past 7 keys.
 */
public final class GHashTableOrder {
    private static final int MIN_SHIFT = 3;
    private static final int FREE = 0;
    private static final int TOMBSTONE = 1;

    /** For each shift, the largest prime below 2^shift (1 and 2 for the two smallest). */
    private static final int[] MODULUS = {
        1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071,
        262139, 524287, 1048573, 2097143, 4194301, 8388593, 16777213, 33554393, 67108859, 134217689,
        268435399, 536870909, 1073741789, 2147483647,
    };

    /** Per slot: {@link #FREE}, {@link #TOMBSTONE}, or the hash of the key held there (never 0 or 1). */
    private int[] hashes;
    private String[] keys;
    private int modulus;
    private int live;
    /** Live keys plus tombstones: the slots a lookup cannot stop at. */
    private int used;

    /** An empty table, as {@code g_hash_table_new} makes it (8 slots). */
    public GHashTableOrder() {
        setShift(MIN_SHIFT);
        hashes = new int[8];
        keys = new String[8];
    }

    /** A table after inserting {@code keys} in the order given (duplicates are inserted once). */
    public static GHashTableOrder of(Iterable<String> keys) {
        GHashTableOrder table = new GHashTableOrder();
        keys.forEach(table::insert);
        return table;
    }

    /**
     * Inserts {@code key} ({@code g_hash_table_insert}); a key already present keeps its slot.
     *
     * @return whether the key was new
     */
    public boolean insert(String key) {
        int hash = hash(key);
        int slot = find(key, hash);
        if (isKey(hashes[slot])) {
            return false;
        }
        boolean neverUsed = hashes[slot] == FREE;
        hashes[slot] = hash;
        keys[slot] = key;
        live++;
        // GLib checks the load only when a never-used slot was taken; after reusing a tombstone
        // (more keys, same slots in use) neither limit could have been crossed.
        if (neverUsed) {
            used++;
            maybeRebuild();
        }
        return true;
    }

    /**
     * Removes {@code key} ({@code g_hash_table_remove}).
     *
     * @return whether the key was present
     */
    public boolean remove(String key) {
        int slot = find(key, hash(key));
        if (!isKey(hashes[slot])) {
            return false;
        }
        hashes[slot] = TOMBSTONE;
        keys[slot] = null;
        live--;
        maybeRebuild();
        return true;
    }

    /** Whether {@code key} is in the table. */
    public boolean contains(String key) {
        return isKey(hashes[find(key, hash(key))]);
    }

    /** The number of keys in the table. */
    public int size() {
        return live;
    }

    /** The key a fresh {@code GHashTableIter} returns first, or empty when the table is empty. */
    public Optional<String> first() {
        for (int slot = 0; slot < hashes.length; slot++) {
            if (isKey(hashes[slot])) {
                return Optional.of(keys[slot]);
            }
        }
        return Optional.empty();
    }

    /** Every key, in the order a {@code GHashTableIter} returns them. */
    public List<String> keys() {
        List<String> order = new ArrayList<>(live);
        for (int slot = 0; slot < hashes.length; slot++) {
            if (isKey(hashes[slot])) {
                order.add(keys[slot]);
            }
        }
        return order;
    }

    /** The number of slots; for tests that check which rebuilds a sequence went through. */
    int capacity() {
        return hashes.length;
    }

    @Override
    public String toString() {
        return keys().toString();
    }

    // ---- hashing ------------------------------------------------------------------------------

    /**
     * {@code g_str_hash} of the bytes QEMU holds for {@code key}, with 0 and 1 mapped to 2 as the table
     * does. The bytes are produced on the fly rather than through an encoder, so that U+0000 becomes
     * {@code C0 80} as in QEMU's JSON parser and a short ASCII key costs no allocation.
     */
    static int hash(String key) {
        int h = 5381;
        for (int i = 0; i < key.length(); ) {
            int c = key.codePointAt(i);
            i += Character.charCount(c);
            if (c > 0 && c < 0x80) {
                h = step(h, c);
            } else if (c < 0x800) {
                h = step(step(h, 0xC0 | c >> 6), 0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                h = step(step(step(h, 0xE0 | c >> 12), 0x80 | c >> 6 & 0x3F), 0x80 | c & 0x3F);
            } else {
                h = step(step(step(step(h, 0xF0 | c >> 18), 0x80 | c >> 12 & 0x3F), 0x80 | c >> 6 & 0x3F),
                        0x80 | c & 0x3F);
            }
        }
        return isKey(h) ? h : 2;
    }

    /** One djb2 step over a byte that C reads as a signed char (bytes from 0x80 count negative). */
    private static int step(int h, int unsignedByte) {
        return h * 33 + (byte) unsignedByte;
    }

    private static boolean isKey(int slotHash) {
        return slotHash != FREE && slotHash != TOMBSTONE;
    }

    // ---- layout -------------------------------------------------------------------------------

    private void setShift(int shift) {
        modulus = MODULUS[shift];
    }

    private int mask() {
        return hashes.length - 1;
    }

    private int home(int hash) {
        return Integer.remainderUnsigned(hash * 11, modulus);
    }

    /**
     * The slot holding {@code key}, or else the slot an insertion would take: the first tombstone on the
     * probe path if there is one, otherwise the free slot that ended the search.
     */
    private int find(String key, int hash) {
        int slot = home(hash);
        int tombstone = -1;
        for (int step = 1; hashes[slot] != FREE; step++) {
            if (hashes[slot] == hash && key.equals(keys[slot])) {
                return slot;
            }
            if (hashes[slot] == TOMBSTONE && tombstone < 0) {
                tombstone = slot;
            }
            slot = (slot + step) & mask();
        }
        return tombstone >= 0 ? tombstone : slot;
    }

    private void maybeRebuild() {
        int slots = hashes.length;
        boolean tooSparse = slots > 1 << MIN_SHIFT && slots > 4 * live;
        boolean tooFull = slots <= used + used / 16;
        if (tooSparse || tooFull) {
            rebuild();
        }
    }

    /**
     * Re-lays the table for its current key count, in place and in GLib's visiting order: that order
     * decides which of two keys with the same home slot gets it, and so the iteration order afterwards.
     */
    private void rebuild() {
        int oldSlots = hashes.length;
        int shift = Math.max(MIN_SHIFT, 32 - Integer.numberOfLeadingZeros((int) (live * 1.333)));
        int newSlots = 1 << shift;
        setShift(shift);
        if (newSlots > oldSlots) {
            hashes = Arrays.copyOf(hashes, newSlots);
            keys = Arrays.copyOf(keys, newSlots);
        }
        int mask = newSlots - 1;
        boolean[] settled = new boolean[Math.max(oldSlots, newSlots)];
        for (int i = 0; i < oldSlots; i++) {
            if (!isKey(hashes[i])) {
                hashes[i] = FREE;
                continue;
            }
            if (settled[i]) {
                continue;
            }
            int hash = hashes[i];
            String key = keys[i];
            hashes[i] = FREE;
            keys[i] = null;
            // Carry the key to its new slot; an unsettled key found there is carried on next.
            while (true) {
                int slot = home(hash);
                for (int step = 1; settled[slot]; step++) {
                    slot = (slot + step) & mask;
                }
                settled[slot] = true;
                int displacedHash = hashes[slot];
                String displacedKey = keys[slot];
                hashes[slot] = hash;
                keys[slot] = key;
                if (!isKey(displacedHash)) {
                    break;
                }
                hash = displacedHash;
                key = displacedKey;
            }
        }
        if (newSlots < oldSlots) {
            hashes = Arrays.copyOf(hashes, newSlots);
            keys = Arrays.copyOf(keys, newSlots);
        }
        used = live;
    }
}
