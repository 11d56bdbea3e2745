package io.kube2ecs.plugin.emit.ecsjson;

import static io.kube2ecs.ecsshapes.JsonFields.putIfSet;
import static io.kube2ecs.ecsshapes.JsonFields.strings;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.ecsshapes.ContainerShapes;
import io.kube2ecs.ecsshapes.Digests;
import io.kube2ecs.ecsshapes.JsonText;
import io.kube2ecs.ecsshapes.ScalingShapes;
import io.kube2ecs.ecsshapes.ScheduleShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code <namespace>/<name>/task-definition.json} and {@code service.json} (or
 * {@code run-task.json} for a one-off task) for every task definition of the model, as inputs of
 * {@code aws ecs register-task-definition}, {@code create-service} and {@code run-task}
 * {@code --cli-input-json}; for a scaled service also {@code scalable-target.json} and
 * {@code scaling-policy-<cpu|memory>.json}, inputs of {@code aws application-autoscaling
 * register-scalable-target} and {@code put-scaling-policy}; for a scheduled run also
 * {@code create-schedule.json}, input of {@code aws scheduler create-schedule}, with the trust and
 * permission policies of the role it names ({@code ECSJSON004}).
 *
 * <p>This target creates no supporting resources (log groups, roles, load balancers): log groups
 * are created by ECS on first use ({@code awslogs-create-group}), and values AWS assigns elsewhere
 * are named placeholders, listed in an info diagnostic.
 */
public final class EcsJsonEmitter implements Emitter {

    /** The target id. */
    public static final String TARGET = "ecs-json";

    static final String CODE_PLACEHOLDERS = "ECSJSON001";
    static final String CODE_LOG_GROUPS = "ECSJSON002";
    static final String CODE_ACCESS_POINTS = "ECSJSON003";
    static final String CODE_SCHEDULER_ROLES = "ECSJSON004";
    /** Appended to the cluster input's placeholder for the cluster's ARN, which only a schedule needs. */
    static final String ARN_SUFFIX = "_ARN";
    /** Appended to the cluster input's placeholder for the cluster's name, which Application Auto Scaling needs. */
    static final String NAME_SUFFIX = "_NAME";
    /** What to fill in for the cluster's ARN, in the run's list of values to fill in. */
    static final String ARN_DESCRIPTION = "ECS cluster ARN, not its name (ECS JSON schedules; the profile's cluster gives it)";
    /** What to fill in for the cluster's name, in the run's list of values to fill in. */
    static final String NAME_DESCRIPTION = "ECS cluster name, not its ARN (ECS JSON scaling files; the profile's cluster gives it)";
    /** The API that has {@link EmitContext#placeholder}. */
    private static final ApiVersion PLACEHOLDER_API = new ApiVersion(1, 7);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DefaultPrettyPrinter PRINTER =
            new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public String outputFolder() {
        return "ecs";
    }

    @Override
    public void emit(DeploymentModel model, EmitContext context) {
        ValueRenderer values = new ValueRenderer(model);
        String kmsKey = context.settings() == null ? null : context.settings().kmsKeyArn();
        for (TaskDefinition task : model.all(TaskDefinition.class)) {
            String folder = folder(task.id().namespace(), task.id().name());
            context.output().write(folder + "/task-definition.json", render(taskDefinition(task, values)));
            ObjectNode policy = DeployScripts.executionRolePolicy(task, model, values, kmsKey);
            if (policy != null) {
                context.output().write(folder + "/execution-role-policy.json", render(policy));
            }
            ObjectNode taskPolicy = DeployScripts.taskRolePolicy(task, model, values);
            if (taskPolicy != null) {
                context.output().write(folder + "/task-role-policy.json", render(taskPolicy));
            }
        }
        String script = DeployScripts.parametersScript(model, values, kmsKey);
        if (script != null) {
            context.output().write("parameters.sh", script);
        }
        for (EcsService service : model.all(EcsService.class)) {
            TaskDefinition task = model.find(service.taskDefinition(), TaskDefinition.class).orElseThrow(
                    () -> new IllegalStateException(service.id() + " runs " + service.taskDefinition() + ", which is not in the model"));
            context.output().write(folder(service.id().namespace(), service.id().name()) + "/service.json",
                    render(service(service, task, values)));
        }
        Set<String> clusterNames = new TreeSet<>();
        for (ScalingPolicy policy : model.all(ScalingPolicy.class)) {
            EcsService service = model.find(policy.service(), EcsService.class).orElse(null);
            String folder = folder(policy.service().namespace(), policy.service().name());
            String serviceName = service != null ? service.serviceName() : values.text(Value.ref(policy.service(), Value.Attribute.NAME));
            String cluster = scalingCluster(service, model, values);
            if (cluster.startsWith("${")) {
                clusterNames.add(cluster);
            }
            String resourceId = "service/" + cluster + "/" + serviceName;
            context.output().write(folder + "/scalable-target.json", render(scalableTarget(policy, resourceId)));
            List<String> suffixes = ScalingShapes.suffixes(policy.targets());
            for (int i = 0; i < suffixes.size(); i++) {
                context.output().write(folder + "/scaling-policy-" + suffixes.get(i) + ".json", render(scalingPolicy(
                        ScalingShapes.policyName(serviceName, suffixes.get(i)), policy.targets().get(i), resourceId)));
            }
        }
        List<EfsAccessPoint> accessPoints = model.all(EfsAccessPoint.class);
        for (EfsAccessPoint accessPoint : accessPoints) {
            context.output().write(accessPointFile(accessPoint), render(createAccessPoint(accessPoint, values)));
        }
        if (!accessPoints.isEmpty()) {
            EfsAccessPoint first = accessPoints.get(0);
            // AWS assigns the id, so the task definitions hold a placeholder for it, listed with the others in ECSJSON001
            context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_ACCESS_POINTS, "the task definitions mount "
                    + (accessPoints.size() == 1 ? "1 EFS access point that AWS must create first; its id is a placeholder"
                    : accessPoints.size() + " EFS access points that AWS must create first; their ids are placeholders"), "create each with aws efs create-access-point "
                    + "--cli-input-json file://ecs/" + accessPointFile(first) + " and put the AccessPointId it prints in "
                    + values.text(Value.ref(first.id(), Value.Attribute.ID)) + ", before registering the task definitions", null, null));
        }
        for (RunTask run : model.all(RunTask.class)) {
            TaskDefinition task = model.find(run.taskDefinition(), TaskDefinition.class).orElseThrow(
                    () -> new IllegalStateException(run.id() + " runs " + run.taskDefinition() + ", which is not in the model"));
            context.output().write(folder(run.id().namespace(), run.id().name()) + "/run-task.json",
                    render(runTask(run, task, values)));
        }
        List<String> roles = new ArrayList<>();
        Set<String> clusterArns = new TreeSet<>();
        String firstFolder = null;
        for (ScheduledTask schedule : model.all(ScheduledTask.class)) {
            RunTask run = ScheduleShapes.run(schedule, model);
            TaskDefinition task = ScheduleShapes.task(run, model);
            String folder = folder(schedule.id().namespace(), schedule.id().name());
            String cluster = clusterArn(run, values);
            if (cluster.startsWith("${")) {
                clusterArns.add(cluster);
            }
            context.output().write(folder + "/create-schedule.json", render(createSchedule(schedule, run, task, cluster, values)));
            context.output().write(folder + "/scheduler-trust-policy.json", render(schedulerTrust(values)));
            context.output().write(folder + "/scheduler-role-policy.json", render(schedulerPolicy(task, cluster, values)));
            roles.add(ScheduleShapes.roleName(schedule.scheduleName()));
            firstFolder = firstFolder == null ? folder : firstFolder;
        }
        if (!roles.isEmpty()) {
            // paths from the output folder given with -o, where the user runs the commands
            String policies = "file://" + outputFolder() + "/" + firstFolder;
            context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_SCHEDULER_ROLES, (roles.size() == 1
                    ? "a schedule starts its task with a role" : roles.size() + " schedules start their tasks with roles")
                    + " this target does not create: " + String.join(", ", roles),
                    "create each before its schedule, from the policies next to its create-schedule.json, e.g. aws iam create-role "
                            + "--role-name " + roles.get(0) + " --assume-role-policy-document " + policies
                            + "/scheduler-trust-policy.json && aws iam put-role-policy --role-name " + roles.get(0) + " --policy-name "
                            + ScheduleShapes.POLICY_NAME + " --policy-document " + policies + "/scheduler-role-policy.json"
                            + (clusterArns.isEmpty() ? "" : "; fill in " + String.join(", ", clusterArns) + " with the cluster's ARN "
                            + "(arn:aws:ecs:REGION:ACCOUNT_ID:cluster/NAME), not its name"),
                    null, null));
        }
        List<LogGroup> groups = model.all(LogGroup.class);
        if (!groups.isEmpty()) {
            context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_LOG_GROUPS, "ECS creates the " + groups.size()
                    + (groups.size() == 1 ? " log group" : " log groups") + " on first use (awslogs-create-group), without retention settings",
                    "the execution role needs logs:CreateLogGroup, which AmazonECSTaskExecutionRolePolicy lacks; or create them "
                            + "first, e.g. aws logs create-log-group --log-group-name " + groups.get(0).name()
                            + (groups.get(0).retentionDays() == null ? "" : " && aws logs put-retention-policy --log-group-name "
                            + groups.get(0).name() + " --retention-in-days " + groups.get(0).retentionDays()), null, null));
        }
        if (!values.placeholders().isEmpty()) {
            context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_PLACEHOLDERS,
                    "ECS JSON output has placeholders to replace before use: " + String.join(", ", values.placeholders())
                            + (clusterArns.isEmpty() ? "" : "; " + String.join(", ", clusterArns) + " is the cluster's ARN (in "
                            + "create-schedule.json and its role's policy), where the cluster placeholder takes its name or ARN")
                            + (clusterNames.isEmpty() ? "" : "; " + String.join(", ", clusterNames) + " is the cluster's name, not its "
                            + "ARN (in scalable-target.json and scaling-policy-*.json), where the cluster placeholder takes its name or ARN"),
                    "set the environment values in a --profile file, or substitute them (e.g. with envsubst)", null, null));
        }
        // an older core's context lacks the method: there the placeholders are in ECSJSON001 only
        if (context.apiVersion().satisfies(PLACEHOLDER_API)) {
            values.derived().forEach(context::placeholder);
        }
    }

    /** Beside the namespace's workloads, in a folder no workload can have: Kubernetes names start with a letter or digit. */
    static String accessPointFile(EfsAccessPoint accessPoint) {
        return folder(accessPoint.id().namespace(), "_efs") + "/" + accessPoint.id().name() + ".json";
    }

    static ObjectNode createAccessPoint(EfsAccessPoint accessPoint, ValueRenderer values) {
        ObjectNode root = JSON.objectNode();
        String fileSystemId = values.text(accessPoint.fileSystemId());
        root.put("ClientToken", clientToken(accessPoint, fileSystemId));
        root.put("FileSystemId", fileSystemId);
        if (accessPoint.posixUser() != null) {
            root.putObject("PosixUser").put("Uid", accessPoint.posixUser().uid()).put("Gid", accessPoint.posixUser().gid());
        }
        ObjectNode directory = root.putObject("RootDirectory").put("Path", accessPoint.path());
        directory.putObject("CreationInfo").put("OwnerUid", accessPoint.ownerUid()).put("OwnerGid", accessPoint.ownerGid())
                .put("Permissions", accessPoint.permissions());
        ArrayNode tags = root.putArray("Tags");
        Map<String, String> all = new java.util.TreeMap<>(accessPoint.tags());
        all.put("Name", accessPoint.name());
        all.forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return root;
    }

    /** How many hex characters of the hash a client token keeps: 64, EFS's limit, less the longest file system id and "-". */
    static final int TOKEN_HASH = 64 - "fs-".length() - 40 - 1;

    /**
     * {@code <file system id>-<hash>}, the hash (SHA-256, cut to {@link #TOKEN_HASH} hex characters) taken
     * over the file system id, the path, the creation info and the POSIX user. EFS returns the access point
     * first created with a token when the same token comes again with the same parameters, and fails when
     * they differ: a token made of the names alone would meet itself when another cluster, or the same one
     * with another owner, is converted in the same account. Running the same request twice still returns one
     * access point. The file system id is written as is so that substituting its placeholder (a file system
     * id is at most 43 characters) changes the token too; its hash then covers the placeholder.
     */
    static String clientToken(EfsAccessPoint accessPoint, String fileSystemId) {
        EfsAccessPoint.PosixUser user = accessPoint.posixUser();
        String identity = String.join("\n", fileSystemId, accessPoint.path(), accessPoint.ownerUid() + ":" + accessPoint.ownerGid()
                + ":" + accessPoint.permissions(), user == null ? "-" : user.uid() + ":" + user.gid());
        return fileSystemId + "-" + Digests.sha256Hex(identity).substring(0, TOKEN_HASH);
    }

    private static String folder(String namespace, String name) {
        return (namespace.isEmpty() ? "_cluster" : namespace) + "/" + name;
    }

    private static String render(ObjectNode node) {
        return JsonText.writeLine(node, PRINTER);
    }

    static ObjectNode taskDefinition(TaskDefinition task, ValueRenderer values) {
        ObjectNode root = JSON.objectNode();
        root.put("family", task.family());
        if (task.taskRole() != null) {
            root.put("taskRoleArn", values.text(task.taskRole()));
        }
        if (task.executionRole() != null) {
            root.put("executionRoleArn", values.text(task.executionRole()));
        }
        root.put("networkMode", "awsvpc");
        root.putArray("requiresCompatibilities").add("FARGATE");
        root.put("cpu", Integer.toString(task.cpu()));
        root.put("memory", Integer.toString(task.memory()));
        if (task.cpuArchitecture() != null || task.operatingSystemFamily() != null) {
            ObjectNode platform = root.putObject("runtimePlatform");
            putIfSet(platform, "cpuArchitecture", task.cpuArchitecture());
            putIfSet(platform, "operatingSystemFamily", task.operatingSystemFamily());
        }
        if (task.pidMode() != null) {
            root.put("pidMode", task.pidMode());
        }
        if (task.ephemeralStorageGiB() != null) {
            root.putObject("ephemeralStorage").put("sizeInGiB", task.ephemeralStorageGiB());
        }
        root.set("containerDefinitions", ContainerShapes.containerDefinitions(task, values.format(), true));
        if (!task.volumes().isEmpty()) {
            ArrayNode volumes = root.putArray("volumes");
            for (Volume volume : task.volumes()) {
                ObjectNode node = volumes.addObject().put("name", volume.name());
                if (volume.efsFileSystemId() != null) {
                    ObjectNode efs = node.putObject("efsVolumeConfiguration");
                    efs.put("fileSystemId", values.text(volume.efsFileSystemId()));
                    putIfSet(efs, "rootDirectory", volume.efsRootDirectory());
                    if (volume.transitEncryption()) {
                        efs.put("transitEncryption", "ENABLED");
                    }
                    if (volume.efsAccessPointId() != null) {
                        // mounted with the task's network identity only: IAM authorization would need
                        // elasticfilesystem:Client* on a task role, and a file system policy that asks for it
                        efs.putObject("authorizationConfig").put("accessPointId", values.text(volume.efsAccessPointId()))
                                .put("iam", "DISABLED");
                    }
                }
            }
        }
        tags(root, task.tags());
        return root;
    }

    static ObjectNode service(EcsService service, TaskDefinition task, ValueRenderer values) {
        ObjectNode root = JSON.objectNode();
        if (service.cluster() != null) {
            root.put("cluster", values.text(service.cluster()));
        }
        root.put("serviceName", service.serviceName());
        root.put("taskDefinition", task.family());
        root.put("desiredCount", service.desiredCount());
        root.put("launchType", "FARGATE");
        root.put("platformVersion", service.platformVersion());
        ObjectNode deployment = root.putObject("deploymentConfiguration");
        deployment.put("maximumPercent", service.maximumPercent());
        deployment.put("minimumHealthyPercent", service.minimumHealthyPercent());
        if (service.deploymentController() == EcsService.DeploymentController.ECS) {
            deployment.putObject("deploymentCircuitBreaker").put("enable", service.circuitBreaker())
                    .put("rollback", service.circuitBreaker());
        } else {
            // ECS accepts a circuit breaker only with its own controller
            root.putObject("deploymentController").put("type", service.deploymentController().name());
        }
        network(root, service.subnets(), service.securityGroups(), service.assignPublicIp(), values);
        if (!service.loadBalancers().isEmpty()) {
            ArrayNode balancers = root.putArray("loadBalancers");
            for (EcsService.LoadBalancerAttachment attachment : service.loadBalancers()) {
                balancers.addObject()
                        .put("targetGroupArn", values.text(Value.ref(attachment.targetGroup(), Value.Attribute.ARN)))
                        .put("containerName", attachment.containerName())
                        .put("containerPort", attachment.containerPort());
            }
        }
        if (!service.serviceRegistries().isEmpty()) {
            ArrayNode registries = root.putArray("serviceRegistries");
            for (EcsService.ServiceRegistry registry : service.serviceRegistries()) {
                ObjectNode node = registries.addObject()
                        .put("registryArn", values.text(Value.ref(registry.discoveryService(), Value.Attribute.ARN)));
                putIfSet(node, "containerName", registry.containerName());
                putIfSet(node, "containerPort", registry.containerPort());
            }
        }
        EcsService.ServiceConnect connect = service.serviceConnect();
        if (connect != null) {
            // the namespace's name doubles as its DNS name, e.g. shop.svc.cluster.local
            String namespace = connect.namespace().name();
            ObjectNode configuration = root.putObject("serviceConnectConfiguration").put("enabled", true).put("namespace", namespace);
            if (!connect.services().isEmpty()) {
                ArrayNode services = configuration.putArray("services");
                for (EcsService.Endpoint endpoint : connect.services()) {
                    ObjectNode node = services.addObject().put("portName", endpoint.portName())
                            .put("discoveryName", endpoint.discoveryName());
                    // the API takes one alias; the short name is the one clients of a Kubernetes Service use
                    node.putArray("clientAliases").addObject().put("port", endpoint.port()).put("dnsName", endpoint.dnsName());
                }
            }
        }
        putIfSet(root, "healthCheckGracePeriodSeconds", service.healthCheckGracePeriodSeconds());
        if (service.enableExecuteCommand()) {
            root.put("enableExecuteCommand", true);
        }
        root.put("enableECSManagedTags", true);
        root.put("propagateTags", "SERVICE");
        tags(root, service.tags());
        return root;
    }

    /**
     * The cluster of a scaling resource id, {@code service/<cluster>/<service>}: Application Auto Scaling names the
     * cluster by its name only, so a cluster given as an ARN is cut to its name. An input not filled in is
     * {@code ${CLUSTER_NAME}}, not {@code ${CLUSTER}}: that placeholder is described as a name or an ARN, and an ARN
     * put into a resource id makes register-scalable-target refuse it.
     */
    static String scalingCluster(EcsService service, DeploymentModel model, ValueRenderer values) {
        Value clusterValue = service != null ? service.cluster()
                : model.inputNamed(StandardInputs.CLUSTER).isPresent() ? model.input(StandardInputs.CLUSTER) : null;
        if (clusterValue instanceof Value.Input input && values.list(input).isEmpty()) {
            return values.placeholder(input.name(), NAME_SUFFIX, NAME_DESCRIPTION);
        }
        // without a cluster, create-service uses the default one
        String cluster = clusterValue == null ? "default" : values.text(clusterValue);
        int at = cluster.startsWith("arn:") ? cluster.indexOf(":cluster/") : -1;
        return at >= 0 ? cluster.substring(at + ":cluster/".length()) : cluster;
    }

    static ObjectNode scalableTarget(ScalingPolicy policy, String resourceId) {
        ObjectNode root = JSON.objectNode();
        root.put("ServiceNamespace", ScalingShapes.SERVICE_NAMESPACE);
        root.put("ResourceId", resourceId);
        root.put("ScalableDimension", ScalingShapes.SCALABLE_DIMENSION);
        root.put("MinCapacity", policy.minCapacity());
        root.put("MaxCapacity", policy.maxCapacity());
        if (!policy.tags().isEmpty()) {
            ObjectNode tags = root.putObject("Tags");
            policy.tags().forEach(tags::put);
        }
        return root;
    }

    static ObjectNode scalingPolicy(String name, ScalingPolicy.TargetTracking tracking, String resourceId) {
        ObjectNode root = JSON.objectNode();
        root.put("PolicyName", name);
        root.put("ServiceNamespace", ScalingShapes.SERVICE_NAMESPACE);
        root.put("ResourceId", resourceId);
        root.put("ScalableDimension", ScalingShapes.SCALABLE_DIMENSION);
        root.put("PolicyType", ScalingShapes.POLICY_TYPE);
        ObjectNode configuration = root.putObject("TargetTrackingScalingPolicyConfiguration");
        configuration.set("TargetValue", ScalingShapes.numberNode(tracking.targetValue()));
        configuration.putObject("PredefinedMetricSpecification").put("PredefinedMetricType", tracking.metric());
        // as close as Application Auto Scaling gets to a HorizontalPodAutoscaler's defaults: scale out at once,
        // scale in after the 5-minute scale-down stabilization window
        configuration.put("ScaleOutCooldown", ScalingShapes.SCALE_OUT_COOLDOWN);
        configuration.put("ScaleInCooldown", ScalingShapes.SCALE_IN_COOLDOWN);
        return root;
    }

    static ObjectNode runTask(RunTask run, TaskDefinition task, ValueRenderer values) {
        ObjectNode root = JSON.objectNode();
        if (run.cluster() != null) {
            root.put("cluster", values.text(run.cluster()));
        }
        root.put("taskDefinition", task.family());
        root.put("count", 1);
        root.put("launchType", "FARGATE");
        root.put("platformVersion", run.platformVersion());
        network(root, run.subnets(), run.securityGroups(), run.assignPublicIp(), values);
        root.put("enableECSManagedTags", true);
        root.put("propagateTags", "TASK_DEFINITION");
        tags(root, run.tags());
        return root;
    }

    /**
     * The input of {@code aws scheduler create-schedule}: the run's task on Fargate with its network
     * configuration, started by the role the scheduler assumes (named as {@code ECSJSON004} asks to
     * create it). The task definition is named without a revision, so the schedule starts the latest.
     */
    static ObjectNode createSchedule(ScheduledTask schedule, RunTask run, TaskDefinition task, String cluster, ValueRenderer values) {
        ObjectNode root = JSON.objectNode();
        root.put("Name", schedule.scheduleName());
        root.put("ScheduleExpression", schedule.expression());
        putIfSet(root, "ScheduleExpressionTimezone", schedule.timeZone());
        root.put("State", ScheduleShapes.state(schedule));
        root.putObject("FlexibleTimeWindow").put("Mode", "OFF");
        ObjectNode target = root.putObject("Target");
        target.put("Arn", cluster);
        target.put("RoleArn", values.roleArn(ScheduleShapes.roleName(schedule.scheduleName())));
        ObjectNode ecs = target.putObject("EcsParameters");
        ecs.put("TaskDefinitionArn", values.ecsArn("task-definition/" + task.family()));
        ecs.put("TaskCount", 1);
        ecs.put("LaunchType", ScheduleShapes.LAUNCH_TYPE);
        ecs.put("PlatformVersion", run.platformVersion());
        // the scheduler's API names this one member in camelCase
        ObjectNode vpc = ecs.putObject("NetworkConfiguration").putObject("awsvpcConfiguration");
        strings(vpc.putArray("Subnets"), values.listOrPlaceholder(run.subnets()));
        List<String> groups = values.listOrPlaceholder(run.securityGroups());
        if (!groups.isEmpty()) {
            strings(vpc.putArray("SecurityGroups"), groups);
        }
        vpc.put("AssignPublicIp", run.assignPublicIp() ? "ENABLED" : "DISABLED");
        ecs.put("EnableECSManagedTags", true);
        ecs.put("PropagateTags", ScheduleShapes.PROPAGATE_TAGS);
        if (schedule.maximumEventAgeSeconds() != null) {
            // how late a run may still start (a CronJob's startingDeadlineSeconds); else Scheduler's default, a day
            target.putObject("RetryPolicy").put("MaximumEventAgeInSeconds", schedule.maximumEventAgeSeconds());
        }
        return root;
    }

    /** The trust policy of a scheduler role: EventBridge Scheduler of this account, and no other. */
    static ObjectNode schedulerTrust(ValueRenderer values) {
        ObjectNode policy = JSON.objectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject().put("Effect", "Allow");
        statement.putObject("Principal").put("Service", ScheduleShapes.PRINCIPAL);
        statement.put("Action", "sts:AssumeRole");
        statement.putObject("Condition").putObject("StringEquals").put("aws:SourceAccount", values.accountId());
        return policy;
    }

    /**
     * What a scheduler role may do: run the task's family (its latest or any revision) in the cluster, tag the tasks it starts
     * (as they start), and pass the task's roles to ECS.
     */
    static ObjectNode schedulerPolicy(TaskDefinition task, String cluster, ValueRenderer values) {
        ObjectNode policy = JSON.objectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode runTask = statements.addObject().put("Sid", "RunTask").put("Effect", "Allow").put("Action", "ecs:RunTask");
        // create-schedule.json names the family without a revision (the latest ACTIVE one), the ARN of a
        // revision ends in :<n>: both, so the role does not depend on which form ECS authorizes
        runTask.putArray("Resource").add(values.ecsArn("task-definition/" + task.family()))
                .add(values.ecsArn("task-definition/" + task.family() + ":*"));
        runTask.putObject("Condition").putObject("ArnEquals").put("ecs:cluster", cluster);
        // the managed and propagated tags the task gets when it starts, and nothing else
        ObjectNode tagTasks = statements.addObject().put("Sid", "TagTheTasksItStarts").put("Effect", "Allow").put("Action", "ecs:TagResource");
        tagTasks.putArray("Resource").add(values.ecsArn(ScheduleShapes.TAGGED_TASKS));
        tagTasks.putObject("Condition").putObject("StringEquals").put("ecs:CreateAction", "RunTask");
        ObjectNode passRole = statements.addObject().put("Sid", "PassTaskRoles").put("Effect", "Allow").put("Action", "iam:PassRole");
        ArrayNode passed = passRole.putArray("Resource");
        ScheduleShapes.passedRoles(task).forEach(role -> passed.add(values.text(role)));
        return policy;
    }

    /**
     * The cluster's ARN, which a schedule's target needs where run-task takes a name too: a name is made an
     * ARN of this account and region. An input not filled in is {@code ${CLUSTER_ARN}}, not an ARN built around
     * {@code ${CLUSTER}}: that placeholder is described as a name or an ARN, and an ARN put into the built one
     * would break every scheduled run.
     */
    static String clusterArn(RunTask run, ValueRenderer values) {
        if (run.cluster() instanceof Value.Input input && values.list(input).isEmpty()) {
            return values.placeholder(input.name(), ARN_SUFFIX, ARN_DESCRIPTION);
        }
        // without a cluster, run-task uses the default one
        String cluster = run.cluster() == null ? "default" : values.text(run.cluster());
        return cluster.startsWith("arn:") ? cluster : values.ecsArn("cluster/" + cluster);
    }

    private static void network(ObjectNode root, List<Value> subnets, List<Value> securityGroups, boolean publicIp,
                                ValueRenderer values) {
        ObjectNode vpc = root.putObject("networkConfiguration").putObject("awsvpcConfiguration");
        strings(vpc.putArray("subnets"), values.listOrPlaceholder(subnets));
        List<String> groups = values.listOrPlaceholder(securityGroups);
        if (!groups.isEmpty()) {
            strings(vpc.putArray("securityGroups"), groups);
        }
        vpc.put("assignPublicIp", publicIp ? "ENABLED" : "DISABLED");
    }

    private static void tags(ObjectNode root, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ArrayNode array = root.putArray("tags");
        tags.forEach((key, value) -> array.addObject().put("key", key).put("value", value));
    }
}
