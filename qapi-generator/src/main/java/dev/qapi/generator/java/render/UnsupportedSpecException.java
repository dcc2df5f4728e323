package dev.qapi.generator.java.render;

/**
 * A spec uses a JavaPoet feature that {@link SourceRenderer} does not reproduce (none of our generators
 * builds it), so it refuses rather than write something JavaPoet would not.
 */
public final class UnsupportedSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsupportedSpecException(String what) {
        super("SourceRenderer does not support " + what + " (render this spec with JavaPoet's JavaFile instead)");
    }
}
