package io.kube2ecs.podtemplate;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;

import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.MappingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The ECS service (or one-off task) that runs a workload's task definition, with the network
 * placement of the environment and the security groups that SecurityGroupPolicies give its pods.
 */
public final class WorkloadService {

    /** The kind of the AWS VPC CNI's per-pod security group policy. */
    public static final ResourceKind SECURITY_GROUP_POLICY = new ResourceKind("vpcresources.k8s.aws", "SecurityGroupPolicy");
    private static final ResourceKind SERVICE_ACCOUNT = new ResourceKind("", "ServiceAccount");

    private WorkloadService() {
    }

    /**
     * Creates the service for a workload and adds it to the model.
     *
     * @param owner    the workload
     * @param task     its task definition
     * @param template from the owner's root to its pod template
     * @param context  the mapping context
     * @return the service, for the caller to set replicas and rollout
     */
    public static EcsService service(SourceObject owner, TaskDefinition task, UnaryOperator<SourceNode> template,
                                     MappingContext context) {
        DeploymentModel model = context.model();
        ConversionSettings settings = context.settings();
        EcsService service = new EcsService(ModelIds.service(owner.namespace(), owner.name()),
                settings.awsName(owner.namespace(), owner.name(), 255), task.id());
        service.addOrigin(owner.ref());
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        service.securityGroups().addAll(securityGroups(owner, template, context));
        service.assignPublicIp(settings.assignPublicIp());
        service.platformVersion(settings.platformVersion());
        service.tags().putAll(task.tags());
        model.add(service);
        return service;
    }

    /**
     * Creates a one-off run of a bare Pod's task definition and adds it to the model.
     *
     * @param owner   the Pod
     * @param task    its task definition
     * @param context the mapping context
     * @return the run
     */
    public static RunTask runTask(SourceObject owner, TaskDefinition task, MappingContext context) {
        DeploymentModel model = context.model();
        RunTask run = new RunTask(new io.kube2ecs.api.model.ResourceId(RunTask.TYPE, owner.namespace(), owner.name()), task.id());
        run.addOrigin(owner.ref());
        run.cluster(model.input(StandardInputs.CLUSTER));
        run.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        run.securityGroups().addAll(securityGroups(owner, UnaryOperator.identity(), context));
        run.assignPublicIp(context.settings().assignPublicIp());
        run.platformVersion(context.settings().platformVersion());
        run.tags().putAll(task.tags());
        model.add(run);
        return run;
    }

    /**
     * The security groups of a workload's tasks: those of every SecurityGroupPolicy in its
     * namespace whose podSelector matches the pod labels or whose serviceAccountSelector matches
     * the pod's ServiceAccount, as the VPC CNI assigns them; else the environment's task groups.
     */
    static List<Value> securityGroups(SourceObject owner, UnaryOperator<SourceNode> template, MappingContext context) {
        SourceNode pod = template.apply(context.objects().find(owner.ref()).orElse(owner).root());
        Map<String, String> podLabels = pod.get("metadata").get("labels").asStringMap();
        String account = pod.get("spec").get("serviceAccountName").asText().orElse("default");
        Map<String, String> accountLabels = context.objects()
                .find(new ObjectRef(SERVICE_ACCOUNT, owner.namespace(), account))
                .map(a -> a.root().get("metadata").get("labels").asStringMap()).orElse(Map.of());
        Set<String> groups = new LinkedHashSet<>();
        for (SourceObject policy : context.objects().all(SECURITY_GROUP_POLICY)) {
            if (policy.namespace().equals(owner.namespace()) && matches(policy, podLabels, accountLabels)) {
                for (SourceNode id : policy.root().get("spec").get("securityGroups").get("groupIds").items()) {
                    id.asText().ifPresent(groups::add);
                }
            }
        }
        List<Value> out = new ArrayList<>();
        if (groups.isEmpty()) {
            out.add(context.model().input(StandardInputs.SECURITY_GROUP_IDS));
        } else {
            groups.forEach(g -> out.add(Value.of(g)));
        }
        return out;
    }

    /** Whether a SecurityGroupPolicy selects a pod, by its pod or service-account selector. */
    public static boolean matches(SourceObject policy, Map<String, String> podLabels, Map<String, String> accountLabels) {
        SourceNode spec = policy.root().get("spec");
        SourceNode podSelector = spec.get("podSelector");
        SourceNode accountSelector = spec.get("serviceAccountSelector");
        return podSelector.exists() && Selectors.read(podSelector).matches(podLabels)
                || accountSelector.exists() && Selectors.read(accountSelector).matches(accountLabels);
    }

}
