package io.jiraspoke.camel.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static method of a family producer class that gives a stream action's consumer its items:
 * {@code public static IncrementalSource<T> name(JiraSpokeEndpoint)}, {@code ListSource<T>} or
 * {@code EventSource<T>}, as the action's feed in the catalogue says. The generic consumers do the rest (state, de-duplication, failures).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConsumerFeed {

    /** The action id, e.g. {@code issue/search}. */
    String value();

    /** What each exchange carries, for the reference. */
    String emits();

    /** The headers each exchange carries. */
    String[] headers() default {};
}
