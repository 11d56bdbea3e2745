package io.kube2ecs.plugin.emit.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
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
        assertThat(emit(parameterReads(20), few)).noneMatch(d -> d.code().equals(TerraformWriter.CODE_READ_SCOPE));
        assertThat(few.get("main.tf")).contains("aws_ssm_parameter.shop_configmap_app_KEY_19.arn").doesNotContain("data \"");

        Map<String, String> many = new TreeMap<>();
        List<Diagnostic> reported = emit(parameterReads(200), many);
        assertThat(reported).filteredOn(d -> d.code().equals(TerraformWriter.CODE_READ_SCOPE)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("reads 200 SSM parameters").contains("/kube2ecs/shop/*"));
        assertThat(many.get("main.tf"))
                .contains("\"arn:${data.aws_partition.current.partition}:ssm:${var.region}:${data.aws_caller_identity.current"
                        + ".account_id}:parameter/kube2ecs/shop/*\"")
                .contains("data \"aws_caller_identity\" \"current\" {}").contains("data \"aws_partition\" \"current\" {}")
                .doesNotContain("aws_ssm_parameter.shop_configmap_app_KEY_199.arn");
    }

    private static DeploymentModel parameterReads(int count) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.REGION, "region", EnvironmentInput.Type.STRING, false, List.of()));
        model.declare(new EnvironmentInput(StandardInputs.EXECUTION_ROLE_ARN, "role", EnvironmentInput.Type.STRING, false, List.of()));
        TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, "shop", "app"), "shop-app");
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        ContainerDefinition container = new ContainerDefinition("app", "example/app:1");
        for (int i = 0; i < count; i++) {
            ResourceId id = new ResourceId(SsmParameter.TYPE, "shop", "configmap/app/KEY_" + i);
            model.add(new SsmParameter(id, "/kube2ecs/shop/configmap/app/KEY_" + i, false, Value.of("v" + i)));
            container.secrets().add(new SecretRef("KEY_" + i, Value.ref(id, Value.Attribute.ARN), null));
        }
        task.containers().add(container);
        model.add(task);
        return model;
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
