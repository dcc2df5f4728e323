package dev.qapi.parser.syntax;

import dev.qapi.parser.grammar.QapiLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the parser's first mismatch into QEMU's error, thrown as a {@link dev.qapi.parser.QapiError}:
 * an error token (stray character, bad string) gets QEMU's lexical message; any other token the
 * message QEMU gives at that point of its parser, found from the set of tokens the grammar expected.
 */
final class SyntaxErrors extends BaseErrorListener {
    private static final IntervalSet VALUE = IntervalSet.of(QapiLexer.LBRACE);
    private static final IntervalSet TOP_LEVEL = new IntervalSet();
    private static final IntervalSet ARRAY_START = new IntervalSet();
    private static final IntervalSet MEMBERS_START = IntervalSet.of(QapiLexer.STRING);
    private static final IntervalSet AFTER_MEMBER = IntervalSet.of(QapiLexer.COMMA);
    private static final IntervalSet AFTER_ELEMENT = IntervalSet.of(QapiLexer.COMMA);
    private static final IntervalSet DOC_BLOCK = IntervalSet.of(QapiLexer.DOC_END);

    static {
        VALUE.add(QapiLexer.LBRACKET);
        VALUE.add(QapiLexer.STRING);
        VALUE.add(QapiLexer.TRUE);
        VALUE.add(QapiLexer.FALSE);
        TOP_LEVEL.addAll(VALUE);
        TOP_LEVEL.add(QapiLexer.DOC_START);
        TOP_LEVEL.add(Token.EOF);
        ARRAY_START.addAll(VALUE);
        ARRAY_START.add(QapiLexer.RBRACKET);
        MEMBERS_START.add(QapiLexer.RBRACE);
        AFTER_MEMBER.add(QapiLexer.RBRACE);
        AFTER_ELEMENT.add(QapiLexer.RBRACKET);
        DOC_BLOCK.add(QapiLexer.DOC_LINE);
    }

    private final FileText text;

    SyntaxErrors(FileText text) {
        this.text = text;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
            int charPositionInLine, String msg, RecognitionException e) {
        Token t = (Token) offendingSymbol;
        if (FileText.isLexicalError(t)) {
            throw text.lexicalError(t);
        }
        throw text.error(t, message(e.getExpectedTokens()));
    }

    /** QEMU's message where the grammar expected {@code expected}. */
    static String message(IntervalSet expected) {
        if (expected.equals(VALUE) || expected.equals(TOP_LEVEL)) {
            return "expected '{', '[', string, or boolean";
        }
        if (expected.equals(ARRAY_START)) {
            return "expected '{', '[', ']', string, or boolean";
        }
        if (expected.equals(MEMBERS_START)) {
            return "expected string or '}'";
        }
        if (expected.equals(AFTER_MEMBER)) {
            return "expected ',' or '}'";
        }
        if (expected.equals(AFTER_ELEMENT)) {
            return "expected ',' or ']'";
        }
        if (expected.equals(DOC_BLOCK)) {
            return "documentation comment must end with '##'";
        }
        if (expected.size() == 1 && expected.contains(QapiLexer.STRING)) {
            return "expected string";
        }
        if (expected.size() == 1 && expected.contains(QapiLexer.COLON)) {
            return "expected ':'";
        }
        throw new IllegalStateException("no QEMU message for expected tokens " + expected);
    }
}
