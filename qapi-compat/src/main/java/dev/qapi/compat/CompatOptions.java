package dev.qapi.compat;

/**
 * How to compare.
 *
 * @param strict report changes to things marked {@code unstable} too (by default they are ignored: the
 *     {@code unstable} feature says they may change incompatibly)
 */
public record CompatOptions(boolean strict) {
    public static final CompatOptions DEFAULT = new CompatOptions(false);
}
