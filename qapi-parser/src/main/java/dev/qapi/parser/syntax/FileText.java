package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.grammar.QapiLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * One schema file's text (as {@link SchemaText#decode} gives it) and what a token means in it: its
 * line as a {@link SourceInfo}, QEMU's column, a string's value, and the message of a lexical error.
 */
final class FileText {
    private final char[] text;
    private final SourceInfo fileStart;
    /** Whether the text has no surrogate pairs, so that the lexer's code point indexes are char indexes. */
    private final boolean bmpOnly;
    private SourceInfo lastInfo;

    private FileText(char[] text, SourceInfo fileStart, boolean bmpOnly) {
        this.text = text;
        this.fileStart = fileStart;
        this.lastInfo = fileStart;
        this.bmpOnly = bmpOnly;
    }

    /**
     * The text of a file's bytes, decoded and normalized as {@link SchemaText#decode} does.
     *
     * @throws QapiError at the first byte that is not valid UTF-8
     */
    static FileText decode(byte[] bytes, SourceInfo fileStart) {
        char[] ascii = SchemaText.decodeAscii(bytes);
        if (ascii != null) {
            return new FileText(ascii, fileStart, true);
        }
        char[] text = SchemaText.decodeUtf8(bytes, fileStart).toCharArray();
        boolean bmpOnly = true;
        for (char c : text) {
            if (Character.isSurrogate(c)) {
                bmpOnly = false;
                break;
            }
        }
        return new FileText(text, fileStart, bmpOnly);
    }

    /** The tokens of the text, for the parser. */
    TokenSource tokens() {
        return new PlainTokens(text, bmpOnly);
    }

    /** Line {@code line} of this file, without definition context. */
    SourceInfo lineInfo(int line) {
        // Tokens arrive in order: one SourceInfo per line, not one per token.
        if (lastInfo.line() != line) {
            lastInfo = fileStart.nextLine(line - 1);
        }
        return lastInfo;
    }

    /** The line of token {@code t}; QEMU puts the end of the file on the last line. */
    SourceInfo lineInfo(Token t) {
        return lineInfo(t.getType() == Token.EOF ? t.getLine() - 1 : t.getLine());
    }

    /** A parse error at token {@code t}, at QEMU's line and column. */
    QapiError error(Token t, String message) {
        return QapiError.parse(lineInfo(t), column(charIndex(t)), message);
    }

    /** The value of a STRING token: quotes removed, {@code \\} unescaped. */
    String stringValue(Token t) {
        // Cut from the text at once, not from the token's text (a copy of its own) as a substring.
        String body = bmpOnly
                ? new String(text, t.getStartIndex() + 1, t.getStopIndex() - t.getStartIndex() - 1)
                : t.getText().substring(1, t.getText().length() - 1);
        return body.indexOf('\\') < 0 ? body : body.replace("\\\\", "\\");
    }

    /** Whether {@code t} is one of the grammar's error tokens, which QEMU's lexer rejects. */
    static boolean isLexicalError(Token t) {
        return t.getType() == QapiLexer.STRAY || t.getType() == QapiLexer.BAD_STRING;
    }

    /** QEMU's lexical error for an error token. */
    QapiError lexicalError(Token t) {
        return t.getType() == QapiLexer.BAD_STRING ? badString(t) : stray(t);
    }

    /** A string that stopped before its closing quote; the character after it tells why. */
    private QapiError badString(Token t) {
        int after = charIndex(t) + t.getText().length();
        int ch = Character.codePointAt(text, after);
        if (ch == '\n') {
            return error(t, "missing terminating \"'\"");
        }
        if (ch == '\\') {
            int escaped = Character.codePointAt(text, after + 1);
            if (escaped == '\n') {
                return error(t, "missing terminating \"'\"");
            }
            return error(t, "unknown escape \\" + new String(Character.toChars(escaped)));
        }
        return error(t, "funny character in string");
    }

    /** A character no token starts with; QEMU shows it up to the next structural, space or quote character. */
    private QapiError stray(Token t) {
        int start = charIndex(t);
        int end = start;
        while (end < text.length) {
            int cp = Character.codePointAt(text, end);
            if ("[]{}:,'".indexOf(cp) >= 0 || SchemaText.isPythonSpace(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return error(t, "stray '" + new String(text, start, end - start) + "'");
    }

    /** The char index of token {@code t}'s first character; the end of the file is at its final newline. */
    private int charIndex(Token t) {
        if (t.getType() == Token.EOF) {
            return text.length - 1;
        }
        int cp = t.getStartIndex();
        return bmpOnly ? cp : Character.offsetByCodePoints(text, 0, text.length, 0, cp);
    }

    /** QEMU's column of char index {@code index}: code points counted, tabs to the next multiple of 8. */
    private int column(int index) {
        int lineStart = index;
        while (lineStart > 0 && text[lineStart - 1] != '\n') {
            lineStart--;
        }
        int col = 1;
        for (int i = lineStart; i < index; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            col = cp == '\t' ? (col + 7) % 8 + 1 : col + 1;
        }
        return col;
    }
}
