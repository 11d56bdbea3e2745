package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * Names one Kubernetes object: kind, namespace and name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind      the kind, not null
 * @param namespace the namespace, never null ({@code default} when the input names none, or the
 *                  value of {@code -n}); empty for cluster-scoped kinds
 * @param name      the object's name, not null
 */
@Stable
public record ObjectRef(ResourceKind kind, String namespace, String name) implements Comparable<ObjectRef> {

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ObjectRef other) {
        // by hand, not a Comparator chain: refs are sorted and looked up in sorted maps all through a run
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ObjectRef ref
                && name.equals(ref.name) && namespace.equals(ref.namespace) && kind.equals(ref.kind);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + namespace.hashCode()) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
