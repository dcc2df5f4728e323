/**
 * The markup of QAPI doc comments (the little reStructuredText QEMU's schema uses), read once into a tree of
 * {@link dev.qapi.generator.markup.Block}s and {@link dev.qapi.generator.markup.Inline}s that the reference
 * documentation renders as HTML and Markdown and the Java bindings as Javadoc. It knows no output format.
 */
package dev.qapi.generator.markup;
