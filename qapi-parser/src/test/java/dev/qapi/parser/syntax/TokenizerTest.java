package dev.qapi.parser.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SharedMaterial;
import dev.qapi.parser.SourceInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's plain-token fast path ({@link PlainTokens}) gives exactly the tokens, values, lines,
 * columns and lexical errors of the generated ANTLR lexer alone, on every case schema, on QEMU's
 * schema files, and on random text made of the characters that matter to the grammar.
 */
class TokenizerTest {
    private static final SourceInfo START = SourceInfo.startOf("t.json", null);

    @Test
    void caseSchemasTokenizeAsTheGeneratedLexerDoes() throws IOException, URISyntaxException {
        Path cases = Path.of(TokenizerTest.class.getResource("/cases").toURI());
        int files = 0;
        try (Stream<Path> walk = Files.walk(cases)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                char[] src;
                try {
                    src = SchemaText.decode(Files.readAllBytes(p), START);
                } catch (QapiError invalidUtf8) {
                    continue;
                }
                assertSameTokens(src, new Random(files), p.toString());
                files++;
            }
        }
        assertTrue(files > 500, "case schemas: " + files);
    }

    @Test
    void qemuSchemaFilesTokenizeAsTheGeneratedLexerDoes() throws IOException {
        try (Stream<Path> walk = Files.list(SharedMaterial.qemuSchemaDir())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                char[] src = SchemaText.decode(Files.readAllBytes(p), START);
                assertSameTokens(src, new Random(1), p.toString());
            }
        }
    }

    @Test
    void randomTextTokenizesAsTheGeneratedLexerDoes() {
        String alphabet = "{}[]:,'\\#\n\t\u000b\u000c\u001c \u00a0\u2003\u00e9\ud83d\ude00\u0001\u007fxtruefalse@-_Z9";
        Random random = new Random(20261125L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                if (random.nextInt(6) == 0) {
                    String[] words = {"true", "false", "'ab\\\\c'", "##", "# x", "'", "tru", "fals"};
                    text.append(words[random.nextInt(words.length)]);
                } else {
                    int at = random.nextInt(alphabet.length());
                    if (Character.isHighSurrogate(alphabet.charAt(at))) {
                        text.append(alphabet, at, at + 2);
                    } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                        text.append(alphabet.charAt(at));
                    }
                }
            }
            String src = SchemaText.normalizeNewlines(text.toString());
            assertSameTokens(src.toCharArray(), new Random(i), "random text " + i + ": " + src);
        }
    }

    /** Walks both tokenizers in step (skipping comments or not at random) and compares what they show. */
    private static void assertSameTokens(char[] src, Random skips, String what) {
        long seed = skips.nextLong();
        assertEquals(walk(Tokenizer.generatedLexerOnly(src, START), new Random(seed)),
                walk(new Tokenizer(src, START), new Random(seed)), what);
    }

    private static List<String> walk(Tokenizer tok, Random skips) {
        List<String> seen = new ArrayList<>();
        try {
            do {
                tok.accept(skips.nextInt(4) != 0);
                seen.add(tok.kind() + " " + tok.stringValue() + " " + (tok.kind() == Tokenizer.Kind.BOOL
                        ? tok.boolValue() : "") + " at " + tok.error("here").getMessage());
            } while (tok.kind() != Tokenizer.Kind.EOF);
        } catch (QapiError e) {
            seen.add("error " + e.getMessage());
        }
        return seen;
    }

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
