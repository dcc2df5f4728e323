package dev.qapi.generator.java.render;

/**
 * Line wrapping at 100 columns, exactly as JavaPoet's {@code LineWrapper} does it, writing straight into
 * a character buffer that becomes the file's text.
 *
 * <p>A wrapping space ({@code $W}) or zero-width space ({@code $Z}) becomes a pending break point: the
 * text after it is written on, and if that text makes the line longer than 100 columns before the next
 * newline or break point, a newline and the break point's indentation are inserted at the break point;
 * otherwise a wrapping space becomes a space and a zero-width space nothing. (JavaPoet buffers the text
 * after a break point instead; the result is the same, including its quirks: the deferred space counts as
 * a column, and text still pending when the file ends is dropped.)
 *
 * <p>Text holds no line breaks; those go through {@link #newline()}. Text is either appended, or copied
 * into the buffer by the caller at {@link #reserve} and then {@link #commit committed}.
 */
final class ColumnWrapper {
    private static final int COLUMN_LIMIT = 100;

    private char[] buffer;
    private int length;
    private final Indentation indentation;
    /** The characters on the current line, including a pending wrapping space. */
    private int column;
    /** Where the pending break point is in {@link #buffer}, or -1. */
    private int pendingAt = -1;
    /** Whether the pending break point is a wrapping space (else zero-width). */
    private boolean pendingSpace;
    /** The indentation levels of the line the pending break point starts, if it breaks. */
    private int pendingIndent;

    /**
     * @param buffer where to start writing (grown as needed)
     */
    ColumnWrapper(char[] buffer, Indentation indentation) {
        this.buffer = buffer;
        this.indentation = indentation;
    }

    /** Makes room for {@code n} more characters and returns where they go: {@code buffer()[reserve(n)]}. */
    int reserve(int n) {
        if (length + n > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(length + n, buffer.length * 2));
        }
        return length;
    }

    /** The buffer, valid until the next call of another method. */
    char[] buffer() {
        return buffer;
    }

    /** Takes the {@code n} characters the caller wrote at {@link #reserve} as written text (no line breaks). */
    void commit(int n) {
        if (pendingAt >= 0 && column + n > COLUMN_LIMIT) {
            flush(true, n);
        }
        length += n;
        column += n;
    }

    /** Writes {@code s}, which holds no line break. */
    void append(String s) {
        int n = s.length();
        int at = reserve(n);
        s.getChars(0, n, buffer, at);
        commit(n);
    }

    /** Writes {@code levels} indents. */
    void appendIndent(int levels) {
        if (levels == 0) {
            return;
        }
        char[] chars = indentation.of(levels);
        int at = reserve(chars.length);
        System.arraycopy(chars, 0, buffer, at, chars.length);
        commit(chars.length);
    }

    /** Ends the line. */
    void newline() {
        if (pendingAt >= 0) {
            flush(column > COLUMN_LIMIT, 0);
        }
        int at = reserve(1);
        buffer[at] = '\n';
        length++;
        column = 0;
    }

    /** A space, or a line break indented {@code indentLevel} levels if the line would get too long. */
    void wrappingSpace(int indentLevel) {
        if (pendingAt >= 0) {
            flush(false, 0);
        }
        column++;
        pendingSpace = true;
        pendingAt = length;
        pendingIndent = indentLevel;
    }

    /** Nothing, or a line break indented {@code indentLevel} levels if the line would get too long. */
    void zeroWidthSpace(int indentLevel) {
        if (column == 0) {
            return;
        }
        if (pendingAt >= 0) {
            flush(false, 0);
        }
        pendingSpace = false;
        pendingAt = length;
        pendingIndent = indentLevel;
    }

    /** The last character written for good (not after a pending break point), or {@code '\0'}. */
    char lastChar() {
        int end = pendingAt >= 0 ? pendingAt : length;
        return end == 0 ? Character.MIN_VALUE : buffer[end - 1];
    }

    /** The text, as JavaPoet would have it (which never writes text still pending at the end). */
    String finish() {
        if (pendingAt >= 0) {
            length = pendingAt;
            pendingAt = -1;
        }
        return new String(buffer, 0, length);
    }

    /**
     * Settles the pending break point: a line break if {@code wrap}, else what it is.
     *
     * @param uncommitted characters written at {@link #reserve} but not committed yet, moved along
     */
    private void flush(boolean wrap, int uncommitted) {
        if (wrap) {
            char[] lineStart = indentation.of(pendingIndent);
            int inserted = 1 + lineStart.length;
            int buffered = length - pendingAt;
            reserve(inserted + uncommitted);
            System.arraycopy(buffer, pendingAt, buffer, pendingAt + inserted, buffered + uncommitted);
            buffer[pendingAt] = '\n';
            System.arraycopy(lineStart, 0, buffer, pendingAt + 1, lineStart.length);
            length += inserted;
            column = lineStart.length + buffered;
        } else if (pendingSpace) {
            reserve(1 + uncommitted);
            System.arraycopy(buffer, pendingAt, buffer, pendingAt + 1, length - pendingAt + uncommitted);
            buffer[pendingAt] = ' ';
            length++;
        }
        pendingAt = -1;
    }
}
