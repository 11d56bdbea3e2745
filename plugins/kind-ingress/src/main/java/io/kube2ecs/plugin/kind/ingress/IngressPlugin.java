package io.kube2ecs.plugin.kind.ingress;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code Ingress} (networking.k8s.io/v1 and the older extensions/v1beta1 shape) to
 * Application Load Balancers.
 */
public final class IngressPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-ingress";
    }

    @Override
    public String description() {
        return "Ingress -> Application Load Balancer (listeners, rules, ip target groups)";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new IngressMapper(new io.kube2ecs.api.source.ResourceKind("networking.k8s.io", "Ingress")),
                new IngressMapper(new io.kube2ecs.api.source.ResourceKind("extensions", "Ingress")));
    }
}
