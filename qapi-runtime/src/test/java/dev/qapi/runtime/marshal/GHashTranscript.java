package dev.qapi.runtime.marshal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Replays a transcript written by {@code tools/ghash/ghash-oracle} (real GLib) through
 * {@link GHashTableOrder} and collects every answer that differs. The format is described in
 * {@code tools/ghash/ghash-oracle.c}: {@code new}, {@code ins KEY 0|1}, {@code rem KEY 0|1},
 * {@code first [KEY]}, {@code order [KEY...]}, comments, and one {@code glib X.Y.Z} line.
 *
 * <p>Used by {@link GHashTableOrderTest} on the stored references and, through {@link #main}, by
 * {@code tools/ghash/difftest.py} on freshly generated sequences.
 */
final class GHashTranscript {
    /** What one replay found. */
    record Result(String glibVersion, int sequences, int checks, int grows, int shrinks, List<String> mismatches) {}

    private static final int MAX_REPORTED = 20;

    private GHashTranscript() {}

    static Result replay(Reader source) throws IOException {
        BufferedReader in = new BufferedReader(source);
        String glib = null;
        int sequences = 0;
        int checks = 0;
        int grows = 0;
        int shrinks = 0;
        List<String> mismatches = new ArrayList<>();
        GHashTableOrder table = new GHashTableOrder();
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = split(line, lineNumber);
            String op = words.get(0);
            String actual;
            String expected = line;
            int capacityBefore = table.capacity();
            switch (op) {
                case "glib" -> {
                    glib = words.get(1);
                    continue;
                }
                case "new" -> {
                    table = new GHashTableOrder();
                    sequences++;
                    continue;
                }
                case "ins", "rem" -> {
                    if (words.size() != 3) {
                        throw new IllegalArgumentException("line " + lineNumber + ": expected '" + op + " KEY 0|1'");
                    }
                    String key = decode(words.get(1), lineNumber);
                    boolean answer = op.equals("ins") ? table.insert(key) : table.remove(key);
                    actual = op + " " + encode(key) + " " + (answer ? 1 : 0);
                }
                case "first" -> actual = render("first", table.first().stream().toList());
                case "order" -> actual = render("order", table.keys());
                default -> throw new IllegalArgumentException("line " + lineNumber + ": unknown operation " + op);
            }
            checks++;
            if (table.capacity() > capacityBefore) {
                grows++;
            } else if (table.capacity() < capacityBefore) {
                shrinks++;
            }
            if (!actual.equals(expected) && mismatches.size() < MAX_REPORTED) {
                mismatches.add("line " + lineNumber + ": GLib says   " + expected + "\n"
                        + "line " + lineNumber + ": we say       " + actual);
            }
        }
        return new Result(glib, sequences, checks, grows, shrinks, mismatches);
    }

    private static String render(String op, List<String> keys) {
        StringBuilder out = new StringBuilder(op);
        for (String key : keys) {
            out.append(' ').append(encode(key));
        }
        return out.toString();
    }

    private static List<String> split(String line, int lineNumber) {
        List<String> words = List.of(line.split(" ", -1));
        if (words.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("line " + lineNumber + ": stray space");
        }
        return words;
    }

    /** The key a token names: its bytes are QEMU's (UTF-8, with U+0000 as {@code C0 80}). */
    static String decode(String token, int lineNumber) {
        if (token.length() < 2 || !token.startsWith("\"") || !token.endsWith("\"")) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected a quoted key: " + token);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(token.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        byte[] raw = bytes.toByteArray();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == (byte) 0xC0 && i + 1 < raw.length && raw[i + 1] == (byte) 0x80) {
                plain.write(0);
                i++;
            } else {
                plain.write(raw[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": key is not UTF-8: " + token, e);
        }
    }

    /** The token for a key, as ghash-oracle prints it. */
    static String encode(String key) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("\"");
        for (byte b : utf8) {
            int u = b & 0xFF;
            if (u == 0) {
                out.append("%C0%80");
            } else if (u <= 0x20 || u >= 0x7F || u == '"' || u == '%') {
                out.append('%').append(String.format("%02X", u));
            } else {
                out.append((char) u);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Replays each transcript file named (gzipped if it ends in {@code .gz}; {@code -} for standard
     * input), prints a summary line per
     * file and the first mismatches; exits 1 if any answer differed.
     */
    public static void main(String[] args) throws IOException {
        boolean same = true;
        for (String arg : args) {
            InputStream in = arg.equals("-") ? System.in : Files.newInputStream(Path.of(arg));
            if (arg.endsWith(".gz")) {
                in = new GZIPInputStream(in);
            }
            Result result = replay(new InputStreamReader(in, StandardCharsets.UTF_8));
            System.out.printf("%s: glib %s, %d sequences, %d answers checked, %d grows, %d shrinks, %s%n",
                    arg, result.glibVersion(), result.sequences(), result.checks(), result.grows(),
                    result.shrinks(), result.mismatches().isEmpty() ? "all agree" : "MISMATCHES");
            result.mismatches().forEach(System.out::println);
            same &= result.mismatches().isEmpty();
        }
        System.exit(same ? 0 : 1);
    }
}
