package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.source.ObjectRef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.ArrayList;

/**
 * Base of every resource of the model: identity, provenance and tags.
 *
 * <p>Not thread-safe; mutable while mappers build the model.
 */
@Stable
public abstract class AwsResource {

    private final ResourceId id;
    private final List<ObjectRef> origins = new ArrayList<>();
    private final Map<String, String> tags = new TreeMap<>();

    /**
     * @param id the resource's identity; its type must be the subclass's {@code TYPE}
     */
    protected AwsResource(ResourceId id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /** @return the identity, never null */
    public ResourceId id() {
        return id;
    }

    /** @return the Kubernetes objects this resource was made from, for reports; never null */
    public List<ObjectRef> origins() {
        return Collections.unmodifiableList(origins);
    }

    /**
     * Records that {@code origin} contributed to this resource (idempotent).
     *
     * @param origin the Kubernetes object, not null
     * @return this
     */
    public AwsResource addOrigin(ObjectRef origin) {
        if (!origins.contains(origin)) {
            origins.add(origin);
        }
        return this;
    }

    /** @return tags, sorted by key; mutable */
    public Map<String, String> tags() {
        return tags;
    }
}
