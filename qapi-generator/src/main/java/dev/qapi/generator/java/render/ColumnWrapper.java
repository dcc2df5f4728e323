package dev.qapi.generator.java.render;

/**
 * Line wrapping at 100 columns, exactly as JavaPoet's {@code LineWrapper} does it, writing straight into
 * the file's {@link StringBuilder}.
 *
 * <p>A wrapping space ({@code $W}) or zero-width space ({@code $Z}) becomes a pending break point: the
 * text after it is written on, and if that text makes the line longer than 100 columns before the next
 * newline or break point, a newline and the break point's indentation are inserted at the break point;
 * otherwise a wrapping space becomes a space and a zero-width space nothing. (JavaPoet buffers the text
 * after a break point instead; the result is the same, including its quirks: the deferred space counts as
 * a column, and text still pending when the file ends is dropped.)
 *
 * <p>Callers pass text without line breaks, and line breaks through {@link #newline()}.
 */
final class ColumnWrapper {
    private static final int COLUMN_LIMIT = 100;

    private final StringBuilder out;
    private final String indent;
    /** The characters on the current line, including a pending wrapping space. */
    private int column;
    /** Where the pending break point is in {@link #out}, or -1. */
    private int pendingAt = -1;
    /** Whether the pending break point is a wrapping space (else zero-width). */
    private boolean pendingSpace;
    /** The indentation levels of the line the pending break point starts, if it breaks. */
    private int pendingIndent;

    ColumnWrapper(StringBuilder out, String indent) {
        this.out = out;
        this.indent = indent;
    }

    /** Writes {@code s[start, end)}, which holds no line break. */
    void append(String s, int start, int end) {
        int length = end - start;
        if (pendingAt >= 0 && column + length > COLUMN_LIMIT) {
            flush(true);
        }
        out.append(s, start, end);
        column += length;
    }

    /** Writes {@code s}, which holds no line break. */
    void append(String s) {
        append(s, 0, s.length());
    }

    /** Writes {@code levels} indents. */
    void appendIndent(int levels) {
        if (levels == 0) {
            return;
        }
        int length = levels * indent.length();
        if (pendingAt >= 0 && column + length > COLUMN_LIMIT) {
            flush(true);
        }
        for (int i = 0; i < levels; i++) {
            out.append(indent);
        }
        column += length;
    }

    /** Ends the line. */
    void newline() {
        if (pendingAt >= 0) {
            flush(column > COLUMN_LIMIT);
        }
        out.append('\n');
        column = 0;
    }

    /** A space, or a line break indented {@code indentLevel} levels if the line would get too long. */
    void wrappingSpace(int indentLevel) {
        if (pendingAt >= 0) {
            flush(false);
        }
        column++;
        pendingSpace = true;
        pendingAt = out.length();
        pendingIndent = indentLevel;
    }

    /** Nothing, or a line break indented {@code indentLevel} levels if the line would get too long. */
    void zeroWidthSpace(int indentLevel) {
        if (column == 0) {
            return;
        }
        if (pendingAt >= 0) {
            flush(false);
        }
        pendingSpace = false;
        pendingAt = out.length();
        pendingIndent = indentLevel;
    }

    /** The last character written for good (not after a pending break point), or {@code '\0'}. */
    char lastChar() {
        int end = pendingAt >= 0 ? pendingAt : out.length();
        return end == 0 ? Character.MIN_VALUE : out.charAt(end - 1);
    }

    /** The text, as JavaPoet would have it (which never writes text still pending at the end). */
    String finish() {
        if (pendingAt >= 0) {
            out.setLength(pendingAt);
            pendingAt = -1;
        }
        return out.toString();
    }

    /** Settles the pending break point: a line break if {@code wrap}, else what it is. */
    private void flush(boolean wrap) {
        if (wrap) {
            int buffered = out.length() - pendingAt;
            StringBuilder lineStart = new StringBuilder(1 + pendingIndent * indent.length()).append('\n');
            for (int i = 0; i < pendingIndent; i++) {
                lineStart.append(indent);
            }
            out.insert(pendingAt, lineStart);
            column = pendingIndent * indent.length() + buffered;
        } else if (pendingSpace) {
            out.insert(pendingAt, ' ');
        }
        pendingAt = -1;
    }
}
