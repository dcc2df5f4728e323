package dev.qapi.generator.output;

/**
 * How writing generated files went.
 *
 * @param written files created or changed
 * @param unchanged files whose bytes were already there (left alone, timestamps kept)
 */
public record WriteResult(int written, int unchanged) {
}
