package dev.qapi.runtime.marshal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link GHashTableOrder} against GLib. Every expected order here was printed by
 * {@code tools/ghash/ghash-oracle} running against GLib 2.74.6 (Debian 12).
 */
class GHashTableOrderTest {

    private static GHashTableOrder table(String... keys) {
        return GHashTableOrder.of(List.of(keys));
    }

    @Test
    void replaysTheReferenceSequencesRecordedFromGlib() throws IOException {
        InputStream resource = getClass().getResourceAsStream("ghash-references.txt.gz");
        assertNotNull(resource, "ghash-references.txt.gz");
        GHashTranscript.Result result;
        try (InputStream in = new GZIPInputStream(resource)) {
            result = GHashTranscript.replay(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), result.mismatches());
        assertEquals("2.74.6", result.glibVersion());
        assertEquals(300, result.sequences());
        assertTrue(result.checks() > 10_000, "answers checked: " + result.checks());
        assertTrue(result.grows() > 100, "sequences must grow the table: " + result.grows());
        assertTrue(result.shrinks() > 50, "sequences must shrink the table: " + result.shrinks());
    }

    @Test
    void removingOneOfFiveSingleLetterKeysLeavesEFirst() {
        GHashTableOrder table = table("a", "b", "c", "d", "e");
        assertTrue(table.remove("c"));
        assertEquals(Optional.of("e"), table.first());
        assertEquals(List.of("e", "b", "d", "a"), table.keys());
    }

    @Test
    void namesTheUnexpectedKeyQemuWouldName() {
        // blockdev-add style: three members visited, two left over; QEMU names 'discard'.
        GHashTableOrder table = table("node-name", "driver", "file", "cache", "discard");
        assertEquals(List.of("driver", "discard", "cache", "file", "node-name"), table.keys());
        table.remove("node-name");
        table.remove("driver");
        table.remove("file");
        assertEquals(Optional.of("discard"), table.first());
        assertEquals(List.of("discard", "cache"), table.keys());
    }

    @Test
    void theEighthKeyGrowsTheTableAndReordersEverything() {
        GHashTableOrder table = table("k0", "k1", "k2", "k3", "k4", "k5", "k6");
        assertEquals(8, table.capacity());
        assertEquals(List.of("k6", "k1", "k3", "k5", "k0", "k2", "k4"), table.keys());
        table.insert("k7");
        assertEquals(16, table.capacity());
        assertEquals(List.of("k6", "k5", "k4", "k3", "k2", "k1", "k7", "k0"), table.keys());
    }

    @Test
    void droppingToAQuarterFullShrinksTheTable() {
        GHashTableOrder table = table("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7");
        for (String key : List.of("k0", "k1", "k2", "k3")) {
            table.remove(key);
        }
        assertEquals(16, table.capacity());
        assertEquals(List.of("k6", "k5", "k4", "k7"), table.keys());
        table.remove("k4");
        assertEquals(8, table.capacity());
        assertEquals(List.of("k6", "k5", "k7"), table.keys());
    }

    @Test
    void hashesQemusBytesAsSignedChars() {
        assertEquals(5381, GHashTableOrder.hash(""));
        assertEquals(5381 * 33 + 'a', GHashTableOrder.hash("a"));
        // "é" is C3 A9; as signed chars -61 and -87
        assertEquals((5381 * 33 - 61) * 33 - 87, GHashTableOrder.hash("é"));
        // QEMU stores U+0000 as C0 80
        assertEquals((5381 * 33 - 64) * 33 - 128, GHashTableOrder.hash("\0"));
        assertEquals(List.of("café", "\0", "cafe", "x"), table("café", "cafe", "\0", "x").keys());
    }

    @Test
    void duplicateInsertionsAndAbsentRemovalsChangeNothing() {
        GHashTableOrder table = table("a", "b");
        assertFalse(table.insert("a"));
        assertFalse(table.remove("z"));
        assertEquals(2, table.size());
        assertTrue(table.contains("b"));
        assertFalse(table.contains("z"));
        assertEquals(table("a", "b").keys(), table.keys());
    }

    @Test
    void anEmptyTableHasNoFirstKey() {
        assertEquals(Optional.empty(), new GHashTableOrder().first());
        GHashTableOrder table = table("only");
        table.remove("only");
        assertEquals(Optional.empty(), table.first());
        assertEquals(List.of(), table.keys());
    }
}
