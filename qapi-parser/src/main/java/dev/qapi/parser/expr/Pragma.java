package dev.qapi.parser.expr;

import java.util.List;

/**
 * The schema's pragmas. QEMU applies pragma directives to one object shared by every file while it
 * parses, so a pragma is global to the schema and the last setting of each key wins.
 *
 * @param docRequired whether every definition must have a documentation comment
 * @param commandNameExceptions commands whose names may contain {@code _} or uppercase
 * @param commandReturnsExceptions commands whose {@code returns} may be a non-object type
 * @param documentationExceptions definitions whose members may lack documentation
 * @param memberNameExceptions types whose members may break the lowercase naming rule
 */
public record Pragma(
        boolean docRequired,
        List<String> commandNameExceptions,
        List<String> commandReturnsExceptions,
        List<String> documentationExceptions,
        List<String> memberNameExceptions) {

    /** No pragma at all. */
    public static final Pragma DEFAULT = new Pragma(false, List.of(), List.of(), List.of(), List.of());

    public Pragma {
        commandNameExceptions = List.copyOf(commandNameExceptions);
        commandReturnsExceptions = List.copyOf(commandReturnsExceptions);
        documentationExceptions = List.copyOf(documentationExceptions);
        memberNameExceptions = List.copyOf(memberNameExceptions);
    }

    public Pragma withDocRequired(boolean value) {
        return new Pragma(value, commandNameExceptions, commandReturnsExceptions,
                documentationExceptions, memberNameExceptions);
    }

    public Pragma withCommandNameExceptions(List<String> value) {
        return new Pragma(docRequired, value, commandReturnsExceptions, documentationExceptions,
                memberNameExceptions);
    }

    public Pragma withCommandReturnsExceptions(List<String> value) {
        return new Pragma(docRequired, commandNameExceptions, value, documentationExceptions,
                memberNameExceptions);
    }

    public Pragma withDocumentationExceptions(List<String> value) {
        return new Pragma(docRequired, commandNameExceptions, commandReturnsExceptions, value,
                memberNameExceptions);
    }

    public Pragma withMemberNameExceptions(List<String> value) {
        return new Pragma(docRequired, commandNameExceptions, commandReturnsExceptions,
                documentationExceptions, value);
    }
}
