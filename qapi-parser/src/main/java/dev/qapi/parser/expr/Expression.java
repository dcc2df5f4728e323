package dev.qapi.parser.expr;

import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import java.util.List;
import java.util.Map;

/**
 * One top-level expression of a schema file, as a JSON-like tree: {@link Map} (insertion-ordered,
 * string keys), {@link java.util.List}, {@link String} and {@link Boolean}.
 *
 * <p>After {@link ExpressionChecker} has run, the tree has the normalized shape QEMU's {@code expr.py}
 * leaves: shorthand strings of enum values and features become {@code {'name': ...}}, shorthand member
 * and branch types become {@code {'type': ...}}.
 *
 * @param data the expression
 * @param info where its opening brace is, labelled with the definition once known
 * @param doc the definition documentation bound to it, or {@code null}
 */
public record Expression(Map<String, Object> data, SourceInfo info, Doc doc) {

    /** The definition keywords, in the order QEMU lists them in its messages. */
    public static final List<String> METAS =
            List.of("enum", "struct", "union", "alternate", "command", "event");

    /** The definition keyword this expression carries ({@code enum} ... {@code event}), or {@code null}. */
    public String meta() {
        for (String meta : METAS) {
            if (data.containsKey(meta)) {
                return meta;
            }
        }
        return null;
    }

    /** The value of key {@code key}, or {@code null}. */
    public Object get(String key) {
        return data.get(key);
    }

    public Expression withInfo(SourceInfo newInfo) {
        return new Expression(data, newInfo, doc);
    }
}
