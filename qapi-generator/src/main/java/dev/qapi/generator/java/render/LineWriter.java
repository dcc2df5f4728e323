package dev.qapi.generator.java.render;

/**
 * The file's text as JavaPoet's {@code CodeWriter} lays it out: indentation written lazily (so blank lines
 * have none), the {@code " * "} and {@code "// "} prefixes of Javadoc and comment lines ({@code " *"} and
 * {@code "//"} on blank ones), statement continuation lines indented two more levels, line breaks
 * normalized to {@code \n}; wrapping is {@link ColumnWrapper}'s.
 */
final class LineWriter implements CodeOutput {
    private final ColumnWrapper out;
    private int indentLevel;
    private boolean javadoc;
    private boolean comment;
    /** Whether the last thing written ended a line (so the next text starts one). */
    private boolean trailingNewline;
    /** -1 outside a statement, else the number of lines of the statement ended so far. */
    private int statementLine = -1;

    /**
     * @param buffer where to start writing (grown as needed)
     * @param indent one level of indentation
     */
    LineWriter(char[] buffer, String indent) {
        this.out = new ColumnWrapper(buffer, indent);
    }

    @Override
    public void text(String s) {
        int n = s.length();
        int start = 0;
        boolean first = true;
        while (true) {
            if (!first) {
                lineBreak();
            }
            first = false;
            if (start == n) {
                return;
            }
            char c = s.charAt(start);
            if (!isLineBreak(c)) {
                if (trailingNewline) {
                    out.appendIndent(indentLevel);
                    if (javadoc) {
                        out.append(" * ");
                    } else if (comment) {
                        out.append("// ");
                    }
                }
                start += line(s, start, n);
                trailingNewline = false;
                if (start == n) {
                    return;
                }
                c = s.charAt(start);
            }
            start += c == '\r' && start + 1 < n && s.charAt(start + 1) == '\n' ? 2 : 1;
        }
    }

    /**
     * Writes the line of {@code s} from {@code start} (up to the next line terminator or {@code n}),
     * returning its length. The text up to the next {@code \n} is copied into the buffer and searched
     * there for the other terminators, which are rare.
     */
    private int line(String s, int start, int n) {
        int newline = s.indexOf('\n', start);
        int candidate = (newline < 0 ? n : newline) - start;
        int at = out.reserve(candidate);
        char[] buffer = out.buffer();
        s.getChars(start, start + candidate, buffer, at);
        int length = candidate;
        for (int i = at, end = at + candidate; i < end; i++) {
            char c = buffer[i];
            if ((c <= '\r' || c >= '\u0085') && isLineBreak(c)) {
                length = i - at;
                break;
            }
        }
        out.commit(length);
        return length;
    }

    /** Whether {@code c} is one of the line terminators of the regular expression {@code \R} (which JavaPoet splits with). */
    private static boolean isLineBreak(char c) {
        return c <= '\r' ? c >= '\n' : c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private void lineBreak() {
        if ((javadoc || comment) && trailingNewline) {
            out.appendIndent(indentLevel);
            out.append(javadoc ? " *" : "//");
        }
        out.newline();
        trailingNewline = true;
        if (statementLine != -1) {
            if (statementLine == 0) {
                indentLevel += 2;
            }
            statementLine++;
        }
    }

    @Override
    public void indent(int levels) {
        indentLevel += levels;
    }

    @Override
    public void unindent(int levels) {
        if (indentLevel - levels < 0) {
            throw new IllegalArgumentException("cannot unindent " + levels + " from " + indentLevel);
        }
        indentLevel -= levels;
    }

    @Override
    public void wrappingSpace() {
        out.wrappingSpace(indentLevel + 2);
    }

    @Override
    public void zeroWidthSpace() {
        out.zeroWidthSpace(indentLevel + 2);
    }

    @Override
    public void beginStatement() {
        if (statementLine != -1) {
            throw new IllegalStateException("statement enter $[ followed by statement enter $[");
        }
        statementLine = 0;
    }

    @Override
    public void endStatement() {
        if (statementLine == -1) {
            throw new IllegalStateException("statement exit $] has no matching statement enter $[");
        }
        if (statementLine > 0) {
            unindent(2);
        }
        statementLine = -1;
    }

    @Override
    public int suspendStatement() {
        int state = statementLine;
        statementLine = -1;
        return state;
    }

    @Override
    public void resumeStatement(int state) {
        statementLine = state;
    }

    @Override
    public void javadoc(boolean on) {
        javadoc = on;
    }

    @Override
    public void comment(boolean on) {
        if (on) {
            trailingNewline = true;
        }
        comment = on;
    }

    @Override
    public char lastChar() {
        return out.lastChar();
    }

    /** The text written. */
    String finish() {
        return out.finish();
    }

    /** The buffer as it has grown, for writing the next file into. */
    char[] buffer() {
        return out.buffer();
    }
}
