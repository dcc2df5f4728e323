package dev.qapi.parser.syntax;

import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The parser's view of the tokens: the next one and the one before it, read from the source as the
 * parser consumes them. The grammar is LL(1) and its parser never rewinds, so nothing is buffered,
 * unlike ANTLR's {@code BufferedTokenStream}, which keeps every token of the file in a list behind
 * three layers of calls per token. Asking for anything else is a bug, and fails.
 */
final class StreamedTokens implements TokenStream {
    private final TokenSource source;
    private Token previous;
    private Token next;
    private int index;

    StreamedTokens(TokenSource source) {
        this.source = source;
        this.next = source.nextToken();
    }

    @Override
    public Token LT(int k) {
        if (k == 1) {
            return next;
        }
        if (k == -1) {
            return previous;
        }
        throw new UnsupportedOperationException("lookahead " + k + " in an LL(1) parse");
    }

    @Override
    public int LA(int i) {
        return i == 1 ? next.getType() : LT(i).getType();
    }

    @Override
    public void consume() {
        if (next.getType() == IntStream.EOF) {
            throw new IllegalStateException("cannot consume EOF");
        }
        previous = next;
        next = source.nextToken();
        index++;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // Nothing is kept for a mark.
    }

    @Override
    public void seek(int index) {
        // The parser seeks to the start once, when it is given the stream.
        if (index != this.index) {
            throw new UnsupportedOperationException("seek to " + index + " in an LL(1) parse at " + this.index);
        }
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("the size of a streamed token source");
    }

    @Override
    public String getSourceName() {
        return source.getSourceName();
    }

    @Override
    public Token get(int index) {
        throw new UnsupportedOperationException("token " + index + " of a streamed token source");
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public String getText(Interval interval) {
        throw new UnsupportedOperationException("text of a streamed token source");
    }

    @Override
    public String getText() {
        throw new UnsupportedOperationException("text of a streamed token source");
    }

    @Override
    public String getText(RuleContext ctx) {
        throw new UnsupportedOperationException("text of a streamed token source");
    }

    @Override
    public String getText(Token start, Token stop) {
        throw new UnsupportedOperationException("text of a streamed token source");
    }
}
