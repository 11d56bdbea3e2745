package io.kube2ecs.plugin.emit.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.SsmParameter;
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

/** IAM allows a role 10,240 characters of inline policy: past that, `terraform apply` could not create it. */
class ExecutionRolePolicyTest {

    @Test
    void theExecutionRoleReadsNamespacePathsWhenListingEveryParameterWouldPassIamsPolicySize() {
        Map<String, String> few = new TreeMap<>();
        assertThat(emit(SampleModels.parameterReads(20), few)).noneMatch(d -> d.code().equals(TerraformWriter.CODE_READ_SCOPE));
        assertThat(few.get("main.tf")).contains("aws_ssm_parameter.shop_configmap_app_KEY_19.arn")
                .doesNotContain("data \"aws_caller_identity\"")
                // the managed policy's ARN in any partition (arn:aws-us-gov:… in GovCloud)
                .contains("\"arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\"")
                .doesNotContain("arn:aws:iam::aws:policy");

        Map<String, String> many = new TreeMap<>();
        List<Diagnostic> reported = emit(SampleModels.parameterReads(200), many);
        assertThat(reported).filteredOn(d -> d.code().equals(TerraformWriter.CODE_READ_SCOPE)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("reads 200 SSM parameters").contains("/kube2ecs/shop/*"));
        assertThat(many.get("main.tf"))
                .contains("\"arn:${data.aws_partition.current.partition}:ssm:${var.region}:${data.aws_caller_identity.current"
                        + ".account_id}:parameter/kube2ecs/shop/*\"")
                .contains("data \"aws_caller_identity\" \"current\" {}").contains("data \"aws_partition\" \"current\" {}")
                .doesNotContain("aws_ssm_parameter.shop_configmap_app_KEY_199.arn");
    }

    @Test
    void pastTheBudgetWithParameterPathsTheSecretsTheModelCreatesAreGrantedByNamespacePrefix() {
        Map<String, String> few = new TreeMap<>();
        assertThat(emit(SampleModels.secretsManagerReads(5, 3), few)).noneMatch(d -> d.code().equals(TerraformWriter.CODE_READ_SCOPE));
        assertThat(policy(few.get("main.tf"))).contains("aws_secretsmanager_secret.ns0_secret_app0_db.arn")
                .contains("var.missing_").doesNotContain("secret:kube2ecs/");

        // 150 secrets and 3 registry credentials: one ARN each, about 17,000 characters of policy
        Map<String, String> many = new TreeMap<>();
        List<Diagnostic> reported = emit(SampleModels.secretsManagerReads(50, 3), many);
        assertThat(reported).filteredOn(d -> d.code().equals(TerraformWriter.CODE_READ_SCOPE)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("reads 153 Secrets Manager secrets,")
                        .contains("the secret name prefixes kube2ecs/ns0/*, kube2ecs/ns1/*, kube2ecs/ns2/* instead of 153 of the secrets")
                        .contains("1 ARNs of parameters or secrets the input does not define stay listed"));
        String policy = policy(many.get("main.tf"));
        assertThat(policy)
                .contains("\"arn:${data.aws_partition.current.partition}:secretsmanager:${var.region}:${data.aws_caller_identity.current"
                        + ".account_id}:secret:kube2ecs/ns2/*\"")
                // the credentials the input does not define stay listed; no secret the model creates is
                .contains("var.missing_").doesNotContain("aws_secretsmanager_secret.");
        assertThat(many.get("main.tf")).contains("data \"aws_caller_identity\" \"current\" {}")
                .contains("data \"aws_partition\" \"current\" {}");
        // the interpolations are longer than the partition, region and account they stand for, so the
        // policy IAM sees is shorter still (the one missing credentials' variable aside)
        assertThat(policy.replaceAll("\\s", "").length()).isLessThan(10_240);
    }

    /** Past a hundred or so namespaces a path and a prefix per namespace do not fit either. */
    @Test
    void pastAHundredOrSoNamespacesTheRoleReadsTheWholePrefix() {
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> reported = emit(SampleModels.namespaceReads(150), files);
        assertThat(reported).noneMatch(d -> d.code().equals(TerraformWriter.CODE_ROLE_TOO_LARGE));
        assertThat(reported).filteredOn(d -> d.code().equals(TerraformWriter.CODE_READ_SCOPE)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("reads 750 SSM parameters and 150 Secrets Manager secrets")
                        .contains("the parameter path /kube2ecs/* (the whole prefix").contains("the secret name prefix kube2ecs/* (the whole prefix"));
        String policy = policy(files.get("main.tf"));
        assertThat(policy).contains(":parameter/kube2ecs/*\"").contains(":secret:kube2ecs/*\"").doesNotContain("kube2ecs/ns");
        assertThat(policy.replaceAll("\\s", "").length()).isLessThan(10_240);
    }

    /** ARNs the model does not create stay listed however widely the rest is granted. */
    @Test
    void aRoleThatCannotFitItsPolicyIsReportedUnlessTheProfileGivesOne() {
        List<Diagnostic> reported = emit(unknownReads(100, List.of()), new TreeMap<>());
        assertThat(reported).filteredOn(d -> d.code().equals(TerraformWriter.CODE_ROLE_TOO_LARGE)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("the created execution role cannot be created")
                    .contains("stays listed one by one: 100 ARNs of parameters or secrets the input does not define")
                    .contains("terraform apply would fail");
            assertThat(d.hint()).contains("executionRoleArn").contains("execution_role_arn");
        });
        assertThat(emit(unknownReads(100, List.of("arn:aws:iam::123456789012:role/exec")), new TreeMap<>()))
                .noneMatch(d -> d.code().equals(TerraformWriter.CODE_ROLE_TOO_LARGE));
        assertThat(emit(unknownReads(40, List.of()), new TreeMap<>())).noneMatch(d -> d.code().equals(TerraformWriter.CODE_ROLE_TOO_LARGE));
    }

    /** Past the margin the budget keeps, but short of IAM's limit: the role may be too large, not surely. */
    @Test
    void aRoleEstimatedWithinIamsLimitButPastTheMarginMayNotBeCreated() {
        List<Diagnostic> reported = emit(unknownReads(70, List.of()), new TreeMap<>());
        assertThat(reported).filteredOn(d -> d.code().equals(TerraformWriter.CODE_ROLE_TOO_LARGE)).singleElement().satisfies(d -> {
            assertThat(d.message()).startsWith("the created execution role may exceed IAM's size for a role: its policies are estimated at ")
                    .contains(" characters against IAM's 10240 (inline policy, all its policies together), beyond the 8000 this tool "
                            + "keeps as a margin")
                    .contains("terraform apply may fail").doesNotContain("cannot").doesNotContain("would fail");
        });
    }

    /** One task reading {@code count} parameters the input does not define. */
    private static DeploymentModel unknownReads(int count, List<String> executionRole) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.REGION, "region", EnvironmentInput.Type.STRING, false, List.of()));
        model.declare(new EnvironmentInput(StandardInputs.EXECUTION_ROLE_ARN, "role", EnvironmentInput.Type.STRING, false, executionRole));
        TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, "shop", "app"), "shop-app");
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        ContainerDefinition container = new ContainerDefinition("app", "example/app:1");
        for (int i = 0; i < count; i++) {
            container.secrets().add(new SecretRef("KEY_" + i, Value.ref(new ResourceId(SsmParameter.TYPE, "shop", "secret/absent/KEY_" + i),
                    Value.Attribute.ARN), null));
        }
        task.containers().add(container);
        model.add(task);
        return model;
    }

    /** The text of the {@code read-secrets} policy resource. */
    private static String policy(String mainTf) {
        int start = mainTf.indexOf("resource \"aws_iam_role_policy\" \"execution_secrets\"");
        return mainTf.substring(start, mainTf.indexOf("\n}\n", start));
    }


    private static List<Diagnostic> emit(DeploymentModel model, Map<String, String> files) {
        List<Diagnostic> reported = new ArrayList<>();
        new TerraformEmitter().emit(model, new EmitContext() {
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
                return Map::of;
            }

            @Override
            public ConversionSettings settings() {
                return null;
            }
        });
        return reported;
    }
}
