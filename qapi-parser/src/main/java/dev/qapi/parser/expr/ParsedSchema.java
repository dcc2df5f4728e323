package dev.qapi.parser.expr;

import dev.qapi.parser.doc.Doc;
import java.util.List;

/**
 * What reading a schema file and everything it includes yields, before any expression is checked:
 * QEMU's phase 1.
 *
 * @param rootFile the root schema file name as given
 * @param expressions every expression in depth-first include order; an {@code include} directive is kept
 *     as {@code {'include': PATH}} with the path joined to the including file's directory
 * @param docs every documentation block in textual order, definition and free-form
 * @param pragma the pragmas in force after the whole schema was read
 */
public record ParsedSchema(String rootFile, List<Expression> expressions, List<Doc> docs, Pragma pragma) {
    public ParsedSchema {
        expressions = List.copyOf(expressions);
        docs = List.copyOf(docs);
    }
}
