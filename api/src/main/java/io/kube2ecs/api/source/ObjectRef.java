package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.util.Comparator;
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

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace).thenComparing(ObjectRef::name);

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
