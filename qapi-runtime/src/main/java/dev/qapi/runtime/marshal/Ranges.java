package dev.qapi.runtime.marshal;

/** Range checks for the unsigned built-ins whose Java type is wider than their range. */
public final class Ranges {
    private Ranges() {
    }

    /**
     * Checks that {@code value} lies in {@code [0, max]}.
     *
     * @throws IllegalArgumentException naming the member otherwise
     */
    public static void checkUnsigned(long value, long max, String member) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("'" + member + "' must be between 0 and " + max + ", not " + value);
        }
    }
}
