package dev.qapi.parser;

import java.util.OptionalInt;

/**
 * The one error type of the QAPI front end. It carries the source position it is about and prints
 * as QEMU's generator prints its errors: include chain, {@code In struct 'X':} context line, then
 * {@code FILE:LINE[:COL]: message}.
 *
 * <p>Errors of the lexical and syntactic layer carry a column; semantic errors carry only a line,
 * exactly where QEMU's do. An error with no position (a root schema file that cannot be read) prints
 * as its bare message.
 */
public final class QapiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceInfo info;
    private final int column;
    private final String reason;

    private QapiError(SourceInfo info, int column, String reason) {
        super(render(info, column, reason), null, false, false);
        this.info = info;
        this.column = column;
        this.reason = reason;
    }

    /** A semantic error: located by line only. */
    public static QapiError semantic(SourceInfo info, String reason) {
        return new QapiError(info, 0, reason);
    }

    /** A parse error: located by line and 1-based column. */
    public static QapiError parse(SourceInfo info, int column, String reason) {
        if (column < 1) {
            throw new IllegalArgumentException("column must be 1-based: " + column);
        }
        return new QapiError(info, column, reason);
    }

    /** An error that is not about any place in a schema, e.g. a root file that cannot be read. */
    public static QapiError unlocated(String reason) {
        return new QapiError(null, 0, reason);
    }

    /** Where it happened, or {@code null} for an unlocated error. */
    public SourceInfo info() {
        return info;
    }

    /** The 1-based column, present for parse errors. */
    public OptionalInt column() {
        return column == 0 ? OptionalInt.empty() : OptionalInt.of(column);
    }

    /** The message without any location. */
    public String reason() {
        return reason;
    }

    private static String render(SourceInfo info, int column, String reason) {
        if (info == null) {
            return reason;
        }
        String loc = info.toString();
        if (column != 0) {
            loc += ":" + column;
        }
        return loc + ": " + reason;
    }
}
