package io.jiraspoke.camel.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an action takes and gives, on its producer method: the generated reference shows it per action, next to the
 * options the catalogue says the action reads and the headers that override them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActionDoc {

    /** What the action reads from the message body; empty when it ignores the body. */
    String body() default "";

    /** What the message body is afterwards. */
    String returns();

    /** The headers the action sets on the message (result headers). */
    String[] headers() default {};
}
