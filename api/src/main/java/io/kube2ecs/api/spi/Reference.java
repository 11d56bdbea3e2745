package io.kube2ecs.api.spi;

import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.SourceNode;
import java.util.Objects;

/**
 * A by-name reference from one object to another, found by {@link KindMapper#references}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param target   the object referred to, not null
 * @param at       the referring field, where a dangling reference is reported; not null
 * @param optional true when Kubernetes tolerates the target's absence ({@code optional: true})
 */
public record Reference(ObjectRef target, SourceNode at, boolean optional) {
    public Reference {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
    }
}
