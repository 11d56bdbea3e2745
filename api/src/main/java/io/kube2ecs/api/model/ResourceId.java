package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
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
        // by hand, not a Comparator chain: the model keeps its resources in sorted maps
        int byType = type.compareTo(other.type);
        if (byType != 0) {
            return byType;
        }
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ResourceId id
                && name.equals(id.name) && namespace.equals(id.namespace) && type.equals(id.type);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + namespace.hashCode()) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return type + ":" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
