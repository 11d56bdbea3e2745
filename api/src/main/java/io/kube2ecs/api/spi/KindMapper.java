package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceObject;
import java.util.List;

/**
 * Converts the objects of one Kubernetes kind into parts of the ECS deployment model.
 *
 * <p>The pipeline first asks every mapper for the {@link #references references} of its objects and
 * resolves them (a dangling one is reported at the referring field), then calls {@link #map} once per
 * object, in a stable order (kind, namespace, name). A mapper reads its object through recording
 * views, adds resources to {@link MappingContext#model()}, and reports what it could not carry over.
 * A runtime exception thrown here becomes an error diagnostic naming the plugin; the run goes on
 * with the other objects.
 *
 * <p>Mappers are called from one thread; they may keep no state between objects except caches.
 */
@Stable
public interface KindMapper {

    /** @return the kind this mapper handles, e.g. {@code apps/Deployment}; never null */
    ResourceKind kind();

    /**
     * Lists the objects {@code object} refers to by name (ConfigMaps, Secrets, ServiceAccounts …).
     * Called with a view that does not record field coverage.
     *
     * @param object the object, not null
     * @return the references, never null
     */
    default List<Reference> references(SourceObject object) {
        return List.of();
    }

    /**
     * Converts one object.
     *
     * @param object  the object, with reads recorded for field coverage; not null
     * @param context the model to write and the services to use; not null
     */
    void map(SourceObject object, MappingContext context);

    /**
     * Declares what this mapper does with the fields of its kind, for the support matrix. Optional:
     * a mapper that declares nothing still has every field it does not read reported.
     *
     * @return the declarations, never null
     */
    default List<FieldSupport> fieldSupport() {
        return List.of();
    }
}
