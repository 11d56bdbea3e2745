package io.kube2ecs.plugin.emit.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.LogConfiguration;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Output;
import io.kube2ecs.api.spi.PluginOptions;
import io.kube2ecs.testkit.SampleModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User data keeps its spelling; API property names become PascalCase; ambiguous YAML stays a string. */
class CloudFormationEmitterTest {

    @Test
    void userDataKeysKeepTheirSpellingAndAmbiguousValuesStayStrings() {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.REGION, "region", EnvironmentInput.Type.STRING, false, List.of()));
        model.declare(new EnvironmentInput(StandardInputs.EXECUTION_ROLE_ARN, "role", EnvironmentInput.Type.STRING, false, List.of()));
        TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, "shop", "api"), "shop-api");
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        ContainerDefinition container = new ContainerDefinition("api", "example/api:1");
        container.dockerLabels().put("com.example.Team-Name", "payments");
        container.logConfiguration(new LogConfiguration("awslogs", Map.of("awslogs-stream-prefix", Value.of("ecs"),
                "awslogs-region", model.input(StandardInputs.REGION), "awslogs-group", Value.of("/ecs/shop/api"))));
        container.environment().add(new KeyValue("FLAG", "yes"));
        container.environment().add(new KeyValue("OCTAL", "0123"));
        task.containers().add(container);
        model.add(task);

        Map<String, String> files = new TreeMap<>();
        emit(model, files);
        String template = files.get("template.yaml");
        assertThat(template).contains("DockerLabels:").contains("com.example.Team-Name: \"payments\"")
                .contains("LogConfiguration:").contains("LogDriver: \"awslogs\"").contains("awslogs-stream-prefix: \"ecs\"")
                .contains("awslogs-region:").contains("Ref: \"AWS::Region\"")
                .contains("Value: \"yes\"").contains("Value: \"0123\"")
                .doesNotContain("dockerLabels").doesNotContain("AwslogsStreamPrefix");
        golden("user-data/template.yaml", template);
    }

    /** Compares with the committed expectation; {@code -Dkube2ecs.golden.update=true} rewrites it. */
    private static void golden(String name, String actual) {
        java.nio.file.Path expected = java.nio.file.Path.of("src/test/resources/golden").resolve(name);
        try {
            if (Boolean.getBoolean("kube2ecs.golden.update")) {
                java.nio.file.Files.createDirectories(expected.getParent());
                java.nio.file.Files.writeString(expected, actual);
            }
            assertThat(actual).as(expected + " (rerun with -Dkube2ecs.golden.update=true to accept)")
                    .isEqualTo(java.nio.file.Files.readString(expected));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** IAM allows a role 10,240 characters of inline policy: past that, the role could not be created. */
    @Test
    void theExecutionRoleReadsNamespacePathsWhenListingEveryParameterWouldPassIamsPolicySize() {
        Map<String, String> few = new TreeMap<>();
        assertThat(emit(SampleModels.parameterReads(20), few)).isEmpty();
        // each parameter twice: read by the task definition, and granted by the role's policy
        assertThat(few.get("template.yaml").split("parameter/kube2ecs/shop/configmap/app/KEY_19\"", -1)).hasSize(3);
        assertThat(few.get("template.yaml")).doesNotContain("/*");

        Map<String, String> many = new TreeMap<>();
        List<Diagnostic> reported = emit(SampleModels.parameterReads(200), many);
        assertThat(reported).filteredOn(d -> d.code().equals("CFN004")).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("reads 200 SSM parameters").contains("/kube2ecs/shop/*");
        });
        String template = many.get("template.yaml");
        // the policy grants the path; only the task definition still names each parameter it reads
        assertThat(template).contains("parameter/kube2ecs/shop/*\"");
        assertThat(template.split("parameter/kube2ecs/shop/configmap/app/KEY_199\"", -1)).hasSize(2);
    }

    /** One template, or nested stacks whose {@code read-secrets-<ns>} policies IAM counts together. */
    @ParameterizedTest
    @ValueSource(strings = {"never", "namespace"})
    void pastTheBudgetWithParameterPathsTheSecretsTheModelCreatesAreGrantedByNamespacePrefix(String split) throws Exception {
        Map<String, String> few = new TreeMap<>();
        assertThat(emit(SampleModels.secretsManagerReads(5, 3), few, Map.of("split", split, "format", "json"))).noneMatch(d -> d.code().equals("CFN004"));
        assertThat(readSecretsPolicies(few)).contains("\"Ref\":\"SecretsmanagerSecretNs0SecretApp0Db\"")
                .contains("\"Ref\":\"MissingSecretsmanagerSecretNs1RegistryAbsentARN\"").doesNotContain("secret:kube2ecs/");

        // 150 secrets and 3 registry credentials: one ARN each, about 17,000 characters of policy
        Map<String, String> many = new TreeMap<>();
        List<Diagnostic> reported = emit(SampleModels.secretsManagerReads(50, 3), many, Map.of("split", split, "format", "json"));
        assertThat(reported).filteredOn(d -> d.code().equals("CFN004")).singleElement().satisfies(d -> assertThat(d.message())
                .contains("reads 153 Secrets Manager secrets,")
                .contains("the secret name prefixes kube2ecs/ns0/*, kube2ecs/ns1/*, kube2ecs/ns2/* instead of 153 of the secrets")
                .contains("1 ARNs of parameters or secrets the input does not define stay listed"));
        String policies = readSecretsPolicies(many);
        assertThat(policies)
                .contains("{\"Fn::Sub\":\"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:kube2ecs/ns1/*\"}")
                // the credentials the input does not define stay listed; no secret the model creates is
                .contains("\"Ref\":\"MissingSecretsmanagerSecretNs1RegistryAbsentARN\"").doesNotContain("\"Ref\":\"SecretsmanagerSecretNs");
        // the pseudo parameters are longer than the partition, region and account they stand for, so the
        // policies IAM sees are shorter still (the one Ref to missing credentials aside)
        assertThat(policies.length()).isLessThan(10_240);
    }

    private static final String KMS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /**
     * A {@code read-secrets-<ns>} policy per nested stack repeats its statements and the KMS key: 60 of
     * them took 20,510 characters however widely they granted, and the stack could not create the role.
     */
    @Test
    void sixtyNamespacesInNestedStacksReadThroughOnePolicyOfTheRoleWithinIamsSize() throws Exception {
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(SampleModels.namespaceReads(60), files, Map.of("split", "namespace", "format", "json"), KMS_KEY);
        assertThat(iamPolicySize(files)).isLessThanOrEqualTo(10_240);
        assertThat(reported).noneMatch(d -> d.severity() != Severity.INFO);
        assertThat(reported).filteredOn(d -> d.code().equals("CFN004")).singleElement().satisfies(d -> assertThat(d.message())
                .contains("reads 300 SSM parameters and 60 Secrets Manager secrets").contains("the parameter path /kube2ecs/*"));
        assertThat(files).containsKey("stacks/namespace-ns59.json");
        assertThat(files.values()).noneMatch(text -> text.contains("AWS::IAM::Policy"));
        String policies = readSecretsPolicies(files);
        // one document: the KMS statement once, and nothing of a namespace's stack (which refers to the role)
        assertThat(policies.split(KMS_KEY, -1)).hasSize(2);
        assertThat(policies).doesNotContain("\"Ref\"");
        assertThat(files.get("stacks/shared.json")).contains("\"PolicyName\" : \"read-secrets\"");
    }

    /**
     * One policy of the role names the secrets by their ARN pattern, one ARN each while they fit; a
     * split whose policies per namespace fit keeps them (an update that moved the reads would count both).
     */
    @Test
    void theOnePolicyOfTheRoleListsSingleArnsWhileTheyFitAndASplitThatFitsKeepsItsPolicies() throws Exception {
        // 35 namespaces reading one secret each: 35 policies repeating statements and key, about 12,500 characters
        DeploymentModel model = SampleModels.namespaceReads(35);
        model.all(TaskDefinition.class).forEach(t -> t.containers().get(0).secrets().removeIf(s -> !s.name().equals("DB_PASSWORD")));
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(model, files, Map.of("split", "namespace", "format", "json"), KMS_KEY);
        assertThat(iamPolicySize(files)).isLessThanOrEqualTo(10_240);
        assertThat(reported).noneMatch(d -> d.code().equals("CFN004") || d.code().equals("CFN005"));
        assertThat(files.values()).noneMatch(text -> text.contains("AWS::IAM::Policy"));
        assertThat(readSecretsPolicies(files))
                // Secrets Manager appends -AbCdEf to the name; the secret itself is in the namespace's stack
                .contains("{\"Fn::Sub\":\"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:kube2ecs/ns34/app-??????\"}")
                .doesNotContain("/*").doesNotContain("\"Ref\"");

        // 12 namespaces fit a policy each (by parameter path), as before
        Map<String, String> twelve = new TreeMap<>();
        emit(SampleModels.namespaceReads(12), twelve, Map.of("split", "namespace", "format", "json"), KMS_KEY);
        assertThat(twelve.get("stacks/namespace-ns11.json")).contains("\"PolicyName\" : \"read-secrets-ns11\"")
                .contains("\"Ref\" : \"SecretsmanagerSecretNs11SecretApp\"");
        assertThat(twelve.get("stacks/shared.json")).doesNotContain("read-secrets");
        assertThat(iamPolicySize(twelve)).isLessThanOrEqualTo(10_240);
    }

    /**
     * 25 namespaces with a KMS key would fit a policy each only by granting the whole prefix in every
     * one of them; the one policy of the role grants each namespace's path instead.
     */
    @Test
    void policiesPerNamespaceNeverGrantTheWholePrefix() throws Exception {
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(SampleModels.namespaceReads(25), files, Map.of("split", "namespace", "format", "json"), KMS_KEY);
        assertThat(files.values()).noneMatch(text -> text.contains("AWS::IAM::Policy"));
        assertThat(readSecretsPolicies(files))
                .contains("{\"Fn::Sub\":\"arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/kube2ecs/ns24/*\"}")
                .contains("{\"Fn::Sub\":\"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:kube2ecs/ns24/app-??????\"}")
                .doesNotContain("kube2ecs/*");
        assertThat(reported).filteredOn(d -> d.code().equals("CFN004")).singleElement()
                .satisfies(d -> assertThat(d.message()).doesNotContain("the whole prefix"));
        assertThat(iamPolicySize(files)).isLessThanOrEqualTo(10_240);
    }

    /** ARNs the model does not create stay listed however widely the rest is granted. */
    @ParameterizedTest
    @ValueSource(strings = {"never", "namespace"})
    void aRoleThatCannotFitItsPoliciesIsReportedUnlessTheProfileGivesOne(String split) {
        List<Diagnostic> reported = emit(unknownReads(100, List.of()), new TreeMap<>(), Map.of("split", split), null);
        assertThat(reported).filteredOn(d -> d.code().equals("CFN005")).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("the created execution role cannot be created")
                    .contains("stays listed one by one: 100 ARNs of parameters or secrets the input does not define")
                    .contains("the stack would fail with IAM's \"Maximum policy size of 10240 bytes exceeded\"");
            assertThat(d.hint()).contains("executionRoleArn").contains("ExecutionRoleArn");
        });
        // past the margin the budget keeps, but short of IAM's limit: the role may be too large, not surely
        assertThat(emit(unknownReads(70, List.of()), new TreeMap<>(), Map.of("split", split), null))
                .filteredOn(d -> d.code().equals("CFN005")).singleElement().satisfies(d -> assertThat(d.message())
                        .startsWith("the created execution role may exceed IAM's size for a role: its policies are estimated at ")
                        .contains("beyond the 8000 this tool keeps as a margin").contains("the stack may fail with IAM's")
                        .doesNotContain("cannot").doesNotContain("would fail"));
        assertThat(emit(unknownReads(100, List.of("arn:aws:iam::123456789012:role/exec")), new TreeMap<>(), Map.of("split", split), null))
                .noneMatch(d -> d.code().equals("CFN005"));
        assertThat(emit(unknownReads(40, List.of()), new TreeMap<>(), Map.of("split", split), null)).noneMatch(d -> d.code().equals("CFN005"));
    }

    /** One task reading {@code count} parameters the input does not define. */
    private static DeploymentModel unknownReads(int count, List<String> executionRole) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.EXECUTION_ROLE_ARN, "role", EnvironmentInput.Type.STRING, false, executionRole));
        TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, "shop", "app"), "shop-app");
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        ContainerDefinition container = new ContainerDefinition("app", "example/app:1");
        for (int i = 0; i < count; i++) {
            container.secrets().add(new io.kube2ecs.api.model.SecretRef("KEY_" + i, Value.ref(new ResourceId(
                    io.kube2ecs.api.model.SsmParameter.TYPE, "shop", "secret/absent/KEY_" + i), Value.Attribute.ARN), null));
        }
        task.containers().add(container);
        model.add(task);
        return model;
    }

    /**
     * The execution role's inline policies as IAM counts them: together, whitespace aside, with the
     * longest partition, region and account an intrinsic function could stand for, a secret's ARN with
     * the suffix Secrets Manager appends, and 128 characters for an ARN the template does not create.
     */
    private static int iamPolicySize(Map<String, String> files) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, String> secretNames = new TreeMap<>();
        List<com.fasterxml.jackson.databind.JsonNode> documents = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().endsWith(".json") || file.getKey().equals("parameters.json")) {
                continue;
            }
            json.readTree(file.getValue()).path("Resources").fields().forEachRemaining(resource -> {
                com.fasterxml.jackson.databind.JsonNode properties = resource.getValue().path("Properties");
                if (resource.getValue().path("Type").asText().equals("AWS::SecretsManager::Secret")) {
                    secretNames.put(resource.getKey(), properties.path("Name").asText());
                }
                if (resource.getKey().equals("ExecutionRole")) {
                    properties.path("Policies").forEach(p -> documents.add(p.path("PolicyDocument")));
                }
                if (resource.getValue().path("Type").asText().equals("AWS::IAM::Policy")
                        && properties.path("Roles").toString().contains("ExecutionRole")) {
                    documents.add(properties.path("PolicyDocument"));
                }
            });
        }
        assertThat(documents).isNotEmpty();
        int size = 0;
        for (com.fasterxml.jackson.databind.JsonNode document : documents) {
            size += json.writeValueAsString(resolve(document, secretNames)).length();
        }
        return size;
    }

    private static com.fasterxml.jackson.databind.JsonNode resolve(com.fasterxml.jackson.databind.JsonNode node, Map<String, String> secretNames) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (node.isObject() && node.size() == 1 && (node.has("Ref") || node.has("Fn::Sub"))) {
            String text = node.has("Ref") ? "${" + node.path("Ref").asText() + "}" : node.path("Fn::Sub").asText();
            text = text.replace("${AWS::Partition}", "aws-us-gov").replace("${AWS::Region}", "us-gov-west-1")
                    .replace("${AWS::AccountId}", "123456789012");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = secretNames.get(m.group(1));
                m.appendReplacement(out, name != null ? "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:" + name + "-AbCdEf"
                        : "x".repeat(128));
            }
            m.appendTail(out);
            return nodes.textNode(out.toString().replace("${!", "${"));
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = nodes.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), secretNames)));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = nodes.arrayNode();
            node.forEach(item -> copy.add(resolve(item, secretNames)));
            return copy;
        }
        return node;
    }

    /** The {@code read-secrets} policy documents of every template written, compact JSON one after the other. */
    private static String readSecretsPolicies(Map<String, String> files) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().endsWith(".json") || file.getKey().equals("parameters.json")) {
                continue;
            }
            json.readTree(file.getValue()).path("Resources").forEach(resource -> {
                resource.path("Properties").path("Policies").forEach(p -> out.append(p.path("PolicyDocument")));
                if (resource.path("Properties").path("PolicyName").asText().startsWith("read-secrets")) {
                    out.append(resource.path("Properties").path("PolicyDocument"));
                }
            });
        }
        assertThat(out).isNotEmpty();
        return out.toString();
    }


    @Test
    void withSplittingOffATemplateOverTheResourceQuotaIsReportedWithItsCount() {
        // 500 log groups and the execution role the template always declares
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(logGroups(500, "app", 1), files, Map.of("split", "never"));
        assertThat(reported).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CFN002");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("501 resources (at most 500)");
        });
        assertThat(files).containsOnlyKeys("template.yaml", "parameters.json");
    }

    @Test
    void aTemplateOverTheResourceQuotaIsSplitIntoNestedStacksPerNamespace() {
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(logGroups(500, "app", 2), files, Map.of());
        assertThat(reported).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CFN003");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("3 nested stacks").contains("501 resources (at most 500)");
            assertThat(d.hint()).contains("aws cloudformation package");
        });
        assertThat(files).containsOnlyKeys("template.yaml", "parameters.json", "stacks/namespace-ns0.yaml",
                "stacks/namespace-ns1.yaml", "stacks/shared.yaml");
        assertThat(files.get("template.yaml")).contains("Type: \"AWS::CloudFormation::Stack\"")
                .contains("TemplateURL: \"stacks/namespace-ns0.yaml\"").doesNotContain("AWS::Logs::LogGroup");
        assertThat(files.get("stacks/namespace-ns1.yaml")).contains("LogGroupName: \"/ecs/shop/app499\"");
    }

    @Test
    void aNamespaceOverTheQuotaAfterTheSplitIsCutIntoParts() {
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(logGroups(1001, "app", 1), files, Map.of());
        assertThat(reported).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CFN003");
            assertThat(d.message()).contains("4 nested stacks, 1 for the namespaces and shared resources that fit in one, "
                    + "and 3 parts of those over 500 resources").contains("namespace ns0 into 3 parts").doesNotContain("outputs");
        });
        // 1,001 log groups that nothing refers to: 1,001 applications in ⌈1,001 / 350⌉ = 3 parts, numbered from 2;
        // part 1, of what the applications share, is empty, so it has no file
        assertThat(files).containsOnlyKeys("template.yaml", "parameters.json", "stacks/namespace-ns0.part2.yaml",
                "stacks/namespace-ns0.part3.yaml", "stacks/namespace-ns0.part4.yaml", "stacks/shared.yaml");
        assertThat(files.get("template.yaml")).contains("NsNs0Part4Stack:").contains("TemplateURL: \"stacks/namespace-ns0.part4.yaml\"");
        assertThat(files.get("stacks/namespace-ns0.part3.yaml")).contains("namespace ns0, part 3 (a nested stack");

        Map<String, String> again = new TreeMap<>();
        emit(logGroups(1001, "app", 1), again, Map.of());
        assertThat(again).isEqualTo(files);
    }

    @Test
    void theRootRepeatsNoneOfTheNestedStacksOutputsWhenTheyAreMoreThanAStackHolds() {
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(services(201, 2), files, Map.of("split", "namespace"));
        assertThat(reported).singleElement().satisfies(d -> assertThat(d.message())
                .contains("the root repeats none of the nested stacks' 201 outputs"));
        assertThat(files.get("template.yaml")).doesNotContain("Outputs:");
        assertThat(files.get("stacks/namespace-ns0.yaml")).contains("ServiceEcsServiceNs0App200:");
    }

    @Test
    void aStackStillOverTheOutputQuotaAfterTheSplitIsReported() {
        List<Diagnostic> reported = emit(services(201, 1), new TreeMap<>(), Map.of("split", "namespace"));
        assertThat(reported).extracting(Diagnostic::code).containsExactly("CFN003", "CFN002");
        assertThat(reported.get(1).message()).contains("stacks/namespace-ns0.yaml: 201 outputs (at most 200)");
    }

    @Test
    void anUnknownSplitValueIsAnError() {
        List<Diagnostic> reported = emit(logGroups(1, "app", 1), new TreeMap<>(), Map.of("split", "always"));
        assertThat(reported).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CFN003");
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void aTemplateTooLargeForARequestButWithinQuotasGetsTheS3Hint() {
        List<Diagnostic> reported = emit(logGroups(499, "app-with-a-long-name-".repeat(10), 1), new TreeMap<>(), Map.of());
        assertThat(reported).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CFN002");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.hint()).contains("--s3-bucket");
        });
    }

    @Test
    void aSmallTemplateIsNotReported() {
        assertThat(emit(logGroups(3, "app", 1), new TreeMap<>(), Map.of())).isEmpty();
    }

    /** Log groups spread round-robin over {@code namespaces} namespaces ns0, ns1 … */
    private static DeploymentModel logGroups(int count, String namePrefix, int namespaces) {
        DeploymentModel model = new DeploymentModel();
        for (int i = 0; i < count; i++) {
            model.add(new LogGroup(new ResourceId(LogGroup.TYPE, "ns" + i % namespaces, "app-" + i), "/ecs/shop/" + namePrefix + i));
        }
        return model;
    }

    /** ECS services (each with an output) spread round-robin over {@code namespaces} namespaces ns0, ns1 … */
    private static DeploymentModel services(int count, int namespaces) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.CLUSTER, "cluster", EnvironmentInput.Type.STRING, false, List.of()));
        for (int i = 0; i < count; i++) {
            ResourceId task = new ResourceId(TaskDefinition.TYPE, "ns" + i % namespaces, "app" + i);
            model.add(new TaskDefinition(task, "app" + i));
            EcsService service = new EcsService(new ResourceId(EcsService.TYPE, "ns" + i % namespaces, "app" + i), "app" + i, task);
            service.cluster(model.input(StandardInputs.CLUSTER));
            model.add(service);
        }
        return model;
    }

    private static List<Diagnostic> emit(DeploymentModel model, Map<String, String> files) {
        return emit(model, files, Map.of());
    }

    /** Emits without settings; returns what was reported. */
    private static List<Diagnostic> emit(DeploymentModel model, Map<String, String> files, Map<String, Object> options) {
        return emit(model, files, options, null);
    }

    /** Emits with only the profile's KMS key set, when not null; returns what was reported. */
    private static List<Diagnostic> emit(DeploymentModel model, Map<String, String> files, Map<String, Object> options, String kmsKey) {
        ConversionSettings settings = kmsKey == null ? null : new ConversionSettings() {
            @Override
            public String namePrefix() {
                return "";
            }

            @Override
            public boolean awsLogs() {
                return false;
            }

            @Override
            public String logGroupPrefix() {
                return "/ecs";
            }

            @Override
            public int logRetentionDays() {
                return 30;
            }

            @Override
            public boolean assignPublicIp() {
                return false;
            }

            @Override
            public String platformVersion() {
                return "LATEST";
            }

            @Override
            public String kmsKeyArn() {
                return kmsKey;
            }

            @Override
            public Map<String, String> tags() {
                return Map.of();
            }

            @Override
            public String awsName(String namespace, String name, int maxLength) {
                return namespace + "-" + name;
            }
        };
        List<Diagnostic> reported = new ArrayList<>();
        new CloudFormationEmitter().emit(model, new EmitContext() {
            @Override
            public Output output() {
                return files::put;
            }

            @Override
            public Diagnostics diagnostics() {
                return reported::add;
            }

            @Override
            public PluginOptions options() {
                return () -> options;
            }

            @Override
            public ConversionSettings settings() {
                return settings;
            }
        });
        return reported;
    }
}
