package dev.qapi.parser.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first token that does not fit, as QEMU's parser does, and reports it to the parser's
 * error listeners ({@link SyntaxErrors}) with the rule context it was met in; never recovers, and
 * checks nothing ahead of the generated code's own tests of the next token (as ANTLR's
 * {@code BailErrorStrategy}), so that a valid file costs no error handling at all.
 */
final class QemuErrorStrategy extends DefaultErrorStrategy {

    @Override
    public void sync(Parser recognizer) {
        // The decision that follows tests the token; a mismatch surfaces there or at the next match.
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw fail(recognizer, new InputMismatchException(recognizer));
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw fail(recognizer, e);
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        // Reported by recover, which the generated code calls next.
    }

    /** Hands the error to the listeners (which throw QEMU's error); stops the parse if none does. */
    private ParseCancellationException fail(Parser recognizer, RecognitionException e) {
        recognizer.notifyErrorListeners(e.getOffendingToken(), "", e);
        throw new ParseCancellationException(e);
    }
}
