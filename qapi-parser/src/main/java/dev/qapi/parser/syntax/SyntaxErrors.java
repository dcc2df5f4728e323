package dev.qapi.parser.syntax;

import dev.qapi.parser.grammar.QapiParser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parser's first mismatch into QEMU's error, thrown as a {@link dev.qapi.parser.QapiError}:
 * an error token (stray character, bad string) gets QEMU's lexical message; any other token the
 * message QEMU gives at that point of its parser, which the rule and what it has matched so far tell
 * (the values the rule has built, its labelled tokens; with a bail-out strategy, an optional part or loop that the token does not start is passed over,
 * and the mismatch surfaces at the token that closes the rule).
 */
final class SyntaxErrors extends BaseErrorListener {
    private static final String VALUE = "expected '{', '[', string, or boolean";

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
        throw text.error(t, message(e.getCtx()));
    }

    /** QEMU's message for a token that does not fit in rule context {@code ctx}. */
    static String message(RuleContext ctx) {
        if (ctx instanceof QapiParser.SchemaContext || ctx instanceof QapiParser.ValueContext) {
            // A top-level expression or a value expected.
            return VALUE;
        }
        if (ctx instanceof QapiParser.ObjectContext object) {
            // The closing '}' did not come: after '{' or after a member.
            return object.members.isEmpty() ? "expected string or '}'" : "expected ',' or '}'";
        }
        if (ctx instanceof QapiParser.MemberContext member) {
            return member.key == null ? "expected string" : "expected ':'";
        }
        if (ctx instanceof QapiParser.ArrayContext array) {
            return array.elements.isEmpty() ? "expected '{', '[', ']', string, or boolean" : "expected ',' or ']'";
        }
        if (ctx instanceof QapiParser.DocBlockContext) {
            return "documentation comment must end with '##'";
        }
        throw new IllegalStateException("no QEMU message in rule " + ctx.getClass().getSimpleName());
    }
}
