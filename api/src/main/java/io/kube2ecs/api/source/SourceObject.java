package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.util.Map;

/**
 * One Kubernetes object of the input, with its identity already read by the core.
 *
 * <p>The core consumes {@code apiVersion}, {@code kind}, {@code metadata.name} and
 * {@code metadata.namespace}; every other field is the mapper's to convert or to ignore with a
 * reason. Not thread-safe.
 */
@Stable
public interface SourceObject {

    /** @return kind, namespace and name, never null */
    ObjectRef ref();

    /** @return the {@code apiVersion} as written, e.g. {@code apps/v1} */
    String apiVersion();

    /** @return the labels under {@code metadata.labels}; reading them marks nothing converted */
    Map<String, String> labels();

    /** @return the root of the object, for navigation and recorded reads */
    SourceNode root();

    /** @return where the object starts (file, line of its first key, column) */
    default SourceLocation location() {
        return root().location();
    }

    /** @return shorthand for {@code ref().name()} */
    default String name() {
        return ref().name();
    }

    /** @return shorthand for {@code ref().namespace()} */
    default String namespace() {
        return ref().namespace();
    }

    /** @return shorthand for {@code ref().kind()} */
    default ResourceKind kind() {
        return ref().kind();
    }
}
