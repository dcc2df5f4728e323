package dev.qapi.parser.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapi.parser.SourceInfo;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A file's text is what QEMU reads: UTF-8, universal newlines, a final newline. */
class SchemaTextTest {
    private static final SourceInfo START = SourceInfo.startOf("t.json", null);

    @Test
    void decodingNormalizesNewlinesAndKeepsEveryCharacter() {
        assertEquals("plain\ntext\nend\n", decode("plain\r\ntext\rend"));
        assertEquals("a\n\nb\n", decode("a\r\rb\n"));
        assertEquals("\u0000\u007f\n", decode("\u0000\u007f"));
        assertEquals("caf\u00e9\n", decode("caf\u00e9\r"));
        assertEquals("\ufffd written as such\n", decode("\ufffd written as such\n"));
        assertEquals("\ud83d\ude00\n\n", decode("\ud83d\ude00\r\n\r"));
        assertEquals("\n", decode(""));
    }

    private static String decode(String text) {
        return new String(SchemaText.decode(text.getBytes(StandardCharsets.UTF_8), START));
    }
}
