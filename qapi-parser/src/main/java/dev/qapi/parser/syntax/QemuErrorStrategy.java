package dev.qapi.parser.syntax;

import dev.qapi.parser.grammar.QapiParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first token that does not fit, as QEMU's parser does, and reports it to the parser's
 * error listeners ({@link SyntaxErrors}) with the state it was met in; never recovers. Unlike ANTLR's
 * default, the check before each decision reports a token that fits none of its alternatives there,
 * so that the expected set is the decision's (QEMU's "expected string or '}'" after '{'), not the
 * set of whatever is matched after the decision.
 */
final class QemuErrorStrategy extends DefaultErrorStrategy {
    /**
     * For each ATN state of the grammar, the token types that may come next within its rule, as a
     * bit mask (bit 63 for EOF; all bits where the rule may end, as the follow set is the caller's):
     * the check before every decision is a mask test, not a set lookup.
     */
    private static final long[] NEXT = nextTokenMasks(QapiParser._ATN);

    @Override
    public void sync(Parser recognizer) {
        int la = recognizer.getInputStream().LA(1);
        if ((NEXT[recognizer.getState()] & bit(la)) == 0) {
            fail(recognizer, new InputMismatchException(recognizer));
        }
    }

    private static long[] nextTokenMasks(ATN atn) {
        long[] masks = new long[atn.states.size()];
        for (ATNState s : atn.states) {
            if (s == null) {
                continue;
            }
            IntervalSet next = atn.nextTokens(s);
            long mask = next.contains(Token.EPSILON) ? -1L : 0L;
            for (int type : next.toArray()) {
                if (type != Token.EPSILON) {
                    mask |= bit(type);
                }
            }
            masks[s.stateNumber] = mask;
        }
        return masks;
    }

    /** The mask bit of token type {@code type}: the grammar has fewer than 63 token types. */
    private static long bit(int type) {
        return 1L << (type & 63);
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
