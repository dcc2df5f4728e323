package dev.qapi.runtime.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema condition ({@code 'if'}) of a definition, member, branch or enum value, recorded when the
 * bindings were generated without evaluating conditions: {@code CONFIG_X}, {@code all(A, B)},
 * {@code any(A, B)} or {@code not(A)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface QapiIf {
    /** The condition. */
    String value();
}
