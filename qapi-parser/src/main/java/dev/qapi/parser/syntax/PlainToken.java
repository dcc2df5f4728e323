package dev.qapi.parser.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * A token of {@link PlainTokens}: its text is cut from the file's char array when asked for, so that
 * the text need not be copied into a {@link CharStream} (a cost on every file) unless the generated
 * lexer is needed. It is the lexer's token reduced to what the parser uses, made with one
 * constructor call (a {@code CommonToken} asks its source for the line and column again).
 */
final class PlainToken implements Token {
    private final TokenSource source;
    private final char[] text;
    private final int type;
    private final int start;
    private final int stop;
    private final int line;
    private final int column;

    PlainToken(TokenSource source, char[] text, int type, int start, int stop, int line, int column) {
        this.source = source;
        this.text = text;
        this.type = type;
        this.start = start;
        this.stop = stop;
        this.line = line;
        this.column = column;
    }

    @Override
    public String getText() {
        if (type == Token.EOF) {
            return "<EOF>";
        }
        return new String(text, start, stop - start + 1);
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public int getChannel() {
        return Token.DEFAULT_CHANNEL;
    }

    @Override
    public int getTokenIndex() {
        // Not counted: the parser's token stream does not buffer tokens.
        return -1;
    }

    @Override
    public int getStartIndex() {
        return start;
    }

    @Override
    public int getStopIndex() {
        return stop;
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public CharStream getInputStream() {
        return source.getInputStream();
    }

    @Override
    public String toString() {
        return "[@" + start + ":" + stop + "='" + getText() + "',<" + type + ">," + line + ":" + column + "]";
    }
}
