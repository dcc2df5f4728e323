package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.expr.Pragma;
import java.util.ArrayList;
import java.util.List;

/** Applies one key of a {@code pragma} directive. */
final class PragmaDirective {

    private PragmaDirective() {
    }

    static Pragma apply(Pragma pragma, String name, Object value, SourceInfo info) {
        return switch (name) {
            case "doc-required" -> {
                if (!(value instanceof Boolean b)) {
                    throw QapiError.semantic(info, "pragma 'doc-required' must be boolean");
                }
                yield pragma.withDocRequired(b);
            }
            case "command-name-exceptions" -> pragma.withCommandNameExceptions(strings(name, value, info));
            case "command-returns-exceptions" -> pragma.withCommandReturnsExceptions(strings(name, value, info));
            case "documentation-exceptions" -> pragma.withDocumentationExceptions(strings(name, value, info));
            case "member-name-exceptions" -> pragma.withMemberNameExceptions(strings(name, value, info));
            default -> throw QapiError.semantic(info, "unknown pragma '" + name + "'");
        };
    }

    private static List<String> strings(String name, Object value, SourceInfo info) {
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object e : list) {
                if (!(e instanceof String s)) {
                    throw mustBeStrings(name, info);
                }
                out.add(s);
            }
            return out;
        }
        throw mustBeStrings(name, info);
    }

    private static QapiError mustBeStrings(String name, SourceInfo info) {
        return QapiError.semantic(info, "pragma " + name + " must be a list of strings");
    }
}
