package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.plugin.emit.cloudformation.CloudFormationPlugin;
import io.kube2ecs.plugin.emit.ecsjson.EcsJsonPlugin;
import io.kube2ecs.plugin.emit.terraform.TerraformPlugin;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EcsService.deploymentController (API 1.2) in the three bundled emitters: the default writes the
 * circuit breaker and no controller, as before; CODE_DEPLOY writes the controller and no circuit
 * breaker, which ECS accepts only with its own controller.
 */
class DeploymentControllerTest {

    private static String emitAll(Plugin plugin, EcsService.DeploymentController controller) {
        DeploymentModel model = SampleModels.shop();
        model.all(EcsService.class).forEach(service -> service.deploymentController(controller));
        RunResult result = PipelineRunner.emit(plugin.id(), plugin.emitters().get(0), model, Map.of());
        assertThat(result.hasErrors()).as(result.renderedDiagnostics()).isFalse();
        return String.join("\n", result.files().values());
    }

    @Test
    void ecsJson() {
        assertThat(emitAll(new EcsJsonPlugin(), EcsService.DeploymentController.ECS))
                .contains("deploymentCircuitBreaker").doesNotContain("deploymentController");
        assertThat(emitAll(new EcsJsonPlugin(), EcsService.DeploymentController.CODE_DEPLOY))
                .contains("\"deploymentController\": {\n    \"type\": \"CODE_DEPLOY\"\n  }").doesNotContain("deploymentCircuitBreaker");
    }

    @Test
    void terraform() {
        assertThat(emitAll(new TerraformPlugin(), EcsService.DeploymentController.ECS))
                .contains("deployment_circuit_breaker").doesNotContain("deployment_controller");
        assertThat(emitAll(new TerraformPlugin(), EcsService.DeploymentController.EXTERNAL))
                .containsPattern("deployment_controller \\{\\s+type = \"EXTERNAL\"\\s+\\}").doesNotContain("deployment_circuit_breaker");
    }

    @Test
    void cloudFormation() {
        assertThat(emitAll(new CloudFormationPlugin(), EcsService.DeploymentController.ECS))
                .contains("DeploymentCircuitBreaker").doesNotContain("DeploymentController");
        assertThat(emitAll(new CloudFormationPlugin(), EcsService.DeploymentController.CODE_DEPLOY))
                .containsPattern("DeploymentController:\\s+Type: \"CODE_DEPLOY\"").doesNotContain("DeploymentCircuitBreaker");
    }
}
