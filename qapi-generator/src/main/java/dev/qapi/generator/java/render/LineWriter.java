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
     * @param indent one level of indentation
     */
    LineWriter(StringBuilder text, String indent) {
        this.out = new ColumnWrapper(text, indent);
    }

    @Override
    public void text(String s) {
        int n = s.length();
        int start = 0;
        boolean first = true;
        while (true) {
            int end = start;
            while (end < n && !isLineBreak(s.charAt(end))) {
                end++;
            }
            if (!first) {
                lineBreak();
            }
            first = false;
            if (end > start) {
                if (trailingNewline) {
                    out.appendIndent(indentLevel);
                    if (javadoc) {
                        out.append(" * ");
                    } else if (comment) {
                        out.append("// ");
                    }
                }
                out.append(s, start, end);
                trailingNewline = false;
            }
            if (end == n) {
                return;
            }
            start = end + (s.charAt(end) == '\r' && end + 1 < n && s.charAt(end + 1) == '\n' ? 2 : 1);
        }
    }

    /** The line terminators of the regular expression {@code \R}. */
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
}
