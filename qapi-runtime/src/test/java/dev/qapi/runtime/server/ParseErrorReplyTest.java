package dev.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.json.JsonBuffer;
import dev.qapi.runtime.json.JsonParseError;
import dev.qapi.runtime.json.JsonStreamer;
import dev.qapi.runtime.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streamed reply to a parse error against the one route it stands in for: the writer's bytes for
 * {@code {"error": {"class": "GenericError", "desc": DESC}}} with the desc as text. Every kind of
 * error the streamer makes, compact and pretty, stray tokens with every kind of byte sequence, of
 * sizes that cross the decoding window and the token's chunks, written in pieces of every size.
 */
class ParseErrorReplyTest {

    /** Byte sequences a string token may hold: the display and escaping of each differ. */
    private static final byte[][] PIECES = {
        bytes("x"), bytes("abc"), bytes("\\\""), bytes("\\u00e9"), bytes("/"), bytes("\u007f"),
        {(byte) 0xC3, (byte) 0xA9}, // é
        {(byte) 0xC0, (byte) 0x80}, // QEMU's NUL
        {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, // €
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, // beyond the BMP
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
        {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, // U+FFFE
        {(byte) 0xEF, (byte) 0xB7, (byte) 0x90}, // U+FDD0
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
        {(byte) 0xC1, (byte) 0xBF}, // overlong
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, // cut short
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // five bytes
        {(byte) 0xFC, (byte) 0x84, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // six bytes
    };
    /** What ends a string token as a lexical error. */
    private static final byte[] ENDS = {'\n', 0, 1, 0x1F, (byte) 0xFE, (byte) 0xFF};

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] expected(JsonParseError error, boolean pretty) {
        JsonWriter writer = pretty ? JsonWriter.pretty() : JsonWriter.compact();
        return writer.toMessageBytes(QmpDispatcher.error(QmpException.generic(error.desc()), null, null));
    }

    private static byte[] streamed(JsonParseError error, boolean pretty, Random random) {
        ParseErrorReply reply = new ParseErrorReply(error, pretty);
        JsonBuffer out = new JsonBuffer();
        long before = reply.remaining();
        while (!reply.writeTo(out, 1 + random.nextInt(random.nextBoolean() ? 16 : 70_000))) {
            assertTrue(reply.remaining() >= 0);
        }
        // An estimate: at most the one byte a NUL that ends the token over.
        assertTrue(before <= out.length() + 1, "remaining() is about a lower bound: " + before + " > " + out.length());
        return out.toByteArray();
    }

    private static List<JsonParseError> errors(byte[] input) {
        List<JsonParseError> out = new ArrayList<>();
        new JsonStreamer().feed(input, m -> {
            if (m instanceof JsonParseError e) {
                out.add(e);
            }
            return true;
        });
        return out;
    }

    private static void check(byte[] input, Random random) {
        for (JsonParseError error : errors(input)) {
            for (boolean pretty : new boolean[] {false, true}) {
                assertArrayEquals(expected(error, pretty), streamed(error, pretty, random),
                        () -> "input " + new String(input, 0, Math.min(input.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void everyKindOfParseErrorIsWrittenAsTheWriterWritesIt() {
        Random random = new Random(1);
        for (String input : new String[] {"%", "]", "{]", "nul\u001b", "-x", "1e", "'\\x'", "\"\\ud800\"",
            "{\"a\": 1, \"a\": 2}", "[1 2]", "{1: 2}", "{\"a\" 1}", "truex ", "\u00ff", "\"\u00c3\u00a9\u0080\"",
            "\"" + "\\".repeat(2000) + "q\"", "'" + "\u00e9".repeat(700) + "\u0001"}) {
            check(bytes(input), random);
        }
        byte[] deep = new byte[JsonStreamer.MAX_NESTING + 1];
        java.util.Arrays.fill(deep, (byte) '[');
        check(deep, random);
    }

    @Test
    void strayTokensOfEverySizeAndContentAreWrittenAsTheWriterWritesThem() {
        Random random = new Random(42);
        for (int round = 0; round < 400; round++) {
            ByteArrayOutputStream token = new ByteArrayOutputStream();
            token.write(random.nextBoolean() ? '"' : '\'');
            // Mostly short, some across the 8 KiB decoding window, a few across 64 KiB chunks.
            int size = switch (round % 10) {
                case 0 -> 8192 - 8 + random.nextInt(16);
                case 1 -> 65536 - 8 + random.nextInt(16);
                case 2 -> random.nextInt(200_000);
                default -> random.nextInt(300);
            };
            while (token.size() < size) {
                byte[] piece = PIECES[random.nextInt(PIECES.length)];
                token.write(piece, 0, piece.length);
            }
            token.write(ENDS[random.nextInt(ENDS.length)]);
            check(token.toByteArray(), random);
        }
    }

    @Test
    void aLargeStrayTokenIsStreamedAndASmallOneIsNot() {
        byte[] big = new byte[(int) ParseErrorReply.STREAM_ABOVE + 2];
        java.util.Arrays.fill(big, (byte) 'x');
        big[0] = '"';
        big[big.length - 1] = '\n';
        List<JsonParseError> errors = errors(big);
        assertEquals(1, errors.size());
        assertTrue(ParseErrorReply.large(errors.get(0)));
        assertEquals(false, ParseErrorReply.large(errors(bytes("\"x\n")).get(0)));
        assertEquals(false, ParseErrorReply.large(new JsonParseError(JsonParseError.NESTING_LIMIT)));
    }
}
