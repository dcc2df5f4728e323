package com.palantir.javapoet;

import java.util.List;

/**
 * The parts of a {@link CodeBlock}, for {@code dev.qapi.generator.java.render.SourceRenderer}.
 *
 * <p>Why this class is in JavaPoet's package: a code block's format parts ({@code "$T"}, {@code "$L"},
 * literal text...) and its arguments are package-private in JavaPoet, and our renderer has to read them
 * to write the code block as JavaPoet would. This is the only class of ours in this package and it exposes
 * just those two accessors. It works wherever JavaPoet and qapi-generator share a class loader (the class
 * path: tests, the CLI's shaded jar, the Maven plugin), not across named modules.
 */
public final class CodeBlockParts {
    private CodeBlockParts() {
    }

    /** The block's format parts: placeholders such as {@code "$T"} and literal text, in order. */
    public static List<String> formatParts(CodeBlock block) {
        return block.formatParts();
    }

    /** The block's arguments, one per placeholder that takes one, in order. */
    public static List<Object> args(CodeBlock block) {
        return block.args();
    }
}
