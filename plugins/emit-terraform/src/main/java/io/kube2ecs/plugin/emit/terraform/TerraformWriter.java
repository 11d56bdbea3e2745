package io.kube2ecs.plugin.emit.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.AwsResource;
import io.kube2ecs.api.model.CloudMapNamespace;
import io.kube2ecs.api.model.CloudMapService;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.IamRole;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SecurityGroup;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TargetGroup;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.ecsshapes.ContainerShapes;
import io.kube2ecs.ecsshapes.ListenerIndex;
import io.kube2ecs.ecsshapes.ParameterReadScope;
import io.kube2ecs.ecsshapes.ScalingShapes;
import io.kube2ecs.ecsshapes.ScheduleShapes;
import io.kube2ecs.ecsshapes.ValueFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code terraform/}: {@code versions.tf}, {@code variables.tf}, {@code outputs.tf},
 * {@code terraform.tfvars.example}, {@code main.tf} (the execution role) and one file per
 * namespace ({@code ns-<namespace>.tf}) and per workload ({@code <namespace>-<name>.tf}). Plain
 * resources only, references between them as Terraform references; secret values come from
 * sensitive variables through write-only arguments, so they stay out of the state.
 */
final class TerraformWriter {

    static final String CODE_MISSING = "TF001";
    static final String CODE_RUN_TASK = "TF002";
    static final String CODE_READ_SCOPE = "TF003";
    static final String CODE_ROLE_TOO_LARGE = "TF004";

    private DeploymentModel model;
    private Names names;
    private final Map<String, String> extraVariables = new TreeMap<>();
    /** Variables the written configuration references: only these are declared. */
    private final java.util.Set<String> usedVariables = new java.util.TreeSet<>(List.of(StandardInputs.REGION,
            StandardInputs.EXECUTION_ROLE_ARN));
    private String kmsKey;
    /** Set when the execution role reads parameters or secrets by namespace path; see {@link ParameterReadScope}. */
    private String readScopeNote;
    /** Set when even the widest scope does not fit and the role would be created: apply would fail. */
    private String readScopeOverflow;
    private boolean hasSecretReads;
    private boolean createCluster;
    /** The scaling policies of each scaled service, written in the service's file after it. */
    private Map<ResourceId, List<ScalingPolicy>> scaling;
    private ListenerIndex listeners;
    /** Set when a scheduler role's trust policy names this account: main.tf then reads it. */
    private boolean needsAccountId;
    private boolean accountIdRead;

    void run(DeploymentModel model, EmitContext context) {
        this.model = model;
        this.kmsKey = context.settings() == null ? null : context.settings().kmsKeyArn();
        this.createCluster = context.settings() != null && context.settings().createCluster();
        this.names = new Names(model.resources());
        this.scaling = ScalingShapes.byService(model);
        this.listeners = new ListenerIndex(model);
        this.hasSecretReads = model.all(TaskDefinition.class).stream().anyMatch(t -> t.containers().stream()
                .anyMatch(c -> !c.secrets().isEmpty() || c.repositoryCredentials() != null));
        // each file is rendered whole and written at once, so only one file's text is held at a time
        // (a workload's file collects resources of several types, which the model lists apart)
        Map<String, List<AwsResource>> byFile = new TreeMap<>();
        for (AwsResource resource : model.resources()) {
            byFile.computeIfAbsent(fileOf(resource), f -> new ArrayList<>()).add(resource);
        }
        String mainResources = "";
        for (Map.Entry<String, List<AwsResource>> file : byFile.entrySet()) {
            StringBuilder text = new StringBuilder();
            for (AwsResource resource : file.getValue()) {
                String block = resource(resource);
                if (block != null) {
                    text.append(block);
                }
            }
            if (file.getKey().equals("main.tf")) {
                mainResources = text.toString(); // a workload called main outside any namespace: it shares main.tf
            } else if (text.length() > 0) {
                context.output().write(file.getKey(), endWithOneNewline(text));
            }
        }
        java.util.Set<ResourceId> scheduled = ScheduleShapes.scheduledRuns(model);
        for (RunTask run : model.all(RunTask.class)) {
            if (scheduled.contains(run.id())) {
                continue; // its schedule starts it
            }
            context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_RUN_TASK, "Terraform creates the task definition of "
                    + run.origins() + " but does not run it", "run it once with aws ecs run-task (see the ECS JSON target's run-task.json)",
                    null, null));
        }
        String shared = executionRole();
        if (readScopeNote != null) {
            context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_READ_SCOPE, readScopeNote, "to keep single parameters "
                    + "and secrets, set execution_role_arn to a role you manage (for example with a managed policy per namespace)",
                    null, null));
        }
        if (readScopeOverflow != null) {
            context.diagnostics().report(new Diagnostic(Severity.WARNING, CODE_ROLE_TOO_LARGE, readScopeOverflow, "pass an existing execution role: "
                    + "executionRoleArn in the profile, or the variable execution_role_arn; the ECS JSON target's "
                    + "execution-role-policy.json files list what it must read", null, null));
        }
        if (createCluster) {
            shared = Hcl.block("resource", new Hcl.Body().attr("name", Hcl.raw(variable(StandardInputs.CLUSTER))), "aws_ecs_cluster", "this")
                    + shared;
        }
        context.output().write("main.tf", endWithOneNewline(new StringBuilder(shared).append(mainResources)));
        context.output().write("versions.tf", versions());
        context.output().write("variables.tf", variables());
        context.output().write("outputs.tf", outputs());
        context.output().write("terraform.tfvars.example", tfvarsExample());
        if (!extraVariables.isEmpty()) {
            context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_MISSING, "resources the input does not define are "
                    + "variables of the Terraform configuration: " + String.join(", ", extraVariables.keySet()), null, null, null));
        }
    }

    /** The text with its trailing blank lines cut to one newline, without copying it first. */
    private static String endWithOneNewline(StringBuilder text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        text.setLength(end);
        return text.append('\n').toString();
    }

    private String fileOf(AwsResource resource) {
        // a service's scaling goes in the service's file
        ResourceId id = resource instanceof ScalingPolicy policy ? policy.service() : resource.id();
        if (resource instanceof TaskDefinition || resource instanceof EcsService || resource instanceof LogGroup
                || resource instanceof ScalingPolicy || resource instanceof ScheduledTask
                || resource instanceof IamRole && id.name().startsWith("task/")) {
            String workload = id.name().startsWith("task/") ? id.name().substring(5) : id.name();
            return Names.identifier(id.namespace() + "-" + workload).replace('_', '-') + ".tf";
        }
        return id.namespace().isEmpty() ? "shared.tf" : "ns-" + Names.identifier(id.namespace()).replace('_', '-') + ".tf";
    }

    // ---- values

    private Hcl.Expr value(Value value) {
        if (value instanceof Value.Literal literal) {
            return Hcl.str(literal.value());
        }
        if (value instanceof Value.Input input) {
            return Hcl.raw(variable(input.name()));
        }
        Value.Ref ref = (Value.Ref) value;
        return Hcl.raw(reference(ref));
    }

    /** A reference to a variable, which is then declared. */
    private String variable(String name) {
        usedVariables.add(name);
        return "var." + name;
    }

    private String reference(Value.Ref ref) {
        AwsResource target = model.find(ref.target(), AwsResource.class).orElse(null);
        if (target instanceof IamRole role && role.existingArn() != null) {
            Hcl.Expr existing = value(role.existingArn());
            return existing instanceof Hcl.Str s ? "\"" + Hcl.escape(s.value()) + "\"" : Hcl.render(existing, 0);
        }
        String address = names.address(ref.target());
        if (address != null) {
            return address + "." + attribute(ref.attribute());
        }
        if (ref.target().type().equals(SsmParameter.TYPE) && ref.target().name().startsWith("secret/")) {
            String rest = ref.target().name().substring("secret/".length());
            int slash = rest.lastIndexOf('/');
            if (slash > 0) {
                ResourceId secret = new ResourceId(SecretsManagerSecret.TYPE, ref.target().namespace(), "secret/" + rest.substring(0, slash));
                if (names.address(secret) != null) {
                    return "\"${" + names.address(secret) + ".arn}:" + Hcl.escape(rest.substring(slash + 1)) + "::\"";
                }
            }
        }
        String variable = "missing_" + Names.identifier(ref.target().type() + "_" + ref.target().namespace() + "_" + ref.target().name()
                + "_" + ref.attribute()).toLowerCase(Locale.ROOT);
        extraVariables.put(variable, ref.attribute().name().toLowerCase(Locale.ROOT) + " of " + ref.target()
                + ", which the input does not define");
        return "var." + variable;
    }

    private static String attribute(Value.Attribute attribute) {
        return switch (attribute) {
            case ARN -> "arn";
            case NAME -> "name";
            case ID -> "id";
            case DNS_NAME -> "dns_name";
        };
    }

    /** A list whose elements may be list-typed inputs. */
    private Hcl.Expr list(List<Value> values) {
        List<Hcl.Expr> singles = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (Value value : values) {
            Optional<EnvironmentInput> input = value instanceof Value.Input i ? model.inputNamed(i.name()) : Optional.empty();
            if (input.isPresent() && input.get().type() == EnvironmentInput.Type.STRING_LIST) {
                lists.add(variable(input.get().name()));
            } else {
                singles.add(value(value));
            }
        }
        if (lists.isEmpty()) {
            return new Hcl.ListExpr(singles);
        }
        if (singles.isEmpty() && lists.size() == 1) {
            return Hcl.raw(lists.get(0));
        }
        List<String> parts = new ArrayList<>();
        if (!singles.isEmpty()) {
            parts.add(Hcl.render(new Hcl.ListExpr(singles), 0));
        }
        parts.addAll(lists);
        return Hcl.raw("concat(" + String.join(", ", parts) + ")");
    }

    private final ValueFormat format = new ValueFormat() {
        @Override
        public JsonNode value(Value value) {
            return new POJONode(TerraformWriter.this.value(value));
        }

        @Override
        public JsonNode suffixed(Value value, String suffix) {
            Hcl.Expr base = TerraformWriter.this.value(value);
            if (base instanceof Hcl.Str s) {
                return TextNode.valueOf(s.value() + suffix);
            }
            String text = ((Hcl.Raw) base).text();
            return new POJONode(text.startsWith("\"") ? Hcl.raw(text.substring(0, text.length() - 1) + Hcl.escape(suffix) + "\"")
                    : Hcl.template(text, suffix));
        }
    };

    private static Hcl.Expr json(JsonNode node) {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof Hcl.Expr expr) {
            return expr;
        }
        if (node.isObject()) {
            Hcl.ObjExpr object = Hcl.object();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                object.fields().put(field.getKey(), json(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            List<Hcl.Expr> items = new ArrayList<>();
            node.forEach(item -> items.add(json(item)));
            return new Hcl.ListExpr(items);
        }
        if (node.isBoolean()) {
            return new Hcl.Bool(node.asBoolean());
        }
        if (node.isIntegralNumber()) {
            return new Hcl.Num(node.asLong());
        }
        return Hcl.str(node.asText());
    }

    private Hcl.Expr tags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        Hcl.ObjExpr object = Hcl.object();
        new TreeMap<>(tags).forEach((k, v) -> object.fields().put(k, Hcl.str(v)));
        return object;
    }

    // ---- resources

    private String resource(AwsResource resource) {
        String name = names.name(resource.id());
        if (resource instanceof TaskDefinition task) {
            return taskDefinition(task, name);
        }
        if (resource instanceof EcsService service) {
            return service(service, name);
        }
        if (resource instanceof LogGroup group) {
            return Hcl.block("resource", new Hcl.Body().attr("name", group.name())
                    .attr("retention_in_days", group.retentionDays() == null ? null : new Hcl.Num(group.retentionDays()))
                    .attr("tags", tags(group.tags())), "aws_cloudwatch_log_group", name);
        }
        if (resource instanceof CloudMapNamespace namespace) {
            return Hcl.block("resource", new Hcl.Body().attr("name", namespace.dnsName()).attr("vpc", Hcl.raw(variable(StandardInputs.VPC_ID)))
                    .attr("tags", tags(namespace.tags())), "aws_service_discovery_private_dns_namespace", name);
        }
        if (resource instanceof CloudMapService discovery) {
            String namespace = names.address(discovery.namespace());
            Hcl.Body dns = new Hcl.Body().attr("namespace_id", Hcl.raw(namespace == null ? "null" : namespace + ".id"))
                    .attr("routing_policy", "MULTIVALUE")
                    .block("dns_records", new Hcl.Body().attr("ttl", discovery.ttlSeconds()).attr("type", discovery.recordType()));
            return Hcl.block("resource", new Hcl.Body().attr("name", discovery.name()).block("dns_config", dns)
                    .attr("tags", tags(discovery.tags())), "aws_service_discovery_service", name);
        }
        if (resource instanceof SsmParameter parameter) {
            Hcl.Body body = new Hcl.Body().attr("name", parameter.name()).attr("type", parameter.secure() ? "SecureString" : "String")
                    .attr("tier", parameter.advancedTier() ? "Advanced" : "Standard");
            if (parameter.secure()) {
                // write-only: the value never reaches the state; bump the version to rotate it
                body.attr("value_wo", value(parameter.value())).attr("value_wo_version", 1).attr("key_id", kmsKey);
            } else {
                body.attr("value", value(parameter.value()));
            }
            return Hcl.block("resource", body.attr("tags", tags(parameter.tags())), "aws_ssm_parameter", name);
        }
        if (resource instanceof SecretsManagerSecret secret) {
            String text = Hcl.block("resource", new Hcl.Body().attr("name", secret.name()).attr("kms_key_id", kmsKey)
                    .attr("tags", tags(secret.tags())),
                    "aws_secretsmanager_secret", name);
            Hcl.ObjExpr values = Hcl.object();
            secret.values().forEach((k, v) -> values.fields().put(k, value(v)));
            return text + Hcl.block("resource", new Hcl.Body().attr("secret_id", Hcl.raw("aws_secretsmanager_secret." + name + ".id"))
                    .attr("secret_string_wo", new Hcl.Call("jsonencode", values)).attr("secret_string_wo_version", 1),
                    "aws_secretsmanager_secret_version", name);
        }
        if (resource instanceof SecurityGroup group) {
            return securityGroup(group, name);
        }
        if (resource instanceof TargetGroup group) {
            return targetGroup(group, name);
        }
        if (resource instanceof LoadBalancer balancer) {
            return loadBalancer(balancer, name);
        }
        if (resource instanceof IamRole role) {
            return role.existingArn() != null ? null : role(role, name);
        }
        if (resource instanceof EfsAccessPoint accessPoint) {
            return accessPoint(accessPoint, name);
        }
        if (resource instanceof ScalingPolicy policy) {
            // written after the service it scales; on its own only when the model lacks the service
            return names.address(policy.service()) != null ? null : scaling(policy, null);
        }
        if (resource instanceof ScheduledTask schedule) {
            return schedule(schedule, name);
        }
        return null;
    }

    private String accessPoint(EfsAccessPoint accessPoint, String name) {
        Map<String, String> tags = new TreeMap<>(accessPoint.tags());
        tags.put("Name", accessPoint.name());
        Hcl.Body creation = new Hcl.Body().attr("owner_gid", accessPoint.ownerGid()).attr("owner_uid", accessPoint.ownerUid())
                .attr("permissions", accessPoint.permissions());
        Hcl.Body body = new Hcl.Body().attr("file_system_id", value(accessPoint.fileSystemId()));
        if (accessPoint.posixUser() != null) {
            body.block("posix_user", new Hcl.Body().attr("gid", accessPoint.posixUser().gid()).attr("uid", accessPoint.posixUser().uid()));
        }
        return Hcl.block("resource", body
                .block("root_directory", new Hcl.Body().attr("path", accessPoint.path()).block("creation_info", creation))
                .attr("tags", tags(tags)), "aws_efs_access_point", name);
    }

    /**
     * The schedule, and the role EventBridge Scheduler assumes to start the task: trusted by the
     * scheduler of this account only, allowed to run the task definition's family in the cluster, to
     * tag the tasks it starts as they start, and to pass the task's roles to ECS, nothing else.
     */
    private String schedule(ScheduledTask schedule, String name) {
        RunTask run = ScheduleShapes.run(schedule, model);
        TaskDefinition task = ScheduleShapes.task(run, model);
        String taskAddress = names.address(task.id());
        String roleName = Names.schedulerRole(name);
        String cluster = clusterArn(run.cluster());
        needsAccountId = true;

        Hcl.ObjExpr principal = Hcl.object();
        principal.fields().put("Service", Hcl.str(ScheduleShapes.PRINCIPAL));
        Hcl.ObjExpr sourceAccount = Hcl.object();
        sourceAccount.fields().put("aws:SourceAccount", Hcl.raw("data.aws_caller_identity.current.account_id"));
        Hcl.ObjExpr condition = Hcl.object();
        condition.fields().put("StringEquals", sourceAccount);
        Hcl.ObjExpr trust = Hcl.object();
        trust.fields().put("Effect", Hcl.str("Allow"));
        trust.fields().put("Principal", principal);
        trust.fields().put("Action", Hcl.str("sts:AssumeRole"));
        trust.fields().put("Condition", condition);
        StringBuilder out = new StringBuilder(Hcl.block("resource", new Hcl.Body()
                .attr("name", ScheduleShapes.roleName(schedule.scheduleName()))
                .attr("assume_role_policy", new Hcl.Call("jsonencode", document(List.of(trust))))
                .attr("tags", tags(schedule.tags())), "aws_iam_role", roleName));

        Hcl.ObjExpr inCluster = Hcl.object();
        inCluster.fields().put("ecs:cluster", Hcl.raw(cluster));
        Hcl.ObjExpr runCondition = Hcl.object();
        runCondition.fields().put("ArnEquals", inCluster);
        Hcl.ObjExpr runTask = Hcl.object();
        runTask.fields().put("Effect", Hcl.str("Allow"));
        runTask.fields().put("Action", Hcl.strings(List.of("ecs:RunTask")));
        // any revision of the family: the schedule follows the task definition as it changes
        runTask.fields().put("Resource", new Hcl.ListExpr(List.of(Hcl.template(taskAddress + ".arn_without_revision", ":*"))));
        runTask.fields().put("Condition", runCondition);
        List<Hcl.Expr> passed = new ArrayList<>(List.of(Hcl.raw("local.execution_role_arn")));
        if (task.taskRole() != null) {
            passed.add(value(task.taskRole()));
        }
        Hcl.ObjExpr onRunTask = Hcl.object();
        onRunTask.fields().put("ecs:CreateAction", Hcl.str("RunTask"));
        Hcl.ObjExpr tagCondition = Hcl.object();
        tagCondition.fields().put("StringEquals", onRunTask);
        Hcl.ObjExpr tagTasks = Hcl.object();
        tagTasks.fields().put("Effect", Hcl.str("Allow"));
        tagTasks.fields().put("Action", Hcl.strings(List.of("ecs:TagResource")));
        // the managed and propagated tags the task gets when it starts, and nothing else
        tagTasks.fields().put("Resource", new Hcl.ListExpr(List.of(Hcl.raw("\"arn:${data.aws_partition.current.partition}:ecs:${"
                + variable(StandardInputs.REGION) + "}:${data.aws_caller_identity.current.account_id}:" + ScheduleShapes.TAGGED_TASKS + "\""))));
        tagTasks.fields().put("Condition", tagCondition);
        Hcl.ObjExpr passRole = Hcl.object();
        passRole.fields().put("Effect", Hcl.str("Allow"));
        passRole.fields().put("Action", Hcl.strings(List.of("iam:PassRole")));
        passRole.fields().put("Resource", new Hcl.ListExpr(passed));
        out.append(Hcl.block("resource", new Hcl.Body().attr("name", ScheduleShapes.POLICY_NAME)
                .attr("role", Hcl.raw("aws_iam_role." + roleName + ".id"))
                .attr("policy", new Hcl.Call("jsonencode", document(List.of(runTask, tagTasks, passRole)))), "aws_iam_role_policy", roleName));

        Hcl.Body ecs = new Hcl.Body().attr("task_definition_arn", Hcl.raw(taskAddress + ".arn"))
                .attr("launch_type", ScheduleShapes.LAUNCH_TYPE).attr("platform_version", run.platformVersion())
                .attr("enable_ecs_managed_tags", true).attr("propagate_tags", ScheduleShapes.PROPAGATE_TAGS)
                .block("network_configuration", new Hcl.Body().attr("subnets", list(run.subnets()))
                        .attr("security_groups", list(run.securityGroups())).attr("assign_public_ip", run.assignPublicIp()));
        Hcl.Body target = new Hcl.Body().attr("arn", Hcl.raw(cluster)).attr("role_arn", Hcl.raw("aws_iam_role." + roleName + ".arn"))
                .block("ecs_parameters", ecs);
        if (schedule.maximumEventAgeSeconds() != null) {
            // how late a run may still start (a CronJob's startingDeadlineSeconds); else Scheduler's default, a day
            target.block("retry_policy", new Hcl.Body().attr("maximum_event_age_in_seconds", schedule.maximumEventAgeSeconds()));
        }
        // a run due right after the apply must find the scheduler's policy and the execution role's in place
        List<String> dependsOn = new ArrayList<>(List.of("aws_iam_role_policy." + roleName, "aws_iam_role_policy_attachment.execution"));
        if (hasSecretReads) {
            dependsOn.add("aws_iam_role_policy.execution_secrets");
        }
        out.append(Hcl.block("resource", new Hcl.Body().attr("name", schedule.scheduleName())
                .attr("schedule_expression", schedule.expression())
                .attr("schedule_expression_timezone", schedule.timeZone())
                .attr("state", ScheduleShapes.state(schedule))
                .block("flexible_time_window", new Hcl.Body().attr("mode", "OFF"))
                .block("target", target)
                .attr("depends_on", new Hcl.ListExpr(new TreeSet<>(dependsOn).stream().<Hcl.Expr>map(Hcl::raw).toList())),
                "aws_scheduler_schedule", name));
        return out.toString();
    }

    /**
     * The cluster's ARN, which a schedule's target needs where a service takes a name too: the
     * cluster input may hold either, so a name is made an ARN of this account and region.
     */
    private String clusterArn(Value cluster) {
        if (createCluster) {
            return "aws_ecs_cluster.this.arn";
        }
        String arnOfName = "arn:${data.aws_partition.current.partition}:ecs:${" + variable(StandardInputs.REGION)
                + "}:${data.aws_caller_identity.current.account_id}:cluster/";
        if (cluster == null) {
            return "\"" + arnOfName + "default\"";
        }
        Hcl.Expr expr = value(cluster);
        if (expr instanceof Hcl.Str literal) {
            return literal.value().startsWith("arn:") ? "\"" + Hcl.escape(literal.value()) + "\""
                    : "\"" + arnOfName + Hcl.escape(literal.value()) + "\"";
        }
        String text = Hcl.render(expr, 0);
        return "startswith(" + text + ", \"arn:\") ? " + text + " : \"" + arnOfName + "${" + text + "}\"";
    }

    private static Hcl.Expr document(List<Hcl.Expr> statements) {
        Hcl.ObjExpr document = Hcl.object();
        document.fields().put("Version", Hcl.str("2012-10-17"));
        document.fields().put("Statement", new Hcl.ListExpr(statements));
        return document;
    }

    private String taskDefinition(TaskDefinition task, String name) {
        Hcl.Body body = new Hcl.Body().attr("family", task.family()).attr("cpu", Integer.toString(task.cpu()))
                .attr("memory", Integer.toString(task.memory())).attr("network_mode", "awsvpc")
                .attr("requires_compatibilities", Hcl.strings(List.of("FARGATE")))
                .attr("execution_role_arn", Hcl.raw("local.execution_role_arn"));
        if (task.taskRole() != null) {
            body.attr("task_role_arn", value(task.taskRole()));
        }
        if (task.pidMode() != null) {
            body.attr("pid_mode", task.pidMode());
        }
        body.attr("container_definitions", new Hcl.Call("jsonencode", json(ContainerShapes.containerDefinitions(task, format, false))));
        for (Volume volume : task.volumes()) {
            Hcl.Body v = new Hcl.Body().attr("name", volume.name());
            if (volume.efsFileSystemId() != null) {
                Hcl.Body efs = new Hcl.Body().attr("file_system_id", value(volume.efsFileSystemId()))
                        .attr("root_directory", volume.efsRootDirectory())
                        .attr("transit_encryption", volume.transitEncryption() ? "ENABLED" : null);
                if (volume.efsAccessPointId() != null) {
                    // mounted with the task's network identity only: IAM authorization would need elasticfilesystem:Client*
                    // on a task role, and a file system policy that asks for it
                    efs.block("authorization_config", new Hcl.Body().attr("access_point_id", value(volume.efsAccessPointId()))
                            .attr("iam", "DISABLED"));
                }
                v.block("efs_volume_configuration", efs);
            }
            body.block("volume", v);
        }
        if (task.cpuArchitecture() != null || task.operatingSystemFamily() != null) {
            body.block("runtime_platform", new Hcl.Body().attr("cpu_architecture", task.cpuArchitecture())
                    .attr("operating_system_family", task.operatingSystemFamily()));
        }
        if (task.ephemeralStorageGiB() != null) {
            body.block("ephemeral_storage", new Hcl.Body().attr("size_in_gib", task.ephemeralStorageGiB()));
        }
        body.attr("tags", tags(task.tags()));
        return Hcl.block("resource", body, "aws_ecs_task_definition", name);
    }

    private String service(EcsService service, String name) {
        String task = names.address(service.taskDefinition());
        Hcl.Body body = new Hcl.Body().attr("name", service.serviceName())
                .attr("cluster", createCluster ? Hcl.raw("aws_ecs_cluster.this.arn") : value(service.cluster()))
                .attr("task_definition", Hcl.raw(task + ".arn")).attr("desired_count", service.desiredCount())
                .attr("launch_type", "FARGATE").attr("platform_version", service.platformVersion())
                .attr("deployment_maximum_percent", service.maximumPercent())
                .attr("deployment_minimum_healthy_percent", service.minimumHealthyPercent())
                .attr("propagate_tags", "SERVICE").attr("enable_ecs_managed_tags", true)
                .attr("enable_execute_command", service.enableExecuteCommand());
        if (service.healthCheckGracePeriodSeconds() != null) {
            body.attr("health_check_grace_period_seconds", service.healthCheckGracePeriodSeconds());
        }
        if (service.deploymentController() == EcsService.DeploymentController.ECS) {
            body.block("deployment_circuit_breaker", new Hcl.Body().attr("enable", service.circuitBreaker())
                    .attr("rollback", service.circuitBreaker()));
        } else {
            // ECS accepts a circuit breaker only with its own controller
            body.block("deployment_controller", new Hcl.Body().attr("type", service.deploymentController().name()));
        }
        body.block("network_configuration", new Hcl.Body().attr("subnets", list(service.subnets()))
                .attr("security_groups", list(service.securityGroups())).attr("assign_public_ip", service.assignPublicIp()));
        List<String> dependsOn = new ArrayList<>();
        for (EcsService.LoadBalancerAttachment attachment : service.loadBalancers()) {
            body.block("load_balancer", new Hcl.Body().attr("target_group_arn", value(Value.ref(attachment.targetGroup(), Value.Attribute.ARN)))
                    .attr("container_name", attachment.containerName()).attr("container_port", attachment.containerPort()));
            listenersOf(attachment.targetGroup()).forEach(dependsOn::add);
        }
        for (EcsService.ServiceRegistry registry : service.serviceRegistries()) {
            body.block("service_registries", new Hcl.Body().attr("registry_arn",
                    value(Value.ref(registry.discoveryService(), Value.Attribute.ARN))));
        }
        if (service.serviceConnect() != null) {
            String namespace = names.address(service.serviceConnect().namespace());
            Hcl.Body connect = new Hcl.Body().attr("enabled", true)
                    .attr("namespace", namespace == null ? Hcl.str(service.serviceConnect().namespace().name()) : Hcl.raw(namespace + ".arn"));
            for (EcsService.Endpoint endpoint : service.serviceConnect().services()) {
                connect.block("service", new Hcl.Body().attr("port_name", endpoint.portName()).attr("discovery_name", endpoint.discoveryName())
                        .block("client_alias", new Hcl.Body().attr("port", endpoint.port()).attr("dns_name", endpoint.dnsName())));
            }
            body.block("service_connect_configuration", connect);
        }
        // the first tasks start only once the execution role may pull images, write logs and read secrets
        dependsOn.add("aws_iam_role_policy_attachment.execution");
        if (hasSecretReads) {
            dependsOn.add("aws_iam_role_policy.execution_secrets");
        }
        body.attr("depends_on", new Hcl.ListExpr(new TreeSet<>(dependsOn).stream().<Hcl.Expr>map(Hcl::raw).toList()));
        body.attr("tags", tags(service.tags()));
        List<ScalingPolicy> policies = scaling.getOrDefault(service.id(), List.of());
        if (policies.isEmpty()) {
            return Hcl.block("resource", body, "aws_ecs_service", name);
        }
        // Application Auto Scaling owns the task count from now on: a later apply must not set it back
        body.block("lifecycle", new Hcl.Body().attr("ignore_changes", Hcl.raw("[desired_count]")));
        StringBuilder out = new StringBuilder(Hcl.block("resource", body, "aws_ecs_service", name));
        for (ScalingPolicy policy : policies) {
            out.append(scaling(policy, service));
        }
        return out.toString();
    }

    /**
     * The scalable target of a service's desired count and one target-tracking policy per target.
     *
     * @param service the service, or null when the model lacks it (its ARN is then a variable)
     */
    private String scaling(ScalingPolicy policy, EcsService service) {
        String target = names.name(policy.id());
        // the service's id is its ARN, arn:<partition>:ecs:<region>:<account>:service/<cluster>/<service>, so its sixth
        // ':'-separated field is the resource id Application Auto Scaling wants, whether var.cluster is a name or an ARN
        String arn = service != null ? names.address(service.id()) + ".id"
                : Hcl.render(value(Value.ref(policy.service(), Value.Attribute.ARN)), 0);
        String serviceName = service != null ? service.serviceName() : policy.service().name();
        StringBuilder out = new StringBuilder(Hcl.block("resource", new Hcl.Body()
                .attr("service_namespace", ScalingShapes.SERVICE_NAMESPACE)
                .attr("scalable_dimension", ScalingShapes.SCALABLE_DIMENSION)
                .attr("resource_id", Hcl.raw("element(split(\":\", " + arn + "), 5)"))
                .attr("min_capacity", policy.minCapacity()).attr("max_capacity", policy.maxCapacity())
                .attr("tags", tags(policy.tags())), "aws_appautoscaling_target", target));
        List<String> suffixes = ScalingShapes.suffixes(policy.targets());
        for (int i = 0; i < suffixes.size(); i++) {
            ScalingPolicy.TargetTracking tracking = policy.targets().get(i);
            String address = "aws_appautoscaling_target." + target;
            Hcl.Body configuration = new Hcl.Body()
                    .attr("target_value", Hcl.raw(ScalingShapes.number(tracking.targetValue()).toPlainString()))
                    .attr("scale_out_cooldown", ScalingShapes.SCALE_OUT_COOLDOWN)
                    .attr("scale_in_cooldown", ScalingShapes.SCALE_IN_COOLDOWN)
                    .block("predefined_metric_specification", new Hcl.Body().attr("predefined_metric_type", tracking.metric()));
            if (i == 0) {
                out.append("# the cooldowns of these policies come closest to a HorizontalPodAutoscaler's defaults: scale out at once\n"
                        + "# (60 s for new tasks to report their load), scale in after its 5-minute scale-down stabilization window (300 s)\n");
            }
            out.append(Hcl.block("resource", new Hcl.Body().attr("name", ScalingShapes.policyName(serviceName, suffixes.get(i)))
                    .attr("policy_type", ScalingShapes.POLICY_TYPE)
                    .attr("service_namespace", Hcl.raw(address + ".service_namespace"))
                    .attr("scalable_dimension", Hcl.raw(address + ".scalable_dimension"))
                    .attr("resource_id", Hcl.raw(address + ".resource_id"))
                    .block("target_tracking_scaling_policy_configuration", configuration),
                    "aws_appautoscaling_policy", target + "_" + Names.identifier(suffixes.get(i))));
        }
        return out.toString();
    }

    private List<String> listenersOf(ResourceId targetGroup) {
        List<String> out = new ArrayList<>();
        for (ListenerIndex.Entry entry : listeners.forwardingTo(targetGroup)) {
            out.add("aws_lb_listener." + names.name(entry.balancer().id()) + "_" + entry.listener().port());
        }
        return out;
    }

    private String securityGroup(SecurityGroup group, String name) {
        StringBuilder out = new StringBuilder(Hcl.block("resource", new Hcl.Body().attr("name", group.name())
                .attr("description", group.description()).attr("vpc_id", Hcl.raw(variable(StandardInputs.VPC_ID)))
                .attr("tags", tags(group.tags())), "aws_security_group", name));
        out.append(Hcl.block("resource", new Hcl.Body().attr("security_group_id", Hcl.raw("aws_security_group." + name + ".id"))
                .attr("ip_protocol", "-1").attr("cidr_ipv4", "0.0.0.0/0").attr("description", "all outbound traffic"),
                "aws_vpc_security_group_egress_rule", name + "_all"));
        int i = 0;
        for (SecurityGroup.IngressRule rule : group.ingress()) {
            Hcl.Body body = new Hcl.Body().attr("security_group_id", Hcl.raw("aws_security_group." + name + ".id"))
                    .attr("ip_protocol", rule.protocol()).attr("from_port", rule.fromPort()).attr("to_port", rule.toPort());
            if (rule.cidr() != null) {
                body.attr("cidr_ipv4", value(rule.cidr()));
            }
            if (rule.sourceGroup() != null) {
                body.attr("referenced_security_group_id", value(rule.sourceGroup()));
            }
            body.attr("description", rule.description());
            out.append(Hcl.block("resource", body, "aws_vpc_security_group_ingress_rule", name + "_" + (++i)));
        }
        return out.toString();
    }

    private String targetGroup(TargetGroup group, String name) {
        Hcl.Body body = new Hcl.Body().attr("name", group.name()).attr("port", group.port()).attr("protocol", group.protocol())
                .attr("target_type", "ip").attr("vpc_id", Hcl.raw(variable(StandardInputs.VPC_ID)))
                .attr("protocol_version", group.protocolVersion());
        Hcl.Body health = new Hcl.Body().attr("enabled", true).attr("path", group.healthCheckPath()).attr("port", group.healthCheckPort())
                .attr("protocol", group.healthCheckProtocol()).attr("matcher", group.matcher());
        if (group.healthCheckIntervalSeconds() != null) {
            health.attr("interval", group.healthCheckIntervalSeconds());
        }
        if (group.healthCheckTimeoutSeconds() != null) {
            health.attr("timeout", group.healthCheckTimeoutSeconds());
        }
        if (group.healthyThreshold() != null) {
            health.attr("healthy_threshold", group.healthyThreshold());
        }
        if (group.unhealthyThreshold() != null) {
            health.attr("unhealthy_threshold", group.unhealthyThreshold());
        }
        body.block("health_check", health).attr("tags", tags(group.tags()));
        return Hcl.block("resource", body, "aws_lb_target_group", name);
    }

    private String loadBalancer(LoadBalancer balancer, String name) {
        StringBuilder out = new StringBuilder(Hcl.block("resource", new Hcl.Body().attr("name", balancer.name())
                .attr("load_balancer_type", balancer.type()).attr("internal", !balancer.internetFacing())
                .attr("ip_address_type", balancer.ipAddressType())
                .attr("subnets", Hcl.raw(balancer.internetFacing() ? "var.public_subnet_ids" : variable(StandardInputs.SUBNET_IDS)))
                .attr("security_groups", balancer.securityGroups().isEmpty() ? null : list(balancer.securityGroups()))
                .attr("tags", tags(balancer.tags())), "aws_lb", name));
        if (balancer.internetFacing()) {
            extraVariables.put("public_subnet_ids", "public subnets for internet-facing load balancers");
        }
        for (LoadBalancer.Listener listener : balancer.listeners()) {
            String listenerName = name + "_" + listener.port();
            Hcl.Body body = new Hcl.Body().attr("load_balancer_arn", Hcl.raw("aws_lb." + name + ".arn"))
                    .attr("port", listener.port()).attr("protocol", listener.protocol()).attr("ssl_policy", listener.sslPolicy());
            if (!listener.certificates().isEmpty()) {
                body.attr("certificate_arn", value(listener.certificates().get(0)));
            }
            body.block("default_action", action(listener.defaultAction()));
            out.append(Hcl.block("resource", body, "aws_lb_listener", listenerName));
            for (int i = 1; i < listener.certificates().size(); i++) {
                out.append(Hcl.block("resource", new Hcl.Body().attr("listener_arn", Hcl.raw("aws_lb_listener." + listenerName + ".arn"))
                        .attr("certificate_arn", value(listener.certificates().get(i))), "aws_lb_listener_certificate", listenerName + "_" + i));
            }
            for (LoadBalancer.Rule rule : listener.rules()) {
                Hcl.Body ruleBody = new Hcl.Body().attr("listener_arn", Hcl.raw("aws_lb_listener." + listenerName + ".arn"))
                        .attr("priority", rule.priority()).block("action", action(rule.action()));
                if (!rule.hosts().isEmpty()) {
                    ruleBody.block("condition", new Hcl.Body().block("host_header", new Hcl.Body().attr("values", Hcl.strings(rule.hosts()))));
                }
                if (!rule.paths().isEmpty()) {
                    ruleBody.block("condition", new Hcl.Body().block("path_pattern", new Hcl.Body().attr("values", Hcl.strings(rule.paths()))));
                }
                out.append(Hcl.block("resource", ruleBody, "aws_lb_listener_rule", listenerName + "_" + rule.priority()));
            }
        }
        return out.toString();
    }

    private Hcl.Body action(LoadBalancer.Action action) {
        return switch (action.type()) {
            case FORWARD -> new Hcl.Body().attr("type", "forward")
                    .attr("target_group_arn", value(Value.ref(action.targetGroup(), Value.Attribute.ARN)));
            case REDIRECT -> new Hcl.Body().attr("type", "redirect").block("redirect", new Hcl.Body()
                    .attr("status_code", action.statusCode()).attr("protocol", action.protocol()).attr("port", action.port())
                    .attr("host", action.host()).attr("path", action.path()));
            case FIXED_RESPONSE -> new Hcl.Body().attr("type", "fixed-response").block("fixed_response", new Hcl.Body()
                    .attr("content_type", action.contentType() == null ? "text/plain" : action.contentType())
                    .attr("status_code", action.statusCode()).attr("message_body", action.body()));
        };
    }

    private String role(IamRole role, String name) {
        Hcl.Body body = new Hcl.Body().attr("name", role.name())
                .attr("assume_role_policy", new Hcl.Call("jsonencode", assumeEcsTasks())).attr("tags", tags(role.tags()));
        StringBuilder out = new StringBuilder(Hcl.block("resource", body, "aws_iam_role", name));
        if (!role.statements().isEmpty()) {
            out.append(Hcl.block("resource", new Hcl.Body().attr("name", "least-privilege").attr("role", Hcl.raw("aws_iam_role." + name + ".id"))
                    .attr("policy", new Hcl.Call("jsonencode", policy(role.statements()))), "aws_iam_role_policy", name));
        }
        return out.toString();
    }

    private static Hcl.Expr assumeEcsTasks() {
        Hcl.ObjExpr principal = Hcl.object();
        principal.fields().put("Service", Hcl.str("ecs-tasks.amazonaws.com"));
        Hcl.ObjExpr statement = Hcl.object();
        statement.fields().put("Effect", Hcl.str("Allow"));
        statement.fields().put("Principal", principal);
        statement.fields().put("Action", Hcl.str("sts:AssumeRole"));
        Hcl.ObjExpr document = Hcl.object();
        document.fields().put("Version", Hcl.str("2012-10-17"));
        document.fields().put("Statement", new Hcl.ListExpr(List.of(statement)));
        return document;
    }

    private Hcl.Expr policy(List<IamRole.PolicyStatement> statements) {
        List<Hcl.Expr> list = new ArrayList<>();
        for (IamRole.PolicyStatement statement : statements) {
            Hcl.ObjExpr node = Hcl.object();
            node.fields().put("Effect", Hcl.str("Allow"));
            node.fields().put("Action", Hcl.strings(statement.actions()));
            node.fields().put("Resource", new Hcl.ListExpr(statement.resources().stream().map(this::value).toList()));
            list.add(node);
        }
        Hcl.ObjExpr document = Hcl.object();
        document.fields().put("Version", Hcl.str("2012-10-17"));
        document.fields().put("Statement", new Hcl.ListExpr(list));
        return document;
    }

    /** The execution role: the profile's, or one created with the managed policy and read access to exactly the secrets used. */
    private String executionRole() {
        java.util.Set<Value> parameters = new java.util.LinkedHashSet<>();
        List<Hcl.Expr> secrets = new ArrayList<>();
        // the secrets the model creates, by the expression that names them in the policy
        Map<Hcl.Expr, SecretsManagerSecret> created = new LinkedHashMap<>();
        for (TaskDefinition task : model.all(TaskDefinition.class)) {
            task.containers().forEach(c -> {
                for (SecretRef secret : c.secrets()) {
                    Hcl.Expr rendered = value(secret.valueFrom());
                    String text = rendered instanceof Hcl.Raw r ? r.text() : "";
                    if (text.contains("aws_secretsmanager_secret.")) {
                        String address = text.replaceAll(".*(aws_secretsmanager_secret\\.[A-Za-z0-9_-]+)\\.arn.*", "$1");
                        Hcl.Expr arn = Hcl.raw(address + ".arn");
                        secrets.add(arn);
                        ParameterReadScope.secretOf(model, secret.valueFrom()).ifPresent(s -> created.put(arn, s));
                    } else {
                        parameters.add(secret.valueFrom());
                    }
                }
                if (c.repositoryCredentials() != null) {
                    Hcl.Expr arn = value(c.repositoryCredentials());
                    secrets.add(arn);
                    ParameterReadScope.secretOf(model, c.repositoryCredentials()).ifPresent(s -> created.put(arn, s));
                }
            });
        }
        StringBuilder out = new StringBuilder();
        out.append(Hcl.block("locals", new Hcl.Body().attr("execution_role_arn", Hcl.raw("var." + StandardInputs.EXECUTION_ROLE_ARN
                + " != null ? var." + StandardInputs.EXECUTION_ROLE_ARN + " : aws_iam_role.execution[0].arn"))));
        out.append(Hcl.block("resource", new Hcl.Body().attr("count", Hcl.raw("var." + StandardInputs.EXECUTION_ROLE_ARN + " == null ? 1 : 0"))
                .attr("name_prefix", "ecs-execution-").attr("assume_role_policy", new Hcl.Call("jsonencode", assumeEcsTasks())),
                "aws_iam_role", "execution"));
        // the managed policy's ARN names the partition: arn:aws-us-gov:… in GovCloud, arn:aws-cn:… in China
        out.append(Hcl.block("data", new Hcl.Body(), "aws_partition", "current"));
        out.append(Hcl.block("resource", new Hcl.Body().attr("count", Hcl.raw("var." + StandardInputs.EXECUTION_ROLE_ARN + " == null ? 1 : 0"))
                .attr("role", Hcl.raw("aws_iam_role.execution[0].name"))
                .attr("policy_arn", Hcl.raw("\"arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/"
                        + "AmazonECSTaskExecutionRolePolicy\"")),
                "aws_iam_role_policy_attachment", "execution"));
        List<IamRole.PolicyStatement> statements = new ArrayList<>();
        if (!parameters.isEmpty()) {
            statements.add(new IamRole.PolicyStatement(List.of("ssm:GetParameters"), new ArrayList<>(parameters)));
        }
        List<String> parameterNames = new ArrayList<>();
        int unknownArns = 0;
        for (Value parameter : parameters) {
            Optional<SsmParameter> known = parameter instanceof Value.Ref ref ? model.find(ref.target(), SsmParameter.class) : Optional.empty();
            if (known.isPresent()) {
                parameterNames.add(known.get().name());
            } else {
                unknownArns++;
            }
        }
        List<Hcl.Expr> distinctSecrets = secrets.stream().distinct().toList();
        unknownArns += (int) distinctSecrets.stream().filter(s -> !created.containsKey(s)).count();
        ParameterReadScope.Scope scope = ParameterReadScope.decide(parameterNames, created.values(), unknownArns, kmsKey, 1);
        List<Hcl.Expr> reads = new ArrayList<>();
        if (!statements.isEmpty() || !secrets.isEmpty()) {
            Hcl.ObjExpr document = (Hcl.ObjExpr) policy(statements);
            if (!scope.fits() && model.inputNamed(StandardInputs.EXECUTION_ROLE_ARN).filter(EnvironmentInput::isKnown).isEmpty()) {
                readScopeOverflow = scope.overflow() + "; terraform apply " + (scope.exceedsIam() ? "would" : "may")
                        + " fail with IAM's \"Maximum policy size of 10240 bytes exceeded\"";
            }
            if (scope.widened()) {
                readScopeNote = scope.note();
                out.append(Hcl.block("data", new Hcl.Body(), "aws_caller_identity", "current"));
                accountIdRead = true;
            }
            if (scope.parametersByPath()) {
                // the parameters the model does not create (none in a complete input) stay listed one by one
                List<Hcl.Expr> resources = new ArrayList<>();
                for (String path : scope.parameterPaths()) {
                    String name = path.startsWith("/") ? path.substring(1) : path;
                    resources.add(regionalArn("ssm", "parameter/" + name));
                }
                for (Value parameter : parameters) {
                    if (!(parameter instanceof Value.Ref ref) || model.find(ref.target(), SsmParameter.class).isEmpty()) {
                        resources.add(value(parameter));
                    }
                }
                Hcl.ObjExpr first = (Hcl.ObjExpr) ((Hcl.ListExpr) document.fields().get("Statement")).items().get(0);
                first.fields().put("Resource", new Hcl.ListExpr(resources));
            }
            if (!secrets.isEmpty()) {
                List<Hcl.Expr> resources = new ArrayList<>();
                // past the budget even with parameter paths: each namespace's prefix for the secrets the model
                // creates; the others (and secrets whose names follow no namespace) stay listed one by one
                for (String prefix : scope.secretPrefixes()) {
                    resources.add(regionalArn("secretsmanager", "secret:" + prefix));
                }
                for (Hcl.Expr secret : distinctSecrets) {
                    SecretsManagerSecret known = created.get(secret);
                    if (known == null || scope.prefixOf(known).isEmpty()) {
                        resources.add(secret);
                    }
                }
                Hcl.ObjExpr statement = Hcl.object();
                statement.fields().put("Effect", Hcl.str("Allow"));
                statement.fields().put("Action", Hcl.strings(List.of("secretsmanager:GetSecretValue")));
                statement.fields().put("Resource", new Hcl.ListExpr(resources));
                reads.addAll(((Hcl.ListExpr) document.fields().get("Statement")).items());
                reads.add(statement);
                document.fields().put("Statement", new Hcl.ListExpr(reads));
            }
            if (kmsKey != null) {
                Hcl.ObjExpr decrypt = Hcl.object();
                decrypt.fields().put("Effect", Hcl.str("Allow"));
                decrypt.fields().put("Action", Hcl.strings(List.of("kms:Decrypt")));
                decrypt.fields().put("Resource", Hcl.strings(List.of(kmsKey)));
                List<Hcl.Expr> all = new ArrayList<>(((Hcl.ListExpr) document.fields().get("Statement")).items());
                all.add(decrypt);
                document.fields().put("Statement", new Hcl.ListExpr(all));
            }
            out.append(Hcl.block("resource", new Hcl.Body().attr("count", Hcl.raw("var." + StandardInputs.EXECUTION_ROLE_ARN + " == null ? 1 : 0"))
                    .attr("name", "read-secrets").attr("role", Hcl.raw("aws_iam_role.execution[0].id"))
                    .attr("policy", new Hcl.Call("jsonencode", document)), "aws_iam_role_policy", "execution_secrets"));
        }
        if (needsAccountId && !accountIdRead) {
            out.append(Hcl.block("data", new Hcl.Body(), "aws_caller_identity", "current"));
        }
        return out.toString();
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>} of this account and the configured region. */
    private Hcl.Expr regionalArn(String service, String resource) {
        return Hcl.raw("\"arn:${data.aws_partition.current.partition}:" + service + ":${" + variable(StandardInputs.REGION)
                + "}:${data.aws_caller_identity.current.account_id}:" + Hcl.escape(resource) + "\"");
    }

    // ---- files around the resources

    private static String versions() {
        Hcl.ObjExpr aws = Hcl.object();
        aws.fields().put("source", Hcl.str("hashicorp/aws"));
        aws.fields().put("version", Hcl.str("~> 5.0"));
        String terraform = Hcl.block("terraform", new Hcl.Body().attr("required_version", ">= 1.11")
                .block("required_providers", new Hcl.Body().attr("aws", aws)));
        return terraform + Hcl.block("provider", new Hcl.Body().attr("region", Hcl.raw("var." + StandardInputs.REGION)), "aws")
                .stripTrailing() + "\n";
    }

    private String variables() {
        StringBuilder out = new StringBuilder();
        Map<String, EnvironmentInput> inputs = new TreeMap<>();
        for (String name : usedVariables) {
            model.inputNamed(name).ifPresent(i -> inputs.put(name, i));
        }
        for (EnvironmentInput input : inputs.values()) {
            Hcl.Body body = new Hcl.Body().attr("description", input.description())
                    .attr("type", Hcl.raw(input.type() == EnvironmentInput.Type.STRING_LIST ? "list(string)"
                            : input.type() == EnvironmentInput.Type.NUMBER ? "number" : "string"));
            if (input.sensitive()) {
                body.attr("sensitive", true).attr("ephemeral", true);
            } else if (input.isKnown()) {
                body.attr("default", input.type() == EnvironmentInput.Type.STRING_LIST ? Hcl.strings(input.value()) : Hcl.str(input.value().get(0)));
            } else if (input.name().equals(StandardInputs.EXECUTION_ROLE_ARN)) {
                body.attr("default", Hcl.raw("null"));
            }
            out.append(Hcl.block("variable", body, input.name()));
        }
        extraVariables.forEach((name, description) -> out.append(Hcl.block("variable", new Hcl.Body().attr("description", description)
                .attr("type", Hcl.raw(name.equals("public_subnet_ids") ? "list(string)" : "string")), name)));
        return out.toString().stripTrailing() + "\n";
    }

    private String outputs() {
        StringBuilder out = new StringBuilder();
        for (EcsService service : model.all(EcsService.class)) {
            out.append(Hcl.block("output", new Hcl.Body().attr("value", Hcl.raw(names.address(service.id()) + ".name")),
                    "service_" + names.name(service.id())));
        }
        for (LoadBalancer balancer : model.all(LoadBalancer.class)) {
            out.append(Hcl.block("output", new Hcl.Body().attr("value", Hcl.raw(names.address(balancer.id()) + ".dns_name")),
                    "load_balancer_" + names.name(balancer.id())));
        }
        for (CloudMapNamespace namespace : model.all(CloudMapNamespace.class)) {
            out.append(Hcl.block("output", new Hcl.Body().attr("value", Hcl.raw(names.address(namespace.id()) + ".id")),
                    "namespace_" + names.name(namespace.id())));
        }
        return out.length() == 0 ? "# no outputs\n" : out.toString().stripTrailing() + "\n";
    }

    private String tfvarsExample() {
        StringBuilder out = new StringBuilder("# Copy to terraform.tfvars and fill in. Secret values: set TF_VAR_<name> in the environment\n"
                + "# instead of writing them into a file.\n");
        Map<String, EnvironmentInput> inputs = new LinkedHashMap<>();
        for (String name : usedVariables) {
            model.inputNamed(name).ifPresent(i -> inputs.put(name, i));
        }
        for (EnvironmentInput input : inputs.values()) {
            if (input.name().equals(StandardInputs.EXECUTION_ROLE_ARN) && !input.isKnown()) {
                out.append("# execution_role_arn = \"...\"  # leave unset to create the execution role\n");
                continue;
            }
            String example = input.type() == EnvironmentInput.Type.STRING_LIST ? "[\"...\"]" : "\"...\"";
            if (input.isKnown()) {
                example = input.type() == EnvironmentInput.Type.STRING_LIST
                        ? Hcl.render(Hcl.strings(input.value()), 0) : "\"" + Hcl.escape(input.value().get(0)) + "\"";
            }
            out.append(input.sensitive() ? "# " : "").append(input.name()).append(" = ").append(input.sensitive() ? "(sensitive: TF_VAR_"
                    + input.name() + ")" : example).append('\n');
        }
        extraVariables.keySet().forEach(name -> out.append(name).append(" = ")
                .append(name.equals("public_subnet_ids") ? "[\"...\"]" : "\"...\"").append('\n'));
        return out.toString();
    }
}
