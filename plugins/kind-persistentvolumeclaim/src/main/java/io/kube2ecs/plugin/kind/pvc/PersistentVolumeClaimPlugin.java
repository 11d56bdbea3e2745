package io.kube2ecs.plugin.kind.pvc;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Makes an EFS access point of every {@code PersistentVolumeClaim} a workload mounts, in the EFS
 * file system the user provides; the workloads' pod volumes become EFS volumes through it.
 */
public final class PersistentVolumeClaimPlugin implements Plugin {

    private final List<KindMapper> mappers = List.of(new PersistentVolumeClaimMapper());

    @Override
    public String id() {
        return "kind-persistentvolumeclaim";
    }

    @Override
    public String description() {
        return "PersistentVolumeClaim -> EFS access point in the given EFS file system, mounted by the workloads as an EFS volume";
    }

    @Override
    public ApiVersion requiredApiVersion() {
        return new ApiVersion(1, 5); // EfsAccessPoint
    }

    @Override
    public List<KindMapper> kindMappers() {
        return mappers;
    }
}
