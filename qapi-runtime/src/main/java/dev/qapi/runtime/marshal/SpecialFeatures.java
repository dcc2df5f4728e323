package dev.qapi.runtime.marshal;

/** Bit masks of the special features the compat policy acts on, as generated code passes them. */
public final class SpecialFeatures {
    /** No special feature. */
    public static final int NONE = 0;
    /** The {@code deprecated} feature. */
    public static final int DEPRECATED = 1;
    /** The {@code unstable} feature. */
    public static final int UNSTABLE = 2;

    private SpecialFeatures() {
    }
}
