package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.grammar.QapiLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Walks the ANTLR token stream of one file the way QEMU's {@code accept()} does: one current token
 * with its kind, value and position; comments skipped unless asked for; lexical errors raised when the
 * walk reaches them, with QEMU's column rule (a tab does {@code col = (col + 7) % 8 + 1}).
 */
final class Tokenizer {
    /** Token kinds, as the parser distinguishes them. */
    enum Kind { LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA, STRING, BOOL, COMMENT, EOF }

    private final String src;
    private final QapiLexer lexer;
    private final SourceInfo fileStart;

    private Kind kind;
    private String stringValue;
    private boolean boolValue;
    /** Code point index of the current token's first character. */
    private int pos;
    private int line = 1;
    /** Code point index of the current line's first character. */
    private int lineStart;
    /** Code point index up to which line starts have been counted. */
    private int scanned;
    /** The char index matching {@link #scanned}. */
    private int scannedChar;
    private SourceInfo lineInfo;

    Tokenizer(String src, SourceInfo fileStart) {
        this.src = src;
        this.fileStart = fileStart;
        this.lineInfo = fileStart;
        this.lexer = new QapiLexer(CharStreams.fromString(src));
        this.lexer.removeErrorListeners();
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
            Token t = lexer.nextToken();
            int type = t.getType();
            if (type == Token.EOF) {
                // QEMU stops at the final newline of the text, on the last line.
                moveTo(src.codePointCount(0, src.length()) - 1);
                kind = Kind.EOF;
                return;
            }
            moveTo(t.getStartIndex());
            stringValue = null;
            switch (type) {
                case QapiLexer.COMMENT -> {
                    String text = t.getText();
                    if (skipComment && !text.startsWith("##")) {
                        continue;
                    }
                    kind = Kind.COMMENT;
                    stringValue = text;
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
                    String text = t.getText();
                    stringValue = text.substring(1, text.length() - 1).replace("\\\\", "\\");
                }
                case QapiLexer.BAD_STRING -> throw badString(t);
                default -> throw stray(t);
            }
            return;
        }
    }

    /** A parse error at the current token. */
    QapiError error(String message) {
        return QapiError.parse(lineInfo, column(pos), message);
    }

    private QapiError badString(Token t) {
        int after = t.getStopIndex() + 1;
        int ch = codePointAt(after);
        if (ch == '\n') {
            return error("missing terminating \"'\"");
        }
        if (ch == '\\') {
            int escaped = codePointAt(after + 1);
            if (escaped == '\n') {
                return error("missing terminating \"'\"");
            }
            return error("unknown escape \\" + new String(Character.toChars(escaped)));
        }
        return error("funny character in string");
    }

    private QapiError stray(Token t) {
        int start = src.offsetByCodePoints(0, t.getStartIndex());
        int end = start;
        while (end < src.length()) {
            int cp = src.codePointAt(end);
            if ("[]{}:,'".indexOf(cp) >= 0 || SchemaText.isPythonSpace(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return error("stray '" + src.substring(start, end) + "'");
    }

    private int codePointAt(int cpIndex) {
        return src.codePointAt(src.offsetByCodePoints(0, cpIndex));
    }

    /** Advances the line bookkeeping to code point index {@code index}. */
    private void moveTo(int index) {
        pos = index;
        if (index <= scanned) {
            return;
        }
        int newLines = 0;
        int charIndex = scannedChar;
        for (int i = scanned; i < index; i++) {
            int cp = src.codePointAt(charIndex);
            charIndex += Character.charCount(cp);
            if (cp == '\n') {
                newLines++;
                lineStart = i + 1;
            }
        }
        scanned = index;
        scannedChar = charIndex;
        if (newLines > 0) {
            line += newLines;
            lineInfo = fileStart.nextLine(line - 1);
        }
    }

    private int column(int index) {
        int col = 1;
        int charIndex = src.offsetByCodePoints(0, lineStart);
        for (int i = lineStart; i < index; i++) {
            int cp = src.codePointAt(charIndex);
            charIndex += Character.charCount(cp);
            col = cp == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }
}
