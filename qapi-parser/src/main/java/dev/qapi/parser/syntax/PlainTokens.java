package dev.qapi.parser.syntax;

import dev.qapi.parser.grammar.QapiLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The tokens of {@code QapiLexer.g4} for the parser, the plain ones recognized with a few character
 * tests: ASCII white space, comments, punctuation, {@code true}, {@code false} and strings of
 * printable ASCII, which make up nearly all of a real schema. At anything else (a bad string, a
 * stray character, white space beyond ASCII, a token other than a comment inside a documentation
 * block) the generated lexer takes over for one token; text with characters beyond the BMP is left
 * to it whole. In a fresh JVM the generated lexer runs interpreted over every character, which costs
 * a cold {@code qapi-gen check} of QEMU's schema more than the rest of the parse (see the README).
 * {@code PlainTokensTest} proves both give the same tokens: type, text, indexes, line and column.
 */
final class PlainTokens implements TokenSource {
    private final char[] text;
    /** The text as the generated lexer reads it, made on first use. */
    private CharStream input;
    /** Whether the text has no surrogates, so that char indexes are the lexer's code point indexes. */
    private final boolean bmpOnly;
    /** The generated lexer, made on first use: a valid schema may never need it. */
    private QapiLexer lexer;
    private int index;
    private int line = 1;
    private int column;
    private boolean docMode;

    PlainTokens(char[] text, boolean bmpOnly) {
        this.text = text;
        this.bmpOnly = bmpOnly;
    }

    @Override
    public Token nextToken() {
        if (!bmpOnly) {
            return generatedLexerToken();
        }
        while (true) {
            skipAsciiSpace();
            int start = index;
            if (start == text.length) {
                return token(Token.EOF, start, start - 1);
            }
            char c = text[start];
            int type;
            int end;
            if (c == '#') {
                end = lineEnd(start);
                if (end - start >= 2 && text[start + 1] == '#') {
                    type = docMode ? QapiLexer.DOC_END : QapiLexer.DOC_START;
                    docMode = !docMode;
                } else if (docMode) {
                    type = QapiLexer.DOC_LINE;
                } else {
                    column += end - start;
                    index = end;
                    continue;
                }
            } else if (docMode) {
                return generatedLexerToken();
            } else {
                type = type(c);
                end = type == Token.INVALID_TYPE ? start : end(c, start);
                if (end == start) {
                    return generatedLexerToken();
                }
            }
            Token t = token(type, start, end - 1);
            column += end - start;
            index = end;
            return t;
        }
    }

    private void skipAsciiSpace() {
        while (index < text.length) {
            char c = text[index];
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\u000C' || c == '\r'
                    || (c >= '\u001C' && c <= '\u001F')) {
                column++;
            } else {
                return;
            }
            index++;
        }
    }

    private int lineEnd(int start) {
        int i = start + 1;
        while (i < text.length && text[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The type of the plain token that would start with {@code c}, or INVALID_TYPE. */
    private static int type(char c) {
        return switch (c) {
            case '{' -> QapiLexer.LBRACE;
            case '}' -> QapiLexer.RBRACE;
            case '[' -> QapiLexer.LBRACKET;
            case ']' -> QapiLexer.RBRACKET;
            case ':' -> QapiLexer.COLON;
            case ',' -> QapiLexer.COMMA;
            case 't' -> QapiLexer.TRUE;
            case 'f' -> QapiLexer.FALSE;
            case '\'' -> QapiLexer.STRING;
            default -> Token.INVALID_TYPE;
        };
    }

    /** The end (exclusive) of the plain token starting with {@code c} at {@code start}, or {@code start}. */
    private int end(char c, int start) {
        return switch (c) {
            case 't' -> startsWith(start, "true") ? start + 4 : start;
            case 'f' -> startsWith(start, "false") ? start + 5 : start;
            case '\'' -> stringEnd(start);
            default -> start + 1;
        };
    }

    /** After the closing quote of the string opened at {@code start}, or {@code start} if it is not plain. */
    private int stringEnd(int start) {
        int n = text.length;
        int i = start + 1;
        while (i < n) {
            char c = text[i];
            if (c == '\'') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 < n && text[i + 1] == '\\') {
                    i += 2;
                    continue;
                }
                return start;
            }
            if (c < 0x20 || c > 0x7E) {
                return start;
            }
            i++;
        }
        return start;
    }

    private boolean startsWith(int start, String word) {
        if (start + word.length() > text.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private Token token(int type, int start, int stop) {
        return new PlainToken(this, text, type, start, stop, line, column);
    }

    /** The generated lexer's next token from here, in the current mode; this source follows it. */
    private Token generatedLexerToken() {
        if (lexer == null) {
            lexer = new QapiLexer(getInputStream());
            lexer.removeErrorListeners();
        }
        input.seek(index);
        lexer.setLine(line);
        lexer.setCharPositionInLine(column);
        // The mode, and the stack that DOC_END pops back to the default mode.
        lexer._modeStack.clear();
        lexer.mode(QapiLexer.DEFAULT_MODE);
        if (docMode) {
            lexer.pushMode(QapiLexer.DOC);
        }
        Token t = lexer.nextToken();
        index = input.index();
        line = lexer.getLine();
        column = lexer.getCharPositionInLine();
        docMode = lexer._mode == QapiLexer.DOC;
        return t;
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
    public CharStream getInputStream() {
        if (input == null) {
            input = CharStreams.fromString(new String(text));
        }
        return input;
    }

    @Override
    public String getSourceName() {
        return getInputStream().getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("tokens are CommonTokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
