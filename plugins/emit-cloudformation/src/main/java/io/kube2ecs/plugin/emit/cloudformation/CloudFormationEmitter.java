package io.kube2ecs.plugin.emit.cloudformation;

import static io.kube2ecs.plugin.emit.cloudformation.Intrinsics.fn;
import static io.kube2ecs.plugin.emit.cloudformation.Intrinsics.getAtt;
import static io.kube2ecs.plugin.emit.cloudformation.Intrinsics.ref;
import static io.kube2ecs.plugin.emit.cloudformation.Intrinsics.sub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.ecsshapes.ContainerShapes;
import io.kube2ecs.ecsshapes.JsonText;
import io.kube2ecs.ecsshapes.ListenerIndex;
import io.kube2ecs.ecsshapes.ParameterReadScope;
import io.kube2ecs.ecsshapes.ScalingShapes;
import io.kube2ecs.ecsshapes.ScheduleShapes;
import io.kube2ecs.ecsshapes.ValueFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code cloudformation} target: {@code template.yaml} (one stack) and {@code parameters.json}.
 * Environment inputs are parameters (secret values {@code NoEcho}); cross-references are
 * {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub}. CloudFormation cannot create SecureString
 * parameters, so the template reads those from parameters created beforehand (the ECS JSON
 * target's {@code parameters.sh} creates them); Secrets Manager secrets are created from
 * {@code NoEcho} parameters.
 */
public final class CloudFormationEmitter implements Emitter {

    static final String CODE_SECURE = "CFN001";
    static final String CODE_LIMITS = "CFN002";
    static final String CODE_SPLIT = "CFN003";
    static final String CODE_READ_SCOPE = "CFN004";
    static final String CODE_ROLE_TOO_LARGE = "CFN005";

    /** CloudFormation's per-stack quotas, which cannot be raised. */
    static final int MAX_RESOURCES = 500;
    static final int MAX_PARAMETERS = 200;
    static final int MAX_OUTPUTS = 200;
    static final int MAX_TEMPLATE_BYTES_IN_S3 = 1_000_000;
    static final int MAX_TEMPLATE_BYTES_IN_REQUEST = 51_200;

    private static final JsonNodeFactory JSON = io.kube2ecs.ecsshapes.CompactNodes.INSTANCE;

    /** @return the text with each run of letters and digits capitalised and everything else dropped */
    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }

    @Override
    public String target() {
        return "cloudformation";
    }

    @Override
    public void emit(DeploymentModel model, EmitContext context) {
        boolean json = context.options().text("format").map("json"::equals).orElse(false);
        String extension = json ? "json" : "yaml";
        String split = context.options().text("split").orElse("auto");
        if (!List.of("auto", "namespace", "never").contains(split)) {
            context.diagnostics().report(new Diagnostic(Severity.ERROR, CODE_SPLIT, "unknown value '" + split
                    + "' of option emit-cloudformation.split", "use auto, namespace or never", null, null));
            return;
        }
        // Split versions are built with the execution role's policy per namespace: one policy on the shared
        // role would refer to the secrets of every namespace, and every namespace to the role, a cycle.
        // A model with more resources than one stack may hold is built that way straight away; the
        // one-stack version is built only when it may be the one written.
        if (split.equals("namespace") || split.equals("auto") && model.resources().size() > MAX_RESOURCES) {
            Writer perNamespace = new Writer(model, true);
            ObjectNode template = perNamespace.build(context);
            // as one stack, the namespaces' policies would be one inline policy of the role
            List<String> over = Writer.overQuota(template, null, perNamespace.namespacePolicies);
            if (split.equals("namespace") || !over.isEmpty()) {
                writeSplit(context, perNamespace, template, over, split, json, extension);
                return;
            }
        }
        Writer whole = new Writer(model, false);
        ObjectNode template = whole.build(context);
        // past the resource quota the one template is never written, so it is not serialized either
        String text = template.path("Resources").size() > MAX_RESOURCES && !split.equals("never") ? null
                : Writer.serialize(template, json);
        List<String> over = Writer.overQuota(template, text, 0);
        if (split.equals("never") || over.isEmpty()) {
            whole.reportSecure(context);
            context.output().write("template." + extension, text);
            Writer.reportLimits(context, over, text.getBytes(StandardCharsets.UTF_8).length);
            whole.writeParameterValues(context);
            return;
        }
        // the one-stack version is not written: let it go before the split version is built
        whole = null;
        template = null;
        text = null;
        Writer perNamespace = new Writer(model, true);
        writeSplit(context, perNamespace, perNamespace.build(context), over, split, json, extension);
    }

    private static void writeSplit(EmitContext context, Writer perNamespace, ObjectNode template, List<String> over,
                                   String split, boolean json, String extension) {
        StackSplitter.Split result = new StackSplitter(template, perNamespace.groupOf, extension).split();
        // the stacks hold the resources now (rewritten in place): the one-stack containers can go, and each
        // stack's nodes go once it is written
        template.removeAll();
        perNamespace.resources.removeAll();
        perNamespace.reportSecure(context);
        String rootText = Writer.serialize(result.root(), json);
        context.output().write("template." + extension, rootText);
        List<String> stillOver = new ArrayList<>();
        List<String> overRoot = Writer.overQuota(result.root(), rootText, 0);
        if (!overRoot.isEmpty()) {
            stillOver.add("template." + extension + ": " + String.join(", ", overRoot));
        }
        int stackCount = result.stacks().size();
        // each stack is let go once written
        for (java.util.Iterator<Map.Entry<String, ObjectNode>> stacks = result.stacks().entrySet().iterator(); stacks.hasNext(); ) {
            Map.Entry<String, ObjectNode> entry = stacks.next();
            String stackText = Writer.serialize(entry.getValue(), json);
            context.output().write("stacks/" + entry.getKey(), stackText);
            List<String> overStack = Writer.overQuota(entry.getValue(), stackText, 0);
            if (!overStack.isEmpty()) {
                stillOver.add("stacks/" + entry.getKey() + ": " + String.join(", ", overStack));
            }
            stacks.remove();
        }
        List<String> merged = result.groups().entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " holds namespaces " + String.join(", ", e.getValue().stream()
                        .map(g -> g.isEmpty() ? "(shared)" : g).toList()) + ", which refer to each other").toList();
        String cut = result.partCounts().entrySet().stream()
                .map(e -> (e.getKey().equals(StackSplitter.SHARED) ? "the shared resources" : "namespace " + e.getKey())
                        + " into " + e.getValue() + " parts").collect(java.util.stream.Collectors.joining(", "));
        int partCount = result.partCounts().values().stream().mapToInt(Integer::intValue).sum();
        context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_SPLIT, "the template is split into a root stack "
                + "and " + stackCount + " nested stacks, " + (partCount == 0 ? "one per namespace plus one for shared resources"
                : (stackCount - partCount) + " for the namespaces and shared resources that fit in one, and " + partCount
                + " parts of those over " + MAX_RESOURCES + " resources") + " ("
                + (split.equals("namespace") ? "option split=namespace" : "one stack would exceed CloudFormation's "
                + "quotas: " + String.join(", ", over)) + ")" + (merged.isEmpty() ? "" : "; " + String.join("; ", merged))
                + (cut.isEmpty() ? "" : "; stacks over " + MAX_RESOURCES + " resources are cut into parts "
                + "(namespace-<ns>.part2." + extension + " …): " + cut)
                + (result.unrepeatedOutputs() == 0 ? "" : "; the root repeats none of the nested stacks' "
                + result.unrepeatedOutputs() + " outputs (a stack holds at most " + MAX_OUTPUTS + "): read them from "
                + "the nested stacks, aws cloudformation describe-stacks --stack-name <nested stack>"),
                "deploy with: aws cloudformation package --template-file template." + extension + " --s3-bucket BUCKET "
                        + "--output-template-file packaged.yaml, then aws cloudformation deploy --template-file packaged.yaml …",
                null, null));
        if (!stillOver.isEmpty()) {
            context.diagnostics().report(new Diagnostic(Severity.WARNING, CODE_LIMITS, "split into nested stacks, some "
                    + "still exceed CloudFormation's per-stack quotas: " + String.join("; ", stillOver),
                    "a stack is cut into parts by the resources and outputs it holds, and an application (resources "
                            + "connected by references, such as a reference cycle) stays in one part: convert the applications "
                            + "of such a stack separately, or use the terraform target, which has no such quota", null, null));
        }
        perNamespace.writeParameterValues(context);
    }

    /** One run's state. */
    private static final class Writer {
        private final DeploymentModel model;
        private final boolean policyPerNamespace;
        private final Map<ResourceId, String> logicalIds = new HashMap<>();
        /** The namespace of each logical id the template declares; absent for shared resources. */
        private final Map<String, String> groupOf = new HashMap<>();
        private final Set<String> taken = new HashSet<>();
        private final ObjectNode parameters = JSON.objectNode();
        private final ObjectNode resources = JSON.objectNode();
        private final Map<String, JsonNode> parameterValues = new TreeMap<>();
        private int secureReferenced;
        /** How many {@code AWS::IAM::Policy} resources hold the execution role's reads, one per namespace. */
        private int namespacePolicies;
        /** Whether the execution role reads parameters and secrets one by one or by namespace; see {@link ParameterReadScope}. */
        private ParameterReadScope.Scope readScope;
        private String readScopeNote;
        /** Set when even the widest scope does not fit and the role would be created: the stack would fail. */
        private String readScopeOverflow;
        /**
         * Whether the reads of every namespace are one policy of the role and name the secrets the model
         * creates by their ARN pattern (split mode, when the namespaces' policies do not fit by namespace).
         */
        private boolean oneReadPolicy;
        private boolean createCluster;
        private String kmsKey;
        /** The scaling policies of each scaled service, written after it. */
        private final Map<ResourceId, List<ScalingPolicy>> scaling;
        private final ListenerIndex listeners;
        /** Conditions the resources need beyond CreateExecutionRole, by name. */
        private final Map<String, JsonNode> conditions = new TreeMap<>();

        Writer(DeploymentModel model, boolean policyPerNamespace) {
            this.model = model;
            this.policyPerNamespace = policyPerNamespace;
            this.scaling = ScalingShapes.byService(model);
            this.listeners = new ListenerIndex(model);
            for (AwsResource resource : model.resources()) {
                String base = pascal(resource.id().type()) + pascal(resource.id().namespace() + "-" + resource.id().name());
                String id = base;
                for (int i = 2; !taken.add(id); i++) {
                    id = base + i;
                }
                logicalIds.put(resource.id(), id);
            }
        }

        ObjectNode build(EmitContext context) {
            createCluster = context.settings() != null && context.settings().createCluster();
            kmsKey = context.settings() == null ? null : context.settings().kmsKeyArn();
            if (createCluster) {
                newResource("EcsCluster").put("Type", "AWS::ECS::Cluster").putObject("Properties")
                        .set("ClusterName", value(Value.input(StandardInputs.CLUSTER)));
            }
            for (AwsResource resource : model.resources()) {
                // resources made alongside (ingress rules, listeners) live with the one they belong to
                owner = resource.id().namespace();
                resource(resource);
            }
            owner = null;
            executionRole();
            ObjectNode template = JSON.objectNode();
            template.put("AWSTemplateFormatVersion", "2010-09-09");
            template.put("Description", "ECS on Fargate, converted from Kubernetes by kube2ecs");
            ObjectNode conditions = JSON.objectNode();
            conditions.set("CreateExecutionRole", fn("Fn::Equals", JSON.arrayNode().add(ref("ExecutionRoleArn")).add("")));
            this.conditions.forEach(conditions::set);
            template.set("Parameters", parameters);
            template.set("Conditions", conditions);
            template.set("Resources", resources);
            ObjectNode outputs = JSON.objectNode();
            for (EcsService service : model.all(EcsService.class)) {
                outputs.putObject("Service" + logicalIds.get(service.id())).set("Value", getAtt(logicalIds.get(service.id()), "Name"));
            }
            for (LoadBalancer balancer : model.all(LoadBalancer.class)) {
                outputs.putObject(logicalIds.get(balancer.id()) + "DnsName").set("Value", getAtt(logicalIds.get(balancer.id()), "DNSName"));
            }
            if (!outputs.isEmpty()) {
                template.set("Outputs", outputs);
            }
            return template;
        }

        void reportSecure(EmitContext context) {
            if (secureReferenced > 0) {
                context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_SECURE, "the template reads " + secureReferenced
                        + " SecureString parameters that CloudFormation cannot create", "create them first with the ECS JSON "
                        + "target's parameters.sh (or aws ssm put-parameter)", null, null));
            }
            if (readScopeNote != null) {
                context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_READ_SCOPE, readScopeNote, "to keep single "
                        + "parameters and secrets, give the profile an executionRoleArn of a role you manage (for example with a "
                        + "managed policy per namespace)", null, null));
            }
            if (readScopeOverflow != null) {
                context.diagnostics().report(new Diagnostic(Severity.WARNING, CODE_ROLE_TOO_LARGE, readScopeOverflow, "pass an existing "
                        + "execution role: executionRoleArn in the profile, or the stack parameter ExecutionRoleArn; the ECS JSON "
                        + "target's execution-role-policy.json files list what it must read", null, null));
            }
        }

        void writeParameterValues(EmitContext context) {
            ArrayNode values = JSON.arrayNode();
            parameterValues.forEach((k, v) -> values.addObject().put("ParameterKey", k).set("ParameterValue", v));
            context.output().write("parameters.json", serialize(values, true));
        }

        /** Jackson's default layout (arrays of scalars on one line), with '\n' on every platform. */
        private static final DefaultPrettyPrinter JSON_PRINTER =
                new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

        private static String serialize(JsonNode node, boolean json) {
            return json ? JsonText.writeLine(node, JSON_PRINTER)
                    : YamlTemplateWriter.write(node);
        }

        /**
         * @param text            the serialized template, or null when its size need not be checked
         * @param uncountedResources resources of the template not to count
         * @return what in the template exceeds a per-stack quota, empty when nothing does
         */
        private static List<String> overQuota(JsonNode template, String text, int uncountedResources) {
            List<String> over = new ArrayList<>();
            int resourceCount = template.path("Resources").size() - uncountedResources;
            int parameterCount = template.path("Parameters").size();
            int outputCount = template.path("Outputs").size();
            int bytes = text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
            if (resourceCount > MAX_RESOURCES) {
                over.add(resourceCount + " resources (at most " + MAX_RESOURCES + ")");
            }
            if (parameterCount > MAX_PARAMETERS) {
                over.add(parameterCount + " parameters (at most " + MAX_PARAMETERS + ")");
            }
            if (outputCount > MAX_OUTPUTS) {
                over.add(outputCount + " outputs (at most " + MAX_OUTPUTS + ")");
            }
            if (bytes > MAX_TEMPLATE_BYTES_IN_S3) {
                over.add(bytes + " bytes (at most " + MAX_TEMPLATE_BYTES_IN_S3 + ", from S3)");
            }
            return over;
        }

        /**
         * With splitting turned off the template is written anyway: the other targets and a split by
         * hand still need it, and the counts tell the user how far over the quota it is.
         */
        private static void reportLimits(EmitContext context, List<String> over, int bytes) {
            if (!over.isEmpty()) {
                context.diagnostics().report(new Diagnostic(Severity.WARNING, CODE_LIMITS, "the template exceeds CloudFormation's "
                        + "per-stack quotas and cannot be deployed as one stack: " + String.join(", ", over),
                        "leave option emit-cloudformation.split at auto (nested stacks per namespace), convert the input in "
                                + "parts, or use the terraform target, which has no such quota",
                        null, null));
            } else if (bytes > MAX_TEMPLATE_BYTES_IN_REQUEST) {
                context.diagnostics().report(new Diagnostic(Severity.INFO, CODE_LIMITS, "the template is " + bytes + " bytes, more "
                        + "than the " + MAX_TEMPLATE_BYTES_IN_REQUEST + " a request can carry", "deploy it through S3: aws "
                        + "cloudformation deploy --s3-bucket BUCKET …", null, null));
            }
        }

        // ---- values

        private final Map<String, String> parameterNames = new HashMap<>();

        private String parameter(EnvironmentInput input) {
            String known = parameterNames.get(input.name());
            if (known != null) {
                return known;
            }
            String base = pascal(input.name());
            String name = base;
            for (int i = 2; parameterNames.containsValue(name) || parameters.has(name); i++) {
                name = base + i;
            }
            parameterNames.put(input.name(), name);
            ObjectNode node = parameters.putObject(name);
            String type = switch (input.name()) {
                case StandardInputs.SUBNET_IDS -> "List<AWS::EC2::Subnet::Id>";
                case StandardInputs.SECURITY_GROUP_IDS -> "List<AWS::EC2::SecurityGroup::Id>";
                case StandardInputs.VPC_ID -> "AWS::EC2::VPC::Id";
                default -> input.type() == EnvironmentInput.Type.STRING_LIST ? "CommaDelimitedList"
                        : input.type() == EnvironmentInput.Type.NUMBER ? "Number" : "String";
            };
            node.put("Type", type);
            node.put("Description", input.description());
            if (input.sensitive()) {
                node.put("NoEcho", true);
            } else if (input.isKnown()) {
                node.put("Default", String.join(",", input.value()));
                parameterValues.put(name, JSON.textNode(String.join(",", input.value())));
            }
            return name;
        }

        JsonNode value(Value value) {
            if (value instanceof Value.Literal literal) {
                return JSON.textNode(literal.value());
            }
            if (value instanceof Value.Input input) {
                if (input.name().equals(StandardInputs.REGION)) {
                    return ref("AWS::Region");
                }
                if (input.name().equals(StandardInputs.ACCOUNT_ID)) {
                    return ref("AWS::AccountId");
                }
                if (input.name().equals(StandardInputs.EXECUTION_ROLE_ARN)) {
                    return fn("Fn::If", JSON.arrayNode().add("CreateExecutionRole").add(getAtt("ExecutionRole", "Arn"))
                            .add(ref("ExecutionRoleArn")));
                }
                return ref(parameter(model.inputNamed(input.name()).orElseThrow()));
            }
            Value.Ref ref = (Value.Ref) value;
            AwsResource target = model.find(ref.target(), AwsResource.class).orElse(null);
            String id = logicalIds.get(ref.target());
            if (target instanceof IamRole role && role.existingArn() != null) {
                return value(role.existingArn());
            }
            if (target instanceof SsmParameter parameter) {
                String name = parameter.name().startsWith("/") ? parameter.name().substring(1) : parameter.name();
                return sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/" + name.replace("${", "${!"));
            }
            if (target != null) {
                return switch (ref.attribute()) {
                    case ARN -> target instanceof TaskDefinition || target instanceof SecretsManagerSecret
                            || target instanceof LoadBalancer || target instanceof TargetGroup ? ref(id) : getAtt(id, "Arn");
                    case NAME -> target instanceof EcsService ? getAtt(id, "Name") : ref(id);
                    case ID -> target instanceof SecurityGroup ? getAtt(id, "GroupId")
                            : target instanceof EfsAccessPoint ? ref(id) : getAtt(id, "Id");
                    case DNS_NAME -> getAtt(id, "DNSName");
                };
            }
            if (ref.target().type().equals(SsmParameter.TYPE) && ref.target().name().startsWith("secret/")) {
                String rest = ref.target().name().substring("secret/".length());
                int slash = rest.lastIndexOf('/');
                String secret = slash > 0 ? logicalIds.get(new ResourceId(SecretsManagerSecret.TYPE, ref.target().namespace(),
                        "secret/" + rest.substring(0, slash))) : null;
                if (secret != null) {
                    return sub("${" + secret + "}:" + rest.substring(slash + 1) + "::");
                }
            }
            String name = "Missing" + pascal(ref.target().type() + "-" + ref.target().namespace() + "-" + ref.target().name()
                    + "-" + ref.attribute().name());
            if (!parameters.has(name)) {
                parameters.putObject(name).put("Type", "String").put("Description", ref.attribute().name().toLowerCase(java.util.Locale.ROOT)
                        + " of " + ref.target() + ", which the input does not define");
            }
            return ref(name);
        }

        private JsonNode list(List<Value> values) {
            if (values.size() == 1 && values.get(0) instanceof Value.Input input
                    && model.inputNamed(input.name()).map(i -> i.type() == EnvironmentInput.Type.STRING_LIST).orElse(false)) {
                return value(values.get(0));
            }
            ArrayNode out = JSON.arrayNode();
            values.forEach(v -> out.add(value(v)));
            return out;
        }

        private final ValueFormat format = new ValueFormat() {
            @Override
            public JsonNode value(Value value) {
                return Writer.this.value(value);
            }

            @Override
            public JsonNode suffixed(Value value, String suffix) {
                JsonNode base = Writer.this.value(value);
                if (base.isTextual()) {
                    return JSON.textNode(base.asText() + suffix);
                }
                return fn("Fn::Join", JSON.arrayNode().add("").add(JSON.arrayNode().add(base).add(suffix)));
            }
        };

        /** ECS API names are camelCase, CloudFormation's PascalCase; user data maps keep their keys. */
        private static JsonNode pascalKeys(JsonNode node, boolean userData) {
            if (node.isObject() && !isIntrinsic(node)) {
                ObjectNode out = JSON.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String key = userData ? field.getKey() : Character.toUpperCase(field.getKey().charAt(0)) + field.getKey().substring(1);
                    boolean data = !userData && (field.getKey().equals("dockerLabels") || field.getKey().equals("options"));
                    out.set(key, pascalKeys(field.getValue(), data));
                }
                return out;
            }
            if (node.isArray()) {
                ArrayNode out = JSON.arrayNode();
                node.forEach(item -> out.add(pascalKeys(item, false)));
                return out;
            }
            return node;
        }

        private static boolean isIntrinsic(JsonNode node) {
            Iterator<String> names = node.fieldNames();
            if (!names.hasNext()) {
                return false;
            }
            String first = names.next();
            return !names.hasNext() && (first.equals("Ref") || first.startsWith("Fn::"));
        }

        private ArrayNode tags(Map<String, String> tags) {
            ArrayNode out = JSON.arrayNode();
            new TreeMap<>(tags).forEach((k, v) -> out.addObject().put("Key", k).put("Value", v));
            return out;
        }

        /** The namespace of the model resource being written, for {@link #groupOf}; null outside. */
        private String owner;

        private ObjectNode newResource(String logicalId) {
            if (owner != null) {
                groupOf.putIfAbsent(logicalId, owner);
            }
            return resources.putObject(logicalId);
        }

        private ObjectNode add(AwsResource resource, String type) {
            ObjectNode node = newResource(logicalIds.get(resource.id()));
            node.put("Type", type);
            return node.putObject("Properties");
        }

        // ---- resources

        private void resource(AwsResource resource) {
            if (resource instanceof TaskDefinition task) {
                taskDefinition(task);
            } else if (resource instanceof EcsService service) {
                service(service);
            } else if (resource instanceof LogGroup group) {
                ObjectNode p = add(group, "AWS::Logs::LogGroup").put("LogGroupName", group.name());
                if (group.retentionDays() != null) {
                    p.put("RetentionInDays", group.retentionDays());
                }
            } else if (resource instanceof CloudMapNamespace namespace) {
                add(namespace, "AWS::ServiceDiscovery::PrivateDnsNamespace").put("Name", namespace.dnsName())
                        .set("Vpc", value(Value.input(StandardInputs.VPC_ID)));
            } else if (resource instanceof CloudMapService discovery) {
                ObjectNode dns = add(discovery, "AWS::ServiceDiscovery::Service").put("Name", discovery.name()).putObject("DnsConfig");
                dns.set("NamespaceId", getAtt(logicalIds.get(discovery.namespace()), "Id"));
                dns.put("RoutingPolicy", "MULTIVALUE");
                dns.putArray("DnsRecords").addObject().put("TTL", discovery.ttlSeconds()).put("Type", discovery.recordType());
            } else if (resource instanceof SsmParameter parameter) {
                if (parameter.secure()) {
                    secureReferenced++;
                    return;
                }
                add(parameter, "AWS::SSM::Parameter").put("Name", parameter.name()).put("Type", "String")
                        .put("Tier", parameter.advancedTier() ? "Advanced" : "Standard").set("Value", value(parameter.value()));
            } else if (resource instanceof SecretsManagerSecret secret) {
                StringBuilder json = new StringBuilder("{");
                secret.values().forEach((k, v) -> {
                    EnvironmentInput input = model.inputNamed(((Value.Input) v).name()).orElseThrow();
                    String name = parameter(input);
                    // Fn::Sub cannot escape, so the person filling in the parameter has to (SEC003 names such keys)
                    ((ObjectNode) parameters.get(name)).put("Description", input.description()
                            + "; JSON-escaped, without quotes: it goes inside a JSON string");
                    json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"${").append(name).append("}\"");
                });
                ObjectNode p = add(secret, "AWS::SecretsManager::Secret").put("Name", secret.name());
                p.set("SecretString", sub(json.append('}').toString()));
                if (kmsKey != null) {
                    p.put("KmsKeyId", kmsKey);
                }
            } else if (resource instanceof SecurityGroup group) {
                securityGroup(group);
            } else if (resource instanceof TargetGroup group) {
                targetGroup(group);
            } else if (resource instanceof LoadBalancer balancer) {
                loadBalancer(balancer);
            } else if (resource instanceof EfsAccessPoint accessPoint) {
                ObjectNode p = add(accessPoint, "AWS::EFS::AccessPoint");
                p.set("FileSystemId", value(accessPoint.fileSystemId()));
                if (accessPoint.posixUser() != null) {
                    // strings, as the resource's schema types them (like CreationInfo's ids)
                    p.putObject("PosixUser").put("Uid", Long.toString(accessPoint.posixUser().uid()))
                            .put("Gid", Long.toString(accessPoint.posixUser().gid()));
                }
                ObjectNode root = p.putObject("RootDirectory").put("Path", accessPoint.path());
                // CloudFormation types the ids as strings
                root.putObject("CreationInfo").put("OwnerUid", Long.toString(accessPoint.ownerUid()))
                        .put("OwnerGid", Long.toString(accessPoint.ownerGid())).put("Permissions", accessPoint.permissions());
                Map<String, String> tags = new TreeMap<>(accessPoint.tags());
                tags.put("Name", accessPoint.name());
                p.set("AccessPointTags", tags(tags));
            } else if (resource instanceof ScalingPolicy policy) {
                // written after the service it scales; here only when the model lacks the service
                if (model.find(policy.service(), EcsService.class).isEmpty()) {
                    scaling(policy, null);
                }
            } else if (resource instanceof ScheduledTask schedule) {
                schedule(schedule);
            } else if (resource instanceof IamRole role && role.existingArn() == null) {
                ObjectNode p = add(role, "AWS::IAM::Role");
                p.set("AssumeRolePolicyDocument", assumeEcsTasks());
                if (!role.statements().isEmpty()) {
                    ObjectNode policy = p.putArray("Policies").addObject().put("PolicyName", "least-privilege");
                    policy.set("PolicyDocument", policy(role.statements()));
                }
            }
        }

        private void taskDefinition(TaskDefinition task) {
            ObjectNode p = add(task, "AWS::ECS::TaskDefinition").put("Family", task.family()).put("Cpu", Integer.toString(task.cpu()))
                    .put("Memory", Integer.toString(task.memory())).put("NetworkMode", "awsvpc");
            p.putArray("RequiresCompatibilities").add("FARGATE");
            p.set("ExecutionRoleArn", value(Value.input(StandardInputs.EXECUTION_ROLE_ARN)));
            if (task.taskRole() != null) {
                p.set("TaskRoleArn", value(task.taskRole()));
            }
            if (task.pidMode() != null) {
                p.put("PidMode", task.pidMode());
            }
            p.set("ContainerDefinitions", pascalKeys(ContainerShapes.containerDefinitions(task, format, false), false));
            if (!task.volumes().isEmpty()) {
                ArrayNode volumes = p.putArray("Volumes");
                for (Volume volume : task.volumes()) {
                    ObjectNode v = volumes.addObject().put("Name", volume.name());
                    if (volume.efsFileSystemId() != null) {
                        ObjectNode efs = v.putObject("EFSVolumeConfiguration");
                        efs.set("FilesystemId", value(volume.efsFileSystemId()));
                        if (volume.efsRootDirectory() != null) {
                            efs.put("RootDirectory", volume.efsRootDirectory());
                        }
                        if (volume.transitEncryption()) {
                            efs.put("TransitEncryption", "ENABLED");
                        }
                        if (volume.efsAccessPointId() != null) {
                            // mounted with the task's network identity only: IAM authorization would need
                            // elasticfilesystem:Client* on a task role, and a file system policy that asks for it
                            ObjectNode authorization = efs.putObject("AuthorizationConfig");
                            authorization.set("AccessPointId", value(volume.efsAccessPointId()));
                            authorization.put("IAM", "DISABLED");
                        }
                    }
                }
            }
            if (task.cpuArchitecture() != null || task.operatingSystemFamily() != null) {
                ObjectNode platform = p.putObject("RuntimePlatform");
                if (task.cpuArchitecture() != null) {
                    platform.put("CpuArchitecture", task.cpuArchitecture());
                }
                if (task.operatingSystemFamily() != null) {
                    platform.put("OperatingSystemFamily", task.operatingSystemFamily());
                }
            }
            if (task.ephemeralStorageGiB() != null) {
                p.putObject("EphemeralStorage").put("SizeInGiB", task.ephemeralStorageGiB());
            }
            if (!task.tags().isEmpty()) {
                p.set("Tags", tags(task.tags()));
            }
        }

        private void service(EcsService service) {
            ObjectNode p = add(service, "AWS::ECS::Service").put("ServiceName", service.serviceName());
            p.set("Cluster", createCluster ? ref("EcsCluster") : value(service.cluster()));
            p.set("TaskDefinition", ref(logicalIds.get(service.taskDefinition())));
            List<ScalingPolicy> policies = scaling.getOrDefault(service.id(), List.of());
            if (policies.isEmpty()) {
                p.put("DesiredCount", service.desiredCount());
            }
            // else left out: a stack update that names a count sets the service back to it, undoing the autoscaler;
            // without one, ECS starts a new service with 1 task and an update keeps the current count
            p.put("LaunchType", "FARGATE").put("PlatformVersion", service.platformVersion());
            ObjectNode deployment = p.putObject("DeploymentConfiguration").put("MaximumPercent", service.maximumPercent())
                    .put("MinimumHealthyPercent", service.minimumHealthyPercent());
            if (service.deploymentController() == EcsService.DeploymentController.ECS) {
                deployment.putObject("DeploymentCircuitBreaker").put("Enable", service.circuitBreaker())
                        .put("Rollback", service.circuitBreaker());
            } else {
                // ECS accepts a circuit breaker only with its own controller
                p.putObject("DeploymentController").put("Type", service.deploymentController().name());
            }
            ObjectNode vpc = p.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
            vpc.set("Subnets", list(service.subnets()));
            vpc.set("SecurityGroups", list(service.securityGroups()));
            vpc.put("AssignPublicIp", service.assignPublicIp() ? "ENABLED" : "DISABLED");
            List<String> dependsOn = new ArrayList<>();
            if (!service.loadBalancers().isEmpty()) {
                ArrayNode balancers = p.putArray("LoadBalancers");
                for (EcsService.LoadBalancerAttachment attachment : service.loadBalancers()) {
                    ObjectNode node = balancers.addObject();
                    node.set("TargetGroupArn", value(Value.ref(attachment.targetGroup(), Value.Attribute.ARN)));
                    node.put("ContainerName", attachment.containerName()).put("ContainerPort", attachment.containerPort());
                    dependsOn.addAll(listenersOf(attachment.targetGroup()));
                }
            }
            if (!service.serviceRegistries().isEmpty()) {
                ArrayNode registries = p.putArray("ServiceRegistries");
                service.serviceRegistries().forEach(r -> registries.addObject().set("RegistryArn",
                        value(Value.ref(r.discoveryService(), Value.Attribute.ARN))));
            }
            if (service.serviceConnect() != null) {
                ObjectNode connect = p.putObject("ServiceConnectConfiguration").put("Enabled", true);
                String namespace = logicalIds.get(service.serviceConnect().namespace());
                connect.set("Namespace", namespace == null ? JSON.textNode(service.serviceConnect().namespace().name())
                        : getAtt(namespace, "Arn"));
                if (!service.serviceConnect().services().isEmpty()) {
                    ArrayNode services = connect.putArray("Services");
                    for (EcsService.Endpoint endpoint : service.serviceConnect().services()) {
                        ObjectNode node = services.addObject().put("PortName", endpoint.portName()).put("DiscoveryName", endpoint.discoveryName());
                        node.putArray("ClientAliases").addObject().put("Port", endpoint.port()).put("DnsName", endpoint.dnsName());
                    }
                }
            }
            if (service.healthCheckGracePeriodSeconds() != null) {
                p.put("HealthCheckGracePeriodSeconds", service.healthCheckGracePeriodSeconds());
            }
            p.put("PropagateTags", "SERVICE").put("EnableECSManagedTags", true).put("EnableExecuteCommand", service.enableExecuteCommand());
            if (!service.tags().isEmpty()) {
                p.set("Tags", tags(service.tags()));
            }
            if (!dependsOn.isEmpty()) {
                ArrayNode depends = ((ObjectNode) resources.get(logicalIds.get(service.id()))).putArray("DependsOn");
                new java.util.TreeSet<>(dependsOn).forEach(depends::add);
            }
            for (ScalingPolicy policy : policies) {
                scaling(policy, service);
            }
        }

        /**
         * The scalable target of a service's desired count and one target-tracking policy per target,
         * with the service-linked role of Application Auto Scaling (no RoleARN). They refer to the
         * service, so a split keeps them in its stack and part.
         *
         * @param service the service, or null when the model lacks it (its ARN is then a parameter)
         */
        private void scaling(ScalingPolicy policy, EcsService service) {
            // Ref of a service is its ARN, arn:<partition>:ecs:<region>:<account>:service/<cluster>/<service>: its sixth
            // ':'-separated field is the resource id Application Auto Scaling wants
            JsonNode arn = service != null ? ref(logicalIds.get(service.id())) : value(Value.ref(policy.service(), Value.Attribute.ARN));
            String serviceName = service != null ? service.serviceName() : policy.service().name();
            String base = logicalIds.get(policy.id());
            String targetId = freshId(base + "Target");
            ObjectNode target = newResource(targetId).put("Type", "AWS::ApplicationAutoScaling::ScalableTarget").putObject("Properties");
            target.put("MaxCapacity", policy.maxCapacity()).put("MinCapacity", policy.minCapacity());
            target.set("ResourceId", fn("Fn::Select", JSON.arrayNode().add(5).add(fn("Fn::Split", JSON.arrayNode().add(":").add(arn)))));
            target.put("ScalableDimension", ScalingShapes.SCALABLE_DIMENSION).put("ServiceNamespace", ScalingShapes.SERVICE_NAMESPACE);
            List<String> suffixes = ScalingShapes.suffixes(policy.targets());
            for (int i = 0; i < suffixes.size(); i++) {
                ScalingPolicy.TargetTracking tracking = policy.targets().get(i);
                ObjectNode p = newResource(freshId(base + pascal(suffixes.get(i))))
                        .put("Type", "AWS::ApplicationAutoScaling::ScalingPolicy").putObject("Properties");
                p.put("PolicyName", ScalingShapes.policyName(serviceName, suffixes.get(i))).put("PolicyType", ScalingShapes.POLICY_TYPE);
                p.set("ScalingTargetId", ref(targetId));
                ObjectNode configuration = p.putObject("TargetTrackingScalingPolicyConfiguration");
                configuration.putObject("PredefinedMetricSpecification").put("PredefinedMetricType", tracking.metric());
                // as close as Application Auto Scaling gets to a HorizontalPodAutoscaler's defaults: scale out at once,
                // scale in after the 5-minute scale-down stabilization window
                configuration.put("ScaleInCooldown", ScalingShapes.SCALE_IN_COOLDOWN).put("ScaleOutCooldown", ScalingShapes.SCALE_OUT_COOLDOWN);
                configuration.set("TargetValue", ScalingShapes.numberNode(tracking.targetValue()));
            }
        }

        /**
         * The schedule, and the role EventBridge Scheduler assumes to start the task: trusted by the
         * scheduler of this account only, allowed to run the task definition's family in the cluster, to
         * tag the tasks it starts as they start, and to pass the task's roles to ECS, nothing else. Both are written while the schedule's namespace
         * is the owner, so a split puts them in its stack, and they refer to the task definition, so a
         * part keeps them with it.
         */
        private void schedule(ScheduledTask schedule) {
            RunTask run = ScheduleShapes.run(schedule, model);
            TaskDefinition task = ScheduleShapes.task(run, model);
            JsonNode cluster = clusterArn(run.cluster());
            String roleId = freshId(logicalIds.get(schedule.id()) + "Role");
            ObjectNode role = newResource(roleId).put("Type", "AWS::IAM::Role").putObject("Properties");
            ObjectNode trust = JSON.objectNode().put("Version", "2012-10-17");
            ObjectNode assume = trust.putArray("Statement").addObject().put("Effect", "Allow");
            assume.putObject("Principal").put("Service", ScheduleShapes.PRINCIPAL);
            assume.put("Action", "sts:AssumeRole");
            assume.putObject("Condition").putObject("StringEquals").set("aws:SourceAccount", ref("AWS::AccountId"));
            role.set("AssumeRolePolicyDocument", trust);
            ObjectNode document = JSON.objectNode().put("Version", "2012-10-17");
            ArrayNode statements = document.putArray("Statement");
            ObjectNode runTask = statements.addObject().put("Effect", "Allow");
            runTask.putArray("Action").add("ecs:RunTask");
            // any revision of the family: the schedule follows the task definition as it changes
            runTask.putArray("Resource").add(sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/"
                    + task.family().replace("${", "${!") + ":*"));
            runTask.putObject("Condition").putObject("ArnEquals").set("ecs:cluster", cluster);
            // the managed and propagated tags the task gets when it starts, and nothing else
            ObjectNode tagTasks = statements.addObject().put("Effect", "Allow");
            tagTasks.putArray("Action").add("ecs:TagResource");
            tagTasks.putArray("Resource").add(sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:" + ScheduleShapes.TAGGED_TASKS));
            tagTasks.putObject("Condition").putObject("StringEquals").put("ecs:CreateAction", "RunTask");
            ObjectNode passRole = statements.addObject().put("Effect", "Allow");
            passRole.putArray("Action").add("iam:PassRole");
            ArrayNode passed = passRole.putArray("Resource");
            passed.add(value(Value.input(StandardInputs.EXECUTION_ROLE_ARN)));
            if (task.taskRole() != null) {
                passed.add(value(task.taskRole()));
            }
            role.putArray("Policies").addObject().put("PolicyName", ScheduleShapes.POLICY_NAME).set("PolicyDocument", document);
            if (!schedule.tags().isEmpty()) {
                role.set("Tags", tags(schedule.tags()));
            }
            ObjectNode p = add(schedule, "AWS::Scheduler::Schedule").put("Name", schedule.scheduleName())
                    .put("ScheduleExpression", schedule.expression());
            if (schedule.timeZone() != null) {
                p.put("ScheduleExpressionTimezone", schedule.timeZone());
            }
            p.put("State", ScheduleShapes.state(schedule));
            p.putObject("FlexibleTimeWindow").put("Mode", "OFF");
            ObjectNode target = p.putObject("Target");
            // a copy: a split rewrites each node of the template in place, once
            target.set("Arn", cluster.deepCopy());
            target.set("RoleArn", getAtt(roleId, "Arn"));
            ObjectNode ecs = target.putObject("EcsParameters");
            ecs.set("TaskDefinitionArn", ref(logicalIds.get(task.id())));
            ecs.put("LaunchType", ScheduleShapes.LAUNCH_TYPE).put("PlatformVersion", run.platformVersion())
                    .put("EnableECSManagedTags", true).put("PropagateTags", ScheduleShapes.PROPAGATE_TAGS);
            ObjectNode vpc = ecs.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
            vpc.set("Subnets", list(run.subnets()));
            vpc.set("SecurityGroups", list(run.securityGroups()));
            vpc.put("AssignPublicIp", run.assignPublicIp() ? "ENABLED" : "DISABLED");
            if (schedule.maximumEventAgeSeconds() != null) {
                // how late a run may still start (a CronJob's startingDeadlineSeconds); else Scheduler's default, a day
                target.putObject("RetryPolicy").put("MaximumEventAgeInSeconds", schedule.maximumEventAgeSeconds());
            }
        }

        /**
         * The cluster's ARN, which a schedule's target needs where a service takes a name too: a
         * parameter may hold either, so a condition tells them apart and a name is made an ARN of this
         * account and region.
         */
        private JsonNode clusterArn(Value cluster) {
            String arnOfName = "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/";
            if (createCluster) {
                return getAtt("EcsCluster", "Arn");
            }
            if (cluster == null) {
                return sub(arnOfName + "default");
            }
            if (cluster instanceof Value.Literal literal) {
                return literal.value().startsWith("arn:") ? JSON.textNode(literal.value())
                        : sub(arnOfName + literal.value().replace("${", "${!"));
            }
            if (!(cluster instanceof Value.Input input)) {
                return value(cluster);
            }
            String parameter = parameter(model.inputNamed(input.name()).orElseThrow());
            String condition = parameter + "IsArn";
            conditions.put(condition, fn("Fn::Equals", JSON.arrayNode()
                    .add(fn("Fn::Select", JSON.arrayNode().add(0).add(fn("Fn::Split", JSON.arrayNode().add(":").add(ref(parameter))))))
                    .add("arn")));
            return fn("Fn::If", JSON.arrayNode().add(condition).add(ref(parameter)).add(sub(arnOfName + "${" + parameter + "}")));
        }

        /** A logical id no model resource and no resource written so far has: {@code base}, else {@code base2} … */
        private String freshId(String base) {
            String id = base;
            for (int i = 2; taken.contains(id) || resources.has(id); i++) {
                id = base + i;
            }
            taken.add(id);
            return id;
        }

        private List<String> listenersOf(ResourceId targetGroup) {
            List<String> out = new ArrayList<>();
            for (ListenerIndex.Entry entry : listeners.forwardingTo(targetGroup)) {
                out.add(logicalIds.get(entry.balancer().id()) + "Listener" + entry.listener().port());
            }
            return out;
        }

        private void securityGroup(SecurityGroup group) {
            String id = logicalIds.get(group.id());
            ObjectNode p = add(group, "AWS::EC2::SecurityGroup").put("GroupName", group.name()).put("GroupDescription", group.description());
            p.set("VpcId", value(Value.input(StandardInputs.VPC_ID)));
            int i = 0;
            for (SecurityGroup.IngressRule rule : group.ingress()) {
                ObjectNode r = newResource(id + "Ingress" + (++i)).put("Type", "AWS::EC2::SecurityGroupIngress").putObject("Properties");
                r.set("GroupId", getAtt(id, "GroupId"));
                r.put("IpProtocol", rule.protocol()).put("FromPort", rule.fromPort()).put("ToPort", rule.toPort());
                if (rule.cidr() != null) {
                    r.set("CidrIp", value(rule.cidr()));
                }
                if (rule.sourceGroup() != null) {
                    r.set("SourceSecurityGroupId", value(rule.sourceGroup()));
                }
                r.put("Description", rule.description());
            }
        }

        private void targetGroup(TargetGroup group) {
            ObjectNode p = add(group, "AWS::ElasticLoadBalancingV2::TargetGroup").put("Name", group.name()).put("Port", group.port())
                    .put("Protocol", group.protocol()).put("TargetType", "ip");
            p.set("VpcId", value(Value.input(StandardInputs.VPC_ID)));
            if (group.protocolVersion() != null) {
                p.put("ProtocolVersion", group.protocolVersion());
            }
            if (group.healthCheckPath() != null) {
                p.put("HealthCheckPath", group.healthCheckPath());
            }
            if (group.healthCheckPort() != null) {
                p.put("HealthCheckPort", group.healthCheckPort());
            }
            if (group.healthCheckProtocol() != null) {
                p.put("HealthCheckProtocol", group.healthCheckProtocol());
            }
            if (group.healthCheckIntervalSeconds() != null) {
                p.put("HealthCheckIntervalSeconds", group.healthCheckIntervalSeconds());
            }
            if (group.healthCheckTimeoutSeconds() != null) {
                p.put("HealthCheckTimeoutSeconds", group.healthCheckTimeoutSeconds());
            }
            if (group.healthyThreshold() != null) {
                p.put("HealthyThresholdCount", group.healthyThreshold());
            }
            if (group.unhealthyThreshold() != null) {
                p.put("UnhealthyThresholdCount", group.unhealthyThreshold());
            }
            if (group.matcher() != null) {
                p.putObject("Matcher").put(group.protocolVersion() != null && group.protocolVersion().equals("GRPC") ? "GrpcCode" : "HttpCode",
                        group.matcher());
            }
        }

        private void loadBalancer(LoadBalancer balancer) {
            String id = logicalIds.get(balancer.id());
            ObjectNode p = add(balancer, "AWS::ElasticLoadBalancingV2::LoadBalancer").put("Name", balancer.name())
                    .put("Type", balancer.type()).put("Scheme", balancer.internetFacing() ? "internet-facing" : "internal")
                    .put("IpAddressType", balancer.ipAddressType());
            if (balancer.internetFacing()) {
                parameters.putObject("PublicSubnetIds").put("Type", "List<AWS::EC2::Subnet::Id>")
                        .put("Description", "public subnets for internet-facing load balancers");
                p.set("Subnets", ref("PublicSubnetIds"));
            } else {
                p.set("Subnets", value(Value.input(StandardInputs.SUBNET_IDS)));
            }
            if (!balancer.securityGroups().isEmpty()) {
                p.set("SecurityGroups", list(balancer.securityGroups()));
            }
            if (!balancer.tags().isEmpty()) {
                p.set("Tags", tags(balancer.tags()));
            }
            for (LoadBalancer.Listener listener : balancer.listeners()) {
                String listenerId = id + "Listener" + listener.port();
                ObjectNode l = newResource(listenerId).put("Type", "AWS::ElasticLoadBalancingV2::Listener").putObject("Properties");
                l.set("LoadBalancerArn", ref(id));
                l.put("Port", listener.port()).put("Protocol", listener.protocol());
                if (listener.sslPolicy() != null) {
                    l.put("SslPolicy", listener.sslPolicy());
                }
                if (!listener.certificates().isEmpty()) {
                    l.putArray("Certificates").addObject().set("CertificateArn", value(listener.certificates().get(0)));
                }
                l.putArray("DefaultActions").add(action(listener.defaultAction()));
                for (LoadBalancer.Rule rule : listener.rules()) {
                    String ruleId = listenerId + "Rule" + rule.priority();
                    if (rule.action().targetGroup() != null) {
                        // with its target group: an Ingress group's load balancer serves several namespaces
                        groupOf.put(ruleId, rule.action().targetGroup().namespace());
                    }
                    ObjectNode r = newResource(ruleId)
                            .put("Type", "AWS::ElasticLoadBalancingV2::ListenerRule").putObject("Properties");
                    r.set("ListenerArn", ref(listenerId));
                    r.put("Priority", rule.priority());
                    r.putArray("Actions").add(action(rule.action()));
                    ArrayNode conditions = r.putArray("Conditions");
                    if (!rule.hosts().isEmpty()) {
                        ArrayNode values = conditions.addObject().put("Field", "host-header").putObject("HostHeaderConfig").putArray("Values");
                        rule.hosts().forEach(values::add);
                    }
                    if (!rule.paths().isEmpty()) {
                        ArrayNode values = conditions.addObject().put("Field", "path-pattern").putObject("PathPatternConfig").putArray("Values");
                        rule.paths().forEach(values::add);
                    }
                }
            }
        }

        private ObjectNode action(LoadBalancer.Action action) {
            ObjectNode node = JSON.objectNode();
            switch (action.type()) {
                case FORWARD -> node.put("Type", "forward").set("TargetGroupArn", value(Value.ref(action.targetGroup(), Value.Attribute.ARN)));
                case REDIRECT -> node.put("Type", "redirect").putObject("RedirectConfig").put("StatusCode", action.statusCode())
                        .put("Protocol", action.protocol()).put("Port", action.port()).put("Host", action.host()).put("Path", action.path());
                case FIXED_RESPONSE -> {
                    ObjectNode config = node.put("Type", "fixed-response").putObject("FixedResponseConfig")
                            .put("StatusCode", action.statusCode()).put("ContentType", action.contentType() == null ? "text/plain" : action.contentType());
                    if (action.body() != null) {
                        config.put("MessageBody", action.body());
                    }
                }
                default -> throw new IllegalStateException("unknown action " + action.type());
            }
            return node;
        }

        private static ObjectNode assumeEcsTasks() {
            ObjectNode document = JSON.objectNode().put("Version", "2012-10-17");
            ObjectNode statement = document.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "sts:AssumeRole");
            statement.putObject("Principal").put("Service", "ecs-tasks.amazonaws.com");
            return document;
        }

        private ObjectNode policy(List<IamRole.PolicyStatement> statements) {
            ObjectNode document = JSON.objectNode().put("Version", "2012-10-17");
            ArrayNode list = document.putArray("Statement");
            for (IamRole.PolicyStatement statement : statements) {
                ObjectNode node = list.addObject().put("Effect", "Allow");
                ArrayNode actions = node.putArray("Action");
                statement.actions().forEach(actions::add);
                ArrayNode resourcesNode = node.putArray("Resource");
                statement.resources().forEach(r -> resourcesNode.add(value(r)));
            }
            return document;
        }

        /** @return the name of the SSM parameter the model creates that {@code read} refers to, or null */
        private String parameterName(Value read) {
            return read instanceof Value.Ref ref ? model.find(ref.target(), SsmParameter.class).map(SsmParameter::name).orElse(null)
                    : null;
        }

        private static String withoutLeadingSlash(String name) {
            return name.startsWith("/") ? name.substring(1) : name;
        }

        /** The policy resource for a secret reference: a Secrets Manager key reads its whole secret. */
        private JsonNode secretResource(Value value) {
            if (value instanceof Value.Ref ref && model.find(ref.target(), AwsResource.class).isEmpty()
                    && ref.target().type().equals(SsmParameter.TYPE) && ref.target().name().startsWith("secret/")) {
                String rest = ref.target().name().substring("secret/".length());
                int slash = rest.lastIndexOf('/');
                String secret = slash > 0 ? logicalIds.get(new ResourceId(SecretsManagerSecret.TYPE, ref.target().namespace(),
                        "secret/" + rest.substring(0, slash))) : null;
                if (secret != null) {
                    return ref(secret);
                }
            }
            return value(value);
        }

        /** The execution role: the ExecutionRoleArn parameter, or a role created when it is empty. */
        private void executionRole() {
            String profileRole = model.inputNamed(StandardInputs.EXECUTION_ROLE_ARN).filter(EnvironmentInput::isKnown)
                    .map(i -> i.value().get(0)).orElse("");
            parameters.putObject("ExecutionRoleArn").put("Type", "String").put("Default", profileRole)
                    .put("Description", "existing ECS task execution role; empty to create one");
            // insertion-ordered sets: a list's contains() made this quadratic in the number of secrets
            Map<String, java.util.LinkedHashSet<Value>> sets = new TreeMap<>();
            for (TaskDefinition task : model.all(TaskDefinition.class)) {
                java.util.LinkedHashSet<Value> reads = sets.computeIfAbsent(policyPerNamespace ? task.id().namespace() : "",
                        n -> new java.util.LinkedHashSet<>());
                task.containers().forEach(c -> {
                    for (SecretRef secret : c.secrets()) {
                        reads.add(secret.valueFrom());
                    }
                    if (c.repositoryCredentials() != null) {
                        reads.add(c.repositoryCredentials());
                    }
                });
            }
            Map<String, List<Value>> readsByNamespace = new TreeMap<>();
            sets.forEach((namespace, reads) -> readsByNamespace.put(namespace, new ArrayList<>(reads)));
            readsByNamespace.values().removeIf(List::isEmpty);
            // the nested stacks' policies per namespace count together, each with its own statements and KMS key
            readScope = decide(readsByNamespace);
            if (policyPerNamespace && readsByNamespace.size() > 1 && (!readScope.fits()
                    || readScope.level().compareTo(ParameterReadScope.Level.SECRET_PREFIXES) > 0)) {
                // One policy of the role, in the shared stack, repeats nothing; it can name no resource of
                // a namespace's stack (the namespaces refer to the role: a cycle), so it names the secrets by
                // their ARN pattern. Only when the namespaces' policies do not fit by namespace: a stack that
                // deploys keeps them, since while an update moves the reads into the role's policy IAM counts
                // both; and policies that repeat the whole prefix would grant no less than the one policy.
                java.util.LinkedHashSet<Value> union = new java.util.LinkedHashSet<>();
                readsByNamespace.values().forEach(union::addAll);
                readsByNamespace.clear();
                readsByNamespace.put("", new ArrayList<>(union));
                readScope = decide(readsByNamespace);
                oneReadPolicy = true;
            }
            if (readScope.widened()) {
                readScopeNote = readScope.note();
            }
            boolean roleGiven = !profileRole.isEmpty();
            if (!readScope.fits() && !roleGiven) {
                readScopeOverflow = readScope.overflow() + "; the stack " + (readScope.exceedsIam() ? "would" : "may")
                        + " fail with IAM's \"Maximum policy size of 10240 bytes exceeded\"";
            }
            ObjectNode role = newResource("ExecutionRole").put("Type", "AWS::IAM::Role").put("Condition", "CreateExecutionRole");
            ObjectNode p = role.putObject("Properties");
            p.set("AssumeRolePolicyDocument", assumeEcsTasks());
            p.putArray("ManagedPolicyArns").add(sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
            if (!policyPerNamespace || oneReadPolicy) {
                List<Value> reads = readsByNamespace.getOrDefault("", List.of());
                if (!reads.isEmpty()) {
                    p.putArray("Policies").addObject().put("PolicyName", "read-secrets").set("PolicyDocument", readSecrets(reads));
                }
                return;
            }
            readsByNamespace.forEach((namespace, reads) -> {
                String base = "ExecutionRoleReadSecrets" + pascal(namespace);
                String id = base;
                for (int i = 2; resources.has(id); i++) {
                    id = base + i;
                }
                ObjectNode policy = newResource(id).put("Type", "AWS::IAM::Policy").put("Condition", "CreateExecutionRole")
                        .putObject("Properties").put("PolicyName", "read-secrets-" + namespace);
                policy.putArray("Roles").add(ref("ExecutionRole"));
                policy.set("PolicyDocument", readSecrets(reads));
                groupOf.put(id, namespace);
                namespacePolicies++;
            });
        }

        /** @return what policies holding these reads, one document per entry, may grant */
        private ParameterReadScope.Scope decide(Map<String, List<Value>> readsByPolicy) {
            List<String> parameterNames = new ArrayList<>();
            List<SecretsManagerSecret> secrets = new ArrayList<>();
            int unknownArns = 0;
            for (List<Value> reads : readsByPolicy.values()) {
                for (Value read : reads) {
                    String name = parameterName(read);
                    Optional<SecretsManagerSecret> secret = ParameterReadScope.secretOf(model, read);
                    if (name != null) {
                        parameterNames.add(name);
                    } else if (secret.isPresent()) {
                        secrets.add(secret.get());
                    } else {
                        unknownArns++;
                    }
                }
            }
            return ParameterReadScope.decide(parameterNames, secrets, unknownArns, kmsKey, readsByPolicy.size());
        }

        private ObjectNode readSecrets(List<Value> reads) {
            ObjectNode document = JSON.objectNode().put("Version", "2012-10-17");
            ObjectNode statement = document.putArray("Statement").addObject().put("Effect", "Allow");
            statement.putArray("Action").add("ssm:GetParameters").add("secretsmanager:GetSecretValue");
            ArrayNode list = statement.putArray("Resource");
            Set<JsonNode> seen = new HashSet<>();
            for (Value read : reads) {
                String parameter = readScope.parametersByPath() ? parameterName(read) : null;
                String prefix = readScope.secretsByPrefix()
                        ? ParameterReadScope.secretOf(model, read).flatMap(readScope::prefixOf).orElse(null) : null;
                // the one policy of a split names a secret by its ARN pattern, not by a reference into its stack
                Optional<SecretsManagerSecret> patterned = prefix == null && oneReadPolicy
                        ? ParameterReadScope.secretOf(model, read) : Optional.empty();
                JsonNode resource = parameter != null ? sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/"
                        + withoutLeadingSlash(readScope.pathOf(parameter).orElseThrow()).replace("${", "${!"))
                        : prefix != null ? sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
                        + prefix.replace("${", "${!"))
                        // Secrets Manager appends a hyphen and six characters to the name
                        : patterned.isPresent() ? sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
                        + patterned.get().name().replace("${", "${!") + "-??????") : secretResource(read);
                if (seen.add(resource)) {
                    list.add(resource);
                }
            }
            if (kmsKey != null) {
                ObjectNode decrypt = ((ArrayNode) document.get("Statement")).addObject().put("Effect", "Allow");
                decrypt.putArray("Action").add("kms:Decrypt");
                decrypt.putArray("Resource").add(kmsKey);
            }
            return document;
        }
    }
}
