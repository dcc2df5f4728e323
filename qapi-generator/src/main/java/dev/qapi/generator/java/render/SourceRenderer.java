package dev.qapi.generator.java.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java source text for a JavaPoet {@link TypeSpec}, byte for byte what
 * {@code JavaFile.builder(packageName, spec).addFileComment("$L", comment).indent(indent).build().toString()}
 * gives, in a fraction of the time: JavaPoet writes every file twice (the first time only to find the
 * imports) and splits every string it writes with a regular expression; here the imports are found by a
 * walk that only resolves names, and the text is written once, straight into one character buffer.
 *
 * <p>It covers what our generators build; a spec using anything else fails with an
 * {@link UnsupportedSpecException} instead of coming out differently (see {@link SpecEmitter}).
 */
public final class SourceRenderer {
    /** Each thread's buffer for the file being written: no growing from scratch for every file. */
    private static final ThreadLocal<char[]> BUFFERS = ThreadLocal.withInitial(() -> new char[1 << 16]);
    /** A buffer grown beyond this (for a huge file) is not kept. */
    private static final int KEPT_BUFFER = 1 << 20;

    private final String indent;
    private final Indentation indentation;

    /**
     * @param indent one level of indentation, as {@code JavaFile.Builder.indent}
     */
    public SourceRenderer(String indent) {
        this.indent = indent;
        this.indentation = new Indentation(indent);
    }

    /**
     * The file declaring {@code spec} (a named type) in {@code packageName}.
     *
     * @param fileComment the comment opening the file (each line after {@code "// "}), or null for none
     */
    public String render(String packageName, TypeSpec spec, String fileComment) {
        if (spec.name() == null) {
            throw new UnsupportedSpecException("an anonymous class as a file's type");
        }
        Set<String> alwaysQualify = alwaysQualifiedNames(spec);

        NameResolver collector = NameResolver.collecting(packageName, alwaysQualify);
        new SpecEmitter(CodeOutput.DISCARD, collector, indent).type(spec, null, Collections.emptySet());
        Map<String, ClassName> imports = collector.imports();

        LineWriter out = new LineWriter(BUFFERS.get(), indentation);
        if (fileComment != null && !fileComment.isEmpty()) {
            out.comment(true);
            out.text(fileComment);
            out.text("\n");
            out.comment(false);
        }
        if (!packageName.isEmpty()) {
            out.text("package ");
            out.text(packageName);
            out.text(";\n\n");
        }
        if (!imports.isEmpty()) {
            List<String> sorted = new ArrayList<>(imports.size());
            for (ClassName c : imports.values()) {
                sorted.add(c.canonicalName());
            }
            Collections.sort(sorted);
            for (String c : sorted) {
                out.text("import ");
                out.text(c);
                out.text(";\n");
            }
            out.text("\n");
        }
        NameResolver resolver = NameResolver.importing(packageName, alwaysQualify, imports);
        new SpecEmitter(out, resolver, indent).type(spec, null, Collections.emptySet());
        String result = out.finish();
        char[] grown = out.buffer();
        if (grown.length <= KEPT_BUFFER) {
            BUFFERS.set(grown);
        }
        return result;
    }

    /** The simple names that {@code spec} and its member types never import (JavaPoet's {@code alwaysQualify}). */
    private static Set<String> alwaysQualifiedNames(TypeSpec spec) {
        if (spec.alwaysQualifiedNames().isEmpty() && spec.typeSpecs().isEmpty()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        addAlwaysQualifiedNames(spec, names);
        return names;
    }

    private static void addAlwaysQualifiedNames(TypeSpec spec, Set<String> names) {
        names.addAll(spec.alwaysQualifiedNames());
        for (TypeSpec nested : spec.typeSpecs()) {
            addAlwaysQualifiedNames(nested, names);
        }
    }
}
