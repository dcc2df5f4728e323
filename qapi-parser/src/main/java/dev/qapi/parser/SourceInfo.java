package dev.qapi.parser;

import java.util.Objects;

/**
 * Where something was written in a schema: file, line, the chain of includes that led there and,
 * once an expression's kind and name are known, the definition it belongs to.
 *
 * <p>{@link #toString()} renders the location exactly as QEMU's generator does, e.g.
 *
 * <pre>
 * In file included from qapi-schema.json:12:
 * char.json: In struct 'ChardevSocket':
 * char.json:301
 * </pre>
 *
 * @param fname the file name as the includer wrote it, joined to the includer's directory
 * @param line the 1-based line
 * @param parent the location of the {@code include} directive that brought this file in, or {@code null}
 *     for the root schema file
 * @param defnMeta the meta-type of the enclosing definition ({@code struct}, {@code command}, ...) or
 *     {@code null} while it is not known yet
 * @param defnName the name of the enclosing definition, or {@code null}
 */
public record SourceInfo(String fname, int line, SourceInfo parent, String defnMeta, String defnName) {

    public SourceInfo {
        Objects.requireNonNull(fname, "fname");
    }

    /** The first line of a file brought in by {@code parent} (or the root file when {@code parent} is null). */
    public static SourceInfo startOf(String fname, SourceInfo parent) {
        return new SourceInfo(fname, 1, parent, null, null);
    }

    /** The same place, {@code n} lines further down, with no definition context. */
    public SourceInfo nextLine(int n) {
        return new SourceInfo(fname, line + n, parent, defnMeta, defnName);
    }

    /** The same place, labelled as part of definition {@code name} of kind {@code meta}. */
    public SourceInfo withDefn(String meta, String name) {
        return new SourceInfo(fname, line, parent, meta, name);
    }

    /** {@code FILE:LINE}. */
    public String loc() {
        return fname + ":" + line;
    }

    /** {@code FILE: In META 'NAME':} followed by a newline, or the empty string outside a definition. */
    public String inDefn() {
        // QEMU tests the name for truth, so an empty name gives no context line either.
        return defnName == null || defnName.isEmpty() ? "" : fname + ": In " + defnMeta + " '" + defnName + "':\n";
    }

    /** One {@code In file included from FILE:LINE:} line per includer, outermost first. */
    public String includePath() {
        StringBuilder out = new StringBuilder();
        for (SourceInfo p = parent; p != null; p = p.parent) {
            out.insert(0, "In file included from " + p.loc() + ":\n");
        }
        return out.toString();
    }

    /** Same file, line and include chain (the definition label aside). */
    public boolean samePlace(SourceInfo other) {
        return other != null && line == other.line && fname.equals(other.fname)
                && Objects.equals(parent, other.parent);
    }

    // equals and hashCode as a record defines them, written out: the generated ones are bootstrapped
    // through method handles on first use, which costs a fresh JVM more than all the lookups.
    @Override
    public boolean equals(Object o) {
        return o instanceof SourceInfo other && line == other.line && fname.equals(other.fname)
                && Objects.equals(parent, other.parent) && Objects.equals(defnMeta, other.defnMeta)
                && Objects.equals(defnName, other.defnName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fname, line, parent, defnMeta, defnName);
    }

    @Override
    public String toString() {
        return includePath() + inDefn() + loc();
    }
}
