package dev.qapi.parser.syntax;

import dev.qapi.parser.grammar.QapiLexer;

/**
 * The tokens of {@code QapiLexer.g4} that are plain to see, recognized with a few character tests: a
 * comment, a punctuation character, {@code true}, {@code false}, and a string of printable ASCII with
 * {@code \\} as its only escape, closed on its line. For these the generated lexer would produce the
 * same token (its rules are the longest match, and none of them is longer here); everything else (a
 * bad string, a stray character, white space beyond ASCII) is left to it.
 */
final class PlainTokens {

    private PlainTokens() {
    }

    /** The index of the first character at or after {@code from} that is not ASCII white space. */
    static int skipSpace(char[] text, int from) {
        int i = from;
        int n = text.length;
        while (i < n && isAsciiSpace(text[i])) {
            i++;
        }
        return i;
    }

    /** NEWLINE and the ASCII part of WS in the grammar. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\u000B' || c == '\u000C' || c == '\r'
                || (c >= '\u001C' && c <= '\u001F');
    }

    /**
     * The end (exclusive index) of the plain token starting at {@code start}, or {@code start} when
     * the text there is not a plain token.
     */
    static int end(char[] text, int start) {
        switch (text[start]) {
            case '#' -> {
                int i = start + 1;
                while (i < text.length && text[i] != '\n') {
                    i++;
                }
                return i;
            }
            case '{', '}', '[', ']', ':', ',' -> {
                return start + 1;
            }
            case 't' -> {
                return startsWith(text, start, "true") ? start + 4 : start;
            }
            case 'f' -> {
                return startsWith(text, start, "false") ? start + 5 : start;
            }
            case '\'' -> {
                return stringEnd(text, start);
            }
            default -> {
                return start;
            }
        }
    }

    /** After the closing quote of the string opened at {@code start}, or {@code start} if it is not plain. */
    private static int stringEnd(char[] text, int start) {
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

    private static boolean startsWith(char[] text, int start, String word) {
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

    /** The grammar's token type of the plain token that starts with {@code first}. */
    static int type(char first) {
        return switch (first) {
            case '#' -> QapiLexer.COMMENT;
            case '{' -> QapiLexer.LBRACE;
            case '}' -> QapiLexer.RBRACE;
            case '[' -> QapiLexer.LBRACKET;
            case ']' -> QapiLexer.RBRACKET;
            case ':' -> QapiLexer.COLON;
            case ',' -> QapiLexer.COMMA;
            case 't' -> QapiLexer.TRUE;
            case 'f' -> QapiLexer.FALSE;
            case '\'' -> QapiLexer.STRING;
            default -> throw new IllegalArgumentException("not a plain token: " + first);
        };
    }

    /** The value of the STRING token {@code text[start, end)}: quotes removed, {@code \\} unescaped. */
    static String stringValue(char[] text, int start, int end) {
        String body = new String(text, start + 1, end - start - 2);
        return body.indexOf('\\') < 0 ? body : body.replace("\\\\", "\\");
    }
}
