package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.grammar.QapiParser.DocBlockContext;
import org.antlr.v4.runtime.Token;

/**
 * The comment tokens of one parsed documentation block ({@code DOC_START DOC_LINE* DOC_END}), read
 * one at a time by {@link DocReader}, as QEMU's {@code get_doc} reads them from its lexer.
 */
final class DocLines {

    /**
     * The block ends before its closing comment: the parser stopped at the token after the last line
     * and is reporting it. QEMU reads the lines before that token first, so their errors come first.
     */
    static final class CutShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private CutShort() {
            super(null, null, false, false);
        }
    }

    private static final CutShort CUT_SHORT = new CutShort();

    private final DocBlockContext block;
    private final FileText text;
    /** The current comment: the opening one, then each line, then the closing one. */
    private Token current;
    /** Index of the next line in the block's lines. */
    private int next;

    DocLines(DocBlockContext block, FileText text) {
        this.block = block;
        this.text = text;
        this.current = block.open;
    }

    /** Moves to the next comment of the block. */
    void advance() {
        if (next < block.lines.size()) {
            current = block.lines.get(next++);
        } else if (block.close != null && current != block.close) {
            current = block.close;
        } else {
            throw CUT_SHORT;
        }
    }

    /** The current comment, {@code #} to the end of its line. */
    String text() {
        return current.getText();
    }

    SourceInfo info() {
        return text.lineInfo(current);
    }

    /** An error at the current comment. */
    QapiError error(String message) {
        return text.error(current, message);
    }
}
