package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.SourceNode;
import java.util.Objects;

/**
 * A by-name reference from one object to another, found by {@link KindMapper#references}.
 *
 * <p>A missing target is reported at {@code at}: as an error when the reference
 * {@linkplain #blocksStart() blocks the start} of the workload (Kubernetes would not run it, so the
 * converted service would not behave like the cluster did), as a warning otherwise, and not at all
 * when it is {@linkplain #optional() optional}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param target      the object referred to, not null
 * @param at          the referring field, where a dangling reference is reported; not null
 * @param optional    true when Kubernetes tolerates the target's absence ({@code optional: true})
 * @param blocksStart true when Kubernetes refuses to start the workload while the target is missing,
 *                    as for a ConfigMap or Secret its containers read; ignored when {@code optional}
 */
@Stable
public record Reference(ObjectRef target, SourceNode at, boolean optional, boolean blocksStart) {
    public Reference {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
    }

    /**
     * A reference whose missing target is a warning, not an error.
     *
     * @param target   the object referred to, not null
     * @param at       the referring field, not null
     * @param optional true when Kubernetes tolerates the target's absence
     */
    public Reference(ObjectRef target, SourceNode at, boolean optional) {
        this(target, at, optional, false);
    }
}
