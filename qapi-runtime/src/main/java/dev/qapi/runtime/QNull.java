package dev.qapi.runtime;

/** The value of QAPI's built-in type {@code null}: JSON {@code null}, chosen explicitly. */
public enum QNull {
    /** The only value. */
    INSTANCE;

    @Override
    public String toString() {
        return "null";
    }
}
