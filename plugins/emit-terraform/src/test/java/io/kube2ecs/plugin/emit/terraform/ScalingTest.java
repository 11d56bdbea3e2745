package io.kube2ecs.plugin.emit.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScalingPolicy} becomes an {@code aws_appautoscaling_target} and one
 * {@code aws_appautoscaling_policy} per target, in the scaled service's file; the service ignores
 * changes to its desired count. Expectations in {@code src/test/resources/golden/scaling/}.
 */
class ScalingTest {

    private static final String PLUGIN = "emit-terraform";

    /** {@link SampleModels#shop()} with web scaled between 2 and 10 tasks on CPU (70 %) and memory (80 %). */
    static DeploymentModel scaledShop() {
        DeploymentModel model = SampleModels.shop();
        model.add(new ScalingPolicy(new ResourceId(ScalingPolicy.TYPE, "shop", "web"), new ResourceId(EcsService.TYPE, "shop", "web"),
                2, 10, List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 70),
                new ScalingPolicy.TargetTracking("ECSServiceAverageMemoryUtilization", 80))));
        return model;
    }

    @Test
    void aScaledServiceGetsAScalableTargetAndOnePolicyPerTargetInItsFile() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), scaledShop(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/scaling"), result);

        String web = result.file("terraform/shop-web.tf");
        assertThat(web).contains("resource \"aws_appautoscaling_target\" \"shop_web\"")
                .contains("resource_id        = element(split(\":\", aws_ecs_service.shop_web.id), 5)")
                .contains("resource \"aws_appautoscaling_policy\" \"shop_web_cpu\"")
                .contains("resource \"aws_appautoscaling_policy\" \"shop_web_memory\"")
                .contains("predefined_metric_type = \"ECSServiceAverageMemoryUtilization\"")
                .contains("ignore_changes = [desired_count]");
        // the service comes first, its scaling after it
        assertThat(web.indexOf("resource \"aws_ecs_service\"")).isLessThan(web.indexOf("resource \"aws_appautoscaling_target\""));
        // only the scaled service leaves its count to the autoscaler
        assertThat(result.file("terraform/shop-worker.tf")).doesNotContain("lifecycle").doesNotContain("appautoscaling");
        result.files().keySet().stream().filter(f -> !f.equals("terraform/shop-web.tf"))
                .forEach(f -> assertThat(result.file(f)).as(f).doesNotContain("appautoscaling"));
    }

    @Test
    void withoutAScalingPolicyTheOutputIsTheSameAsBefore() {
        RunResult plain = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), SampleModels.shop(), Map.of());
        RunResult scaled = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), scaledShop(), Map.of());

        assertThat(scaled.files().keySet()).isEqualTo(plain.files().keySet());
        plain.files().forEach((file, text) -> {
            if (!file.equals("terraform/shop-web.tf")) {
                assertThat(scaled.file(file)).as(file).isEqualTo(text);
            }
        });
        // the scaled file is the plain one with the lifecycle block in the service, and the scaling after it
        String web = scaled.file("terraform/shop-web.tf")
                .replace("  lifecycle {\n    ignore_changes = [desired_count]\n  }\n", "")
                .replaceAll("(?m)(^#.*\n)*^resource \"aws_appautoscaling_[a-z]+\" \"[^\"]+\" \\{\n(.*\n)*?^}\n\n", "");
        assertThat(web).isEqualTo(plain.file("terraform/shop-web.tf"));
    }

    @Test
    void aServiceTheModelLacksIsNamedByAVariableOfItsArn() {
        DeploymentModel model = SampleModels.shop();
        model.add(new ScalingPolicy(new ResourceId(ScalingPolicy.TYPE, "shop", "api"), new ResourceId(EcsService.TYPE, "shop", "api"),
                1, 3, List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 62.5))));

        RunResult result = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), model, Map.of());

        assertThat(result.file("terraform/shop-api.tf"))
                .contains("resource_id        = element(split(\":\", var.missing_ecs_service_shop_api_arn), 5)")
                .contains("name               = \"api-cpu\"").contains("target_value       = 62.5");
        assertThat(result.file("terraform/variables.tf")).contains("variable \"missing_ecs_service_shop_api_arn\"");
        assertThat(result.withCode(TerraformWriter.CODE_MISSING)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("missing_ecs_service_shop_api_arn"));
    }
}
