package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one resource of the model: its type and a logical name, unique per type.
 *
 * <p>Logical names come from the Kubernetes objects (namespace and name) so they are stable across
 * runs; emitters derive their own identifiers from them. Immutable and thread-safe.
 *
 * @param type      the resource type, one of the {@code TYPE} constants of the model classes
 * @param namespace the Kubernetes namespace the resource belongs to, empty when shared
 * @param name      the logical name within type and namespace, not empty
 */
@Stable
public record ResourceId(String type, String namespace, String name) implements Comparable<ResourceId> {

    private static final Comparator<ResourceId> ORDER = Comparator.comparing(ResourceId::type)
            .thenComparing(ResourceId::namespace).thenComparing(ResourceId::name);

    public ResourceId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
    }

    @Override
    public int compareTo(ResourceId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type + ":" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
