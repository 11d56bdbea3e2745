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
}
