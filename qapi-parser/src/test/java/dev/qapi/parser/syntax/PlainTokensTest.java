package dev.qapi.parser.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.parser.QapiError;
import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.grammar.QapiLexer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written token source ({@link PlainTokens}) gives exactly the tokens of the generated
 * lexer ({@code QapiLexer.g4}): type, text, indexes, line and column, on every case schema, on
 * QEMU's schema files, and on random text made of the characters that matter to the grammar.
 */
class PlainTokensTest {
    private static final SourceInfo START = SourceInfo.startOf("t.json", null);

    @Test
    void caseSchemasTokenizeAsTheGeneratedLexerDoes() throws IOException, URISyntaxException {
        Path cases = Path.of(PlainTokensTest.class.getResource("/cases").toURI());
        int files = 0;
        try (Stream<Path> walk = Files.walk(cases)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                char[] src;
                try {
                    src = SchemaText.decode(Files.readAllBytes(p), START);
                } catch (QapiError invalidUtf8) {
                    continue;
                }
                assertSameTokens(src, p.toString());
                files++;
            }
        }
        assertTrue(files > 500, "case schemas: " + files);
    }

    @Test
    void qemuSchemaFilesTokenizeAsTheGeneratedLexerDoes() throws IOException {
        try (Stream<Path> walk = Files.list(SharedMaterial.qemuSchemaDir())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                assertSameTokens(SchemaText.decode(Files.readAllBytes(p), START), p.toString());
            }
        }
    }

    @Test
    void randomTextTokenizesAsTheGeneratedLexerDoes() {
        String alphabet = "{}[]:,'\\#\n\t\u000b\u000c\u001c \u00a0\u2003\u00e9\ud83d\ude00\u0001\u007fxtruefalse@-_Z9";
        String[] words = {"true", "false", "'ab\\\\c'", "##", "# x", "'", "tru", "fals", "\n##\n", "\u00a0##"};
        Random random = new Random(20261125L);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                if (random.nextInt(6) == 0) {
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
            assertSameTokens(src.toCharArray(), "random text " + i + ": " + src);
        }
    }

    private static void assertSameTokens(char[] src, String what) {
        QapiLexer lexer = new QapiLexer(CharStreams.fromString(new String(src)));
        lexer.removeErrorListeners();
        boolean bmpOnly = new String(src).codePointCount(0, src.length) == src.length;
        assertEquals(tokens(lexer), tokens(new PlainTokens(src, bmpOnly)), what);
    }

    private static List<String> tokens(TokenSource source) {
        List<String> seen = new ArrayList<>();
        Token t;
        do {
            t = source.nextToken();
            seen.add(t.getType() + " " + t.getText() + " " + t.getStartIndex() + ".." + t.getStopIndex()
                    + " " + t.getLine() + ":" + t.getCharPositionInLine() + " ch" + t.getChannel());
        } while (t.getType() != Token.EOF);
        return seen;
    }
}
