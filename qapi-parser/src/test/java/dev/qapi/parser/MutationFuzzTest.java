package dev.qapi.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.qapi.testsupport.SharedMaterial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of real schemas (characters and lines deleted, inserted, duplicated, swapped;
 * bytes that are not UTF-8 included) must each end in a valid schema or a located {@link QapiError}:
 * never another exception, never a hang. The seed is fixed so a failure can be replayed; set
 * {@code -Dqapi.fuzz.seed=N} to explore others.
 */
class MutationFuzzTest {
    private static final Pattern LOCATED = Pattern.compile("(?s).*\\.json:\\d+(:\\d+)?: .+");
    private static final byte[] INTERESTING = "{}[]:,'\"#\\\n\t @*-_abcXYZ019 ".getBytes(StandardCharsets.UTF_8);
    private static final byte[][] EXOTIC = {
        {(byte) 0xC2, (byte) 0xA0}, {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0x0D}, {0x00}, "##".getBytes(StandardCharsets.US_ASCII),
        "true".getBytes(StandardCharsets.US_ASCII), "'include'".getBytes(StandardCharsets.US_ASCII),
    };

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void mutationsOfOurEverythingSchemaNeverEscape() throws IOException {
        byte[] original = Files.readAllBytes(SchemaCasesTest.casesDir().resolve("good-everything.json"));
        int n = fuzz(tmp, "fuzz.json", original, 3000, seed());
        assertEquals(3000, n);
    }

    @Test
    @Timeout(300)
    void mutationsOfQemuSchemaFilesNeverEscape() throws IOException {
        Path qemu = SharedMaterial.qemuSchemaDir();
        // control.json includes nothing; char.json includes sockets.json, which stays intact.
        Files.copy(qemu.resolve("sockets.json"), tmp.resolve("sockets.json"));
        Files.copy(qemu.resolve("common.json"), tmp.resolve("common.json"));
        fuzz(tmp, "control.json", Files.readAllBytes(qemu.resolve("control.json")), 1500, seed() + 1);
        fuzz(tmp, "char.json", Files.readAllBytes(qemu.resolve("char.json")), 1000, seed() + 2);
    }

    private static long seed() {
        return Long.getLong("qapi.fuzz.seed", 20261125L);
    }

    /** Runs {@code rounds} mutations; returns how many ran. */
    static int fuzz(Path dir, String name, byte[] original, int rounds, long seed) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve(name);
        int valid = 0;
        for (int i = 0; i < rounds; i++) {
            byte[] mutated = original;
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                mutated = mutate(mutated, random);
            }
            Files.write(file, mutated);
            try {
                SchemaLoader.load(dir, name);
                valid++;
            } catch (QapiError err) {
                assertNotNull(err.info(), () -> "unlocated error: " + err.getMessage());
                assertTrue(LOCATED.matcher(err.getMessage()).matches(), err::getMessage);
            } catch (RuntimeException | StackOverflowError bug) {
                Path keep = dir.resolve("failing-" + i + "-" + name);
                Files.write(keep, mutated);
                fail("mutation " + i + " (seed " + seed + ") escaped with " + bug, bug);
            }
        }
        assertTrue(valid < rounds, "no mutation was ever rejected: the mutator is broken");
        return rounds;
    }

    private static byte[] mutate(byte[] in, Random random) {
        if (in.length == 0) {
            return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
        }
        int at = random.nextInt(in.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        switch (random.nextInt(8)) {
            case 0 -> { // delete a byte
                out.write(in, 0, at);
                out.write(in, at + 1, in.length - at - 1);
            }
            case 1 -> { // insert an interesting byte
                out.write(in, 0, at);
                out.write(INTERESTING[random.nextInt(INTERESTING.length)]);
                out.write(in, at, in.length - at);
            }
            case 2 -> { // insert an exotic sequence
                out.write(in, 0, at);
                byte[] x = EXOTIC[random.nextInt(EXOTIC.length)];
                out.write(x, 0, x.length);
                out.write(in, at, in.length - at);
            }
            case 3 -> { // duplicate a byte
                out.write(in, 0, at + 1);
                out.write(in, at, in.length - at);
            }
            default -> {
                return mutateLines(in, random);
            }
        }
        return out.toByteArray();
    }

    private static byte[] mutateLines(byte[] in, Random random) {
        List<byte[]> lines = splitLines(in);
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        switch (random.nextInt(4)) {
            case 0 -> lines.remove(a);
            case 1 -> lines.add(a, lines.get(b).clone());
            case 2 -> {
                byte[] t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            default -> lines.add(a, lines.get(a).clone());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        for (byte[] line : lines) {
            out.write(line, 0, line.length);
        }
        return out.toByteArray();
    }

    private static List<byte[]> splitLines(byte[] in) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            lines.add(java.util.Arrays.copyOfRange(in, start, in.length));
        }
        return lines;
    }
}
