package io.kube2ecs.plugin.kind.securitygrouppolicy;

import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.podtemplate.Selectors;
import io.kube2ecs.podtemplate.ServiceRouting;
import io.kube2ecs.podtemplate.WorkloadService;
import java.util.ArrayList;
import java.util.List;

/**
 * A SecurityGroupPolicy gives its security groups to the pods it selects. The workload mappers
 * apply it (each ECS service's {@code securityGroups}); this mapper checks the policy itself and
 * reports one that selects no workload of the input.
 */
public final class SecurityGroupPolicyMapper implements KindMapper {

    static final String CODE_NO_MATCH = "SGP001";
    static final String CODE_NO_GROUPS = "SGP002";

    private static final List<ResourceKind> WORKLOADS = List.of(new ResourceKind("apps", "Deployment"),
            new ResourceKind("apps", "ReplicaSet"), new ResourceKind("apps", "StatefulSet"), new ResourceKind("", "Pod"));

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("spec.securityGroups.groupIds", "security groups of the matching ECS services and tasks"),
                FieldSupport.mapped("spec.podSelector", "matches the pod templates of Deployments, ReplicaSets and Pods of the namespace"),
                FieldSupport.mapped("spec.serviceAccountSelector", "matches the workloads running as the selected ServiceAccounts"));
    }

    @Override
    public ResourceKind kind() {
        return WorkloadService.SECURITY_GROUP_POLICY;
    }

    @Override
    public void map(SourceObject policy, MappingContext context) {
        SourceNode spec = policy.root().get("spec");
        List<String> groups = spec.get("securityGroups").get("groupIds").asStringList();
        if (groups.isEmpty()) {
            context.diagnostics().warning(spec.get("securityGroups"), CODE_NO_GROUPS, "policy lists no security group ids", null);
        }
        if (spec.get("podSelector").exists()) {
            Selectors.read(spec.get("podSelector"));
        }
        if (spec.get("serviceAccountSelector").exists()) {
            Selectors.read(spec.get("serviceAccountSelector"));
        }
        List<String> matched = new ArrayList<>();
        SourceObject plainPolicy = context.objects().find(policy.ref()).orElse(policy);
        for (ResourceKind kind : WORKLOADS) {
            for (SourceObject workload : context.objects().all(kind)) {
                if (!workload.namespace().equals(policy.namespace()) || !ServiceRouting.standalone(workload)) {
                    continue;
                }
                if (WorkloadService.selects(plainPolicy, ServiceRouting.podTemplate(workload), workload.namespace(), context.objects())) {
                    matched.add(workload.ref().toString());
                }
            }
        }
        if (matched.isEmpty()) {
            context.diagnostics().warning(spec, CODE_NO_MATCH, "SecurityGroupPolicy '" + policy.name()
                    + "' selects no Deployment, ReplicaSet or Pod of the input; its groups are not used",
                    "check the selector labels, or add the workloads it is meant for");
        } else {
            context.diagnostics().info(spec, CODE_NO_MATCH, "security groups " + groups + " go to " + String.join(", ", matched), null);
        }
    }
}
