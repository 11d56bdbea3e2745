package io.kube2ecs.plugin.kind.service;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code Service} to Cloud Map service discovery (or Service Connect) and, for type
 * LoadBalancer, to an Application or Network Load Balancer.
 */
public final class ServicePlugin implements Plugin {

    @Override
    public String id() {
        return "kind-service";
    }

    @Override
    public String description() {
        return "Service -> Cloud Map service discovery / Service Connect; type LoadBalancer -> ALB or NLB";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new ServiceMapper());
    }
}
