package dev.qapi.parser.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first token that does not fit, as QEMU's parser does, and reports it to the parser's
 * error listeners ({@link SyntaxErrors}) with the state it was met in; never recovers. Unlike ANTLR's
 * default, the check before each decision reports a token that fits none of its alternatives there,
 * so that the expected set is the decision's (QEMU's "expected string or '}'" after '{'), not the
 * set of whatever is matched after the decision.
 */
final class QemuErrorStrategy extends DefaultErrorStrategy {

    @Override
    public void sync(Parser recognizer) {
        ATNState s = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int la = recognizer.getInputStream().LA(1);
        if (!recognizer.getATN().nextTokens(s).contains(la)) {
            fail(recognizer, new InputMismatchException(recognizer));
        }
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
        // Marks the parse as failing for listeners that see the rules' exits on the way out.
        beginErrorCondition(recognizer);
        recognizer.notifyErrorListeners(e.getOffendingToken(), "", e);
        throw new ParseCancellationException(e);
    }
}
