package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.source.LabelSelector;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceObject;
import java.util.List;
import java.util.Optional;

/**
 * All objects of the input, by kind, namespace and name, for resolving references and selectors.
 *
 * <p>The views it returns do not record field coverage: reading another object to resolve a
 * reference does not count as converting it. Results are sorted by namespace and name, so mappers
 * that iterate them stay deterministic. Read-only and safe to use from the mapping thread.
 */
@Stable
public interface ObjectIndex {

    /**
     * @param ref kind, namespace and name
     * @return the object, if the input has it
     */
    Optional<SourceObject> find(ObjectRef ref);

    /**
     * @param kind      the kind to search
     * @param namespace the namespace to search (selectors never cross namespaces)
     * @param selector  the selector; an empty selector selects every object of the kind
     * @return the matching objects of that kind in that namespace, sorted by name
     */
    List<SourceObject> select(ResourceKind kind, String namespace, LabelSelector selector);

    /**
     * @param kind the kind
     * @return every object of that kind, sorted by namespace and name
     */
    List<SourceObject> all(ResourceKind kind);

    /**
     * A value computed once per input and shared by every mapper that asks, such as an index of
     * the objects that several mappers search; it lives exactly as long as this index, so it is let
     * go with the input (a static cache keyed by the index would keep the input's objects in memory
     * until it is next used). The core's index computes each key once; the default computes it
     * on every call, which is correct but not shared.
     *
     * @param key     what is cached; one value per key
     * @param compute makes the value from this index on first use
     * @param <T>     the value's type
     * @return the value
     * @since 1.3
     */
    @io.kube2ecs.api.Experimental(since = "1.3")
    default <T> T shared(Class<T> key, java.util.function.Function<ObjectIndex, T> compute) {
        return compute.apply(this);
    }
}
