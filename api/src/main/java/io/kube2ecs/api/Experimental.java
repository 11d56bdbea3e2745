package io.kube2ecs.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a part of the API that may still change in a minor release, after a note in
 * {@code api/CHANGELOG.md}, while its design is tried out. Plugins may use it, but should be built
 * and tested against each new kube2ecs release. A member marked experimental inside a
 * {@link Stable} type is experimental; the rest of the type stays stable.
 *
 * <p>The compatibility check of {@code mvn verify} still reports changes to experimental parts; a
 * deliberate change is accepted by listing it in the check's exclusions and the changelog.
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Experimental {

    /** @return the API version that introduced the element, e.g. {@code "1.1"} */
    String since();
}
