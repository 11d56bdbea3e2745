package io.kube2ecs.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a part of the API that plugins can rely on across every 1.x release: it is neither removed
 * nor changed incompatibly before API 2.0. Interfaces may still gain methods with a default
 * implementation, and records or classes may gain members, so a plugin compiled against an older
 * 1.x keeps working.
 *
 * <p>The build checks this: {@code mvn verify} compares the API with the last release (see
 * {@code api/CHANGELOG.md}) and fails on a binary- or source-incompatible change.
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Stable {

    /** @return the API version that introduced the element, e.g. {@code "1.0"} */
    String since() default "1.0";
}
