package io.kube2ecs.plugin.kind.securitygrouppolicy;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps the VPC CNI's {@code SecurityGroupPolicy} to the security groups of the matching workloads.
 */
public final class SecurityGroupPolicyPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-securitygrouppolicy";
    }

    @Override
    public String description() {
        return "vpcresources.k8s.aws/SecurityGroupPolicy -> security groups of the matching ECS services";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new SecurityGroupPolicyMapper());
    }
}
