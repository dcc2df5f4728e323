package dev.qapi.generator.java.render;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.lang.reflect.Field;
import java.util.List;

/**
 * The three things JavaPoet 0.22.0 keeps in a spec without any accessor, public or package-private:
 * a type's permitted subclasses ({@code permits}), a record's constructor (its components and compact
 * constructor) and whether a constructor is compact. They are read from JavaPoet's private fields by
 * reflection (JavaPoet is on the class path, so they are accessible); should a JavaPoet upgrade rename
 * them, this class fails to initialize with a message naming the field, rather than render differently.
 */
final class PrivateSpecFields {
    private static final Field PERMITTED_SUBCLASSES = field(TypeSpec.class, "permittedSubclasses");
    private static final Field RECORD_CONSTRUCTOR = field(TypeSpec.class, "recordConstructor");
    private static final Field COMPACT_CONSTRUCTOR = field(MethodSpec.class, "compactConstructor");

    private PrivateSpecFields() {
    }

    /** The types after {@code permits}, in order. */
    @SuppressWarnings("unchecked")
    static List<TypeName> permittedSubclasses(TypeSpec spec) {
        return (List<TypeName>) get(PERMITTED_SUBCLASSES, spec);
    }

    /** A record's canonical or compact constructor, or null. */
    static MethodSpec recordConstructor(TypeSpec spec) {
        return (MethodSpec) get(RECORD_CONSTRUCTOR, spec);
    }

    /** Whether {@code method} was built by {@code MethodSpec.compactConstructorBuilder()}. */
    static boolean isCompactConstructor(MethodSpec method) {
        try {
            return COMPACT_CONSTRUCTOR.getBoolean(method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(Field field, Object spec) {
        try {
            return field.get(spec);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("cannot read JavaPoet's " + owner.getSimpleName() + "." + name
                    + " (a JavaPoet version other than 0.22.0?): " + e);
        }
    }
}
