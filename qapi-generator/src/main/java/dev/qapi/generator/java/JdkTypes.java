package dev.qapi.generator.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/**
 * The JDK classes generated code names, made once: JavaPoet's {@code ClassName.get(Class)} (which
 * {@code $T} with a {@code Class}, {@code addParameter(String.class, ...)} and
 * {@code addAnnotation(Override.class)} call each time) asks reflection about the class every time,
 * and its first use in a fresh JVM also links a string concatenation inside JavaPoet (~5 ms).
 */
final class JdkTypes {
    static final ClassName STRING = ClassName.get("java.lang", "String");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName HASH_MAP = ClassName.get("java.util", "HashMap");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName ILLEGAL_STATE_EXCEPTION = ClassName.get("java.lang", "IllegalStateException");
    static final ClassName ILLEGAL_ARGUMENT_EXCEPTION = ClassName.get("java.lang", "IllegalArgumentException");
    static final ClassName VOID = ClassName.get("java.lang", "Void");
    static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
    static final ClassName CONSUMER = ClassName.get("java.util.function", "Consumer");
    static final ClassName INPUT_STREAM = ClassName.get("java.io", "InputStream");
    static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
    static final ClassName UNCHECKED_IO_EXCEPTION = ClassName.get("java.io", "UncheckedIOException");
    static final ClassName STANDARD_CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");
    static final AnnotationSpec OVERRIDE = AnnotationSpec.builder(ClassName.get("java.lang", "Override")).build();
    static final AnnotationSpec DEPRECATED = AnnotationSpec.builder(ClassName.get("java.lang", "Deprecated")).build();

    private JdkTypes() {
    }
}
