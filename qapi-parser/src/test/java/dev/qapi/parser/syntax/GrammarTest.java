package dev.qapi.parser.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.parser.QapiError;
import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.grammar.QapiParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.junit.jupiter.api.Test;

/**
 * The grammar is LL(1): parsing any schema, valid or not, never needs ANTLR's adaptive prediction
 * (costly in a fresh JVM), and every point where a token can fail to fit has a QEMU message.
 */
class GrammarTest {

    /** A prediction engine that fails the test when the parser asks it anything. */
    private static final class NoPrediction extends ParserATNSimulator {
        NoPrediction(QapiParser parser) {
            super(parser, parser.getATN(), parser.getInterpreter().decisionToDFA, new PredictionContextCache());
        }

        @Override
        public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
            throw new AssertionError("adaptive prediction at decision " + decision);
        }
    }

    /** Builds the values and nothing else: the grammar on its own. */
    private static final class ValuesOnly implements QapiParser.Actions {
        private final FileText text;

        ValuesOnly(FileText text) {
            this.text = text;
        }

        @Override
        public void docBlockStart() {
        }

        @Override
        public void docBlock(QapiParser.DocBlockContext block) {
        }

        @Override
        public void expression(Token start, Object value) {
        }

        @Override
        public String key(Map<String, Object> members, Token key) {
            return text.stringValue(key);
        }

        @Override
        public String string(Token string) {
            return text.stringValue(string);
        }
    }

    @Test
    void everyCaseParsesWithoutAdaptivePrediction() throws IOException, URISyntaxException {
        Path cases = Path.of(GrammarTest.class.getResource("/cases").toURI());
        int syntaxErrors = 0;
        for (Path p : jsonFiles(cases)) {
            syntaxErrors += parse(p) ? 0 : 1;
        }
        assertTrue(syntaxErrors > 50, "case schemas with a syntax error: " + syntaxErrors);
    }

    @Test
    void qemuSchemaFilesParseWithoutAdaptivePrediction() throws IOException {
        for (Path p : jsonFiles(SharedMaterial.qemuSchemaDir())) {
            assertTrue(parse(p), p.toString());
        }
    }

    /** Parses one file on its own; false when it has a syntax or lexical error (a QapiError). */
    private static boolean parse(Path file) throws IOException {
        SourceInfo start = SourceInfo.startOf(file.toString(), null);
        FileText text;
        try {
            text = FileText.decode(Files.readAllBytes(file), start);
        } catch (QapiError invalidUtf8) {
            return false;
        }
        QapiParser parser = new QapiParser(new StreamedTokens(text.tokens()), new ValuesOnly(text));
        parser.setInterpreter(new NoPrediction(parser));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrors(text));
        parser.setErrorHandler(new QemuErrorStrategy());
        try {
            parser.schema();
            return true;
        } catch (QapiError e) {
            return false;
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
