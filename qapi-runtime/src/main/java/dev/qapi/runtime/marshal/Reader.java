package dev.qapi.runtime.marshal;

/**
 * Reads one value of a type from an {@link InputVisitor}; generated types provide one as
 * {@code Type::read}, built-ins as {@code InputVisitor::readStr} and so on.
 *
 * @param <T> the Java type read
 */
@FunctionalInterface
public interface Reader<T> {
    /** Reads the value called {@code name} (null inside lists) in the current container. */
    T read(InputVisitor in, String name);
}
