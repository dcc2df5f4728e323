package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.grammar.QapiLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Walks the tokens of one file the way QEMU's {@code accept()} does: one current token with its
 * kind, value and position; comments skipped unless asked for; lexical errors raised when the walk
 * reaches them, with QEMU's column rule (a tab does {@code col = (col + 7) % 8 + 1}).
 *
 * <p>The tokens are those of the ANTLR grammar {@code QapiLexer.g4}. The plain shapes that make up
 * nearly all of a real schema (comments, punctuation, ASCII white space, strings of printable ASCII,
 * {@code true}, {@code false}) are recognized by {@link PlainTokens} without the generated lexer,
 * which a fresh JVM would otherwise run interpreted over every character; at anything else the
 * generated lexer takes over for one token. Both give the same tokens ({@code TokenizerTest}).
 */
final class Tokenizer {
    /** Token kinds, as the parser distinguishes them. */
    enum Kind { LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA, STRING, BOOL, COMMENT, EOF }

    /** The file's text, as {@link SchemaText#decode} gives it (an array: cheap to scan interpreted). */
    private final char[] text;
    private final SourceInfo fileStart;
    /** Whether the plain-token fast path is used; off only to compare it with the generated lexer. */
    private final boolean plainFastPath;
    /** The generated lexer, made on first use: a valid schema may never need it. */
    private QapiLexer lexer;
    /** Whether {@link #text} has no surrogate pairs, so that char and code point indexes coincide. */
    private boolean bmpOnly;

    private Kind kind;
    private String stringValue;
    private boolean boolValue;
    /** Char index of the current token's first character. */
    private int pos;
    /** Char index where the next token's search starts. */
    private int next;
    private int line = 1;
    /** Char index of the current line's first character. */
    private int lineStart;
    /** Char index up to which line starts have been counted. */
    private int scanned;
    private SourceInfo lineInfo;

    Tokenizer(char[] text, SourceInfo fileStart) {
        this(text, fileStart, true);
    }

    /** A tokenizer that uses the generated lexer for every token, to check the fast path against. */
    static Tokenizer generatedLexerOnly(char[] text, SourceInfo fileStart) {
        return new Tokenizer(text, fileStart, false);
    }

    private Tokenizer(char[] text, SourceInfo fileStart, boolean plainFastPath) {
        this.text = text;
        this.fileStart = fileStart;
        this.lineInfo = fileStart;
        this.plainFastPath = plainFastPath;
    }

    Kind kind() {
        return kind;
    }

    String stringValue() {
        return stringValue;
    }

    boolean boolValue() {
        return boolValue;
    }

    /** The current token's line, as a location without definition context. */
    SourceInfo info() {
        return lineInfo;
    }

    /** Reads the next token, skipping plain comments when {@code skipComment} (doc comments never are). */
    void accept(boolean skipComment) {
        while (true) {
            int start = plainFastPath ? PlainTokens.skipSpace(text, next) : next;
            int type;
            int end;
            if (start == text.length) {
                type = Token.EOF;
                end = start;
            } else if (plainFastPath && (end = PlainTokens.end(text, start)) > start) {
                type = PlainTokens.type(text[start]);
            } else {
                Token t = generatedLexerToken(start);
                type = t.getType();
                if (type != Token.EOF) {
                    start = charIndex(t.getStartIndex());
                    end = charIndex(t.getStopIndex() + 1);
                } else {
                    start = end = text.length;
                }
            }
            if (type == Token.EOF) {
                // QEMU stops at the final newline of the text (there always is one), on the last line.
                moveTo(text.length - 1);
                next = text.length;
                kind = Kind.EOF;
                return;
            }
            moveTo(start);
            // No token holds a newline, so the lines are counted up to its end already.
            scanned = end;
            next = end;
            stringValue = null;
            switch (type) {
                case QapiLexer.COMMENT -> {
                    if (skipComment && !isDocComment(start, end)) {
                        continue;
                    }
                    kind = Kind.COMMENT;
                    stringValue = new String(text, start, end - start);
                }
                case QapiLexer.LBRACE -> kind = Kind.LBRACE;
                case QapiLexer.RBRACE -> kind = Kind.RBRACE;
                case QapiLexer.LBRACKET -> kind = Kind.LBRACKET;
                case QapiLexer.RBRACKET -> kind = Kind.RBRACKET;
                case QapiLexer.COLON -> kind = Kind.COLON;
                case QapiLexer.COMMA -> kind = Kind.COMMA;
                case QapiLexer.TRUE, QapiLexer.FALSE -> {
                    kind = Kind.BOOL;
                    boolValue = type == QapiLexer.TRUE;
                }
                case QapiLexer.STRING -> {
                    kind = Kind.STRING;
                    stringValue = PlainTokens.stringValue(text, start, end);
                }
                case QapiLexer.BAD_STRING -> throw badString(end);
                default -> throw stray(start);
            }
            return;
        }
    }

    /** Whether the comment {@code text[start, end)} starts with {@code ##}: opens or closes a doc block. */
    private boolean isDocComment(int start, int end) {
        return end - start >= 2 && text[start + 1] == '#';
    }

    /** The generated lexer's next token from char index {@code start}, white space skipped. */
    private Token generatedLexerToken(int start) {
        if (lexer == null) {
            lexer = new QapiLexer(CharStreams.fromString(new String(text)));
            lexer.removeErrorListeners();
            bmpOnly = Character.codePointCount(text, 0, text.length) == text.length;
        }
        lexer.getInputStream().seek(bmpOnly ? start : Character.codePointCount(text, 0, start));
        return lexer.nextToken();
    }

    /** The char index of the generated lexer's code point index {@code cpIndex}. */
    private int charIndex(int cpIndex) {
        return bmpOnly ? cpIndex : Character.offsetByCodePoints(text, 0, text.length, 0, cpIndex);
    }

    /** A parse error at the current token. */
    QapiError error(String message) {
        return QapiError.parse(lineInfo, column(pos), message);
    }

    /** A string that stopped before its closing quote, at char index {@code after}. */
    private QapiError badString(int after) {
        int ch = Character.codePointAt(text, after);
        if (ch == '\n') {
            return error("missing terminating \"'\"");
        }
        if (ch == '\\') {
            int escaped = Character.codePointAt(text, after + 1);
            if (escaped == '\n') {
                return error("missing terminating \"'\"");
            }
            return error("unknown escape \\" + new String(Character.toChars(escaped)));
        }
        return error("funny character in string");
    }

    private QapiError stray(int start) {
        int end = start;
        while (end < text.length) {
            int cp = Character.codePointAt(text, end);
            if ("[]{}:,'".indexOf(cp) >= 0 || SchemaText.isPythonSpace(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return error("stray '" + new String(text, start, end - start) + "'");
    }

    /** Advances the line bookkeeping to char index {@code index}. */
    private void moveTo(int index) {
        pos = index;
        if (index <= scanned) {
            return;
        }
        int newLines = 0;
        for (int i = scanned; i < index; i++) {
            if (text[i] == '\n') {
                newLines++;
                lineStart = i + 1;
            }
        }
        scanned = index;
        if (newLines > 0) {
            line += newLines;
            lineInfo = fileStart.nextLine(line - 1);
        }
    }

    /** QEMU's column of char index {@code index}: code points counted, tabs to the next multiple of 8. */
    private int column(int index) {
        int col = 1;
        for (int i = lineStart; i < index; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            col = cp == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }
}
