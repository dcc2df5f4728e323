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
    /** In the string being written, where the next line terminator other than {@code \n} is ({@code n} if none), or -1. */
    private int rareBreak = -1;
    /** -1 outside a statement, else the number of lines of the statement ended so far. */
    private int statementLine = -1;

    /**
     * @param buffer where to start writing (grown as needed)
     */
    LineWriter(char[] buffer, Indentation indentation) {
        this.out = new ColumnWrapper(buffer, indentation);
    }

    @Override
    public void text(String s) {
        int n = s.length();
        rareBreak = -1;
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

    /** Lines this short are copied and searched for terminators in one loop; longer ones with intrinsics. */
    private static final int SHORT = 24;

    /**
     * Writes the line of {@code s} from {@code start} (up to the next line terminator or {@code n}),
     * returning its length.
     */
    private int line(String s, int start, int n) {
        if (n - start <= SHORT) {
            int at = out.reserve(n - start);
            char[] buffer = out.buffer();
            int i = start;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if ((c <= '\r' || c >= '\u0085') && isLineBreak(c)) {
                    break;
                }
                buffer[at++] = c;
            }
            out.commit(i - start);
            return i - start;
        }
        int end = s.indexOf('\n', start);
        if (end < 0) {
            end = n;
        }
        if (rareBreak < start) {
            rareBreak = rareLineBreak(s, start, n);
        }
        end = Math.min(end, rareBreak);
        int length = end - start;
        int at = out.reserve(length);
        s.getChars(start, end, out.buffer(), at);
        out.commit(length);
        return length;
    }

    /**
     * The first line terminator other than {@code \n} in {@code s[from, to)}, or {@code to}: one
     * (vectorized) {@code indexOf} per terminator, as they hardly ever occur. Searched once per string and
     * then again only past the one found.
     */
    private static int rareLineBreak(String s, int from, int to) {
        int end = to;
        for (char c : RARE_LINE_BREAKS) {
            int i = s.indexOf(c, from);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return end;
    }

    private static final char[] RARE_LINE_BREAKS = {'\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029'};

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
