package dev.qapi.generator.java.render;

/** Indentation by level ({@code k} times one indent), made once per renderer and shared by its threads. */
final class Indentation {
    private static final int CACHED_LEVELS = 32;

    private final String indent;
    private final char[][] levels = new char[CACHED_LEVELS][];

    Indentation(String indent) {
        this.indent = indent;
        for (int i = 0; i < CACHED_LEVELS; i++) {
            levels[i] = indent.repeat(i).toCharArray();
        }
    }

    /** {@code level} indents (not to be modified). */
    char[] of(int level) {
        return level < CACHED_LEVELS ? levels[level] : indent.repeat(level).toCharArray();
    }
}
