package io.kube2ecs.plugin.emit.ecsjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScalingPolicy} becomes {@code scalable-target.json} and one
 * {@code scaling-policy-<cpu|memory>.json} per target next to the service's {@code service.json}.
 * Expectations in {@code src/test/resources/golden/scaling/}.
 */
class ScalingTest {

    private static final String PLUGIN = "emit-ecs-json";

    private static ScalingPolicy policy(String name, List<ScalingPolicy.TargetTracking> targets) {
        return new ScalingPolicy(new ResourceId(ScalingPolicy.TYPE, "shop", name), new ResourceId(EcsService.TYPE, "shop", name),
                2, 10, targets);
    }

    /** {@link SampleModels#shop()} with web scaled between 2 and 10 tasks on CPU (70 %) and memory (80 %). */
    static DeploymentModel scaledShop() {
        DeploymentModel model = SampleModels.shop();
        model.add(policy("web", List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 70),
                new ScalingPolicy.TargetTracking("ECSServiceAverageMemoryUtilization", 80))));
        return model;
    }

    @Test
    void aScaledServiceGetsAScalableTargetAndOnePolicyFilePerTarget() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), scaledShop(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/scaling"), result);

        assertThat(result.files()).containsKeys("ecs/shop/web/scalable-target.json", "ecs/shop/web/scaling-policy-cpu.json",
                "ecs/shop/web/scaling-policy-memory.json");
        assertThat(result.files().keySet()).noneMatch(f -> f.startsWith("ecs/shop/worker/scal"));
        // the cluster placeholder of service.json, which must then be the cluster's name
        assertThat(result.file("ecs/shop/web/scalable-target.json")).contains("\"ResourceId\": \"service/${CLUSTER}/shop-web\"");
        assertThat(result.file("ecs/shop/web/scaling-policy-memory.json")).contains("\"PolicyName\": \"shop-web-memory\"")
                .contains("\"TargetValue\": 80,").contains("\"ScaleOutCooldown\": 60,").contains("\"ScaleInCooldown\": 300");
        assertThat(EcsSchemaValidator.validateService(result.file("ecs/shop/web/service.json"))).isEmpty();
    }

    @Test
    void withoutAScalingPolicyTheOutputIsTheSameAsBefore() {
        RunResult plain = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), SampleModels.shop(), Map.of());
        RunResult scaled = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), scaledShop(), Map.of());

        plain.files().forEach((file, text) -> assertThat(scaled.file(file)).as(file).isEqualTo(text));
        assertThat(scaled.files().keySet()).hasSize(plain.files().size() + 3);
        assertThat(scaled.renderedDiagnostics()).isEqualTo(plain.renderedDiagnostics());
    }

    @Test
    void aClusterGivenAsAnArnIsNamedByItsNameAndAFractionalTargetKeepsItsFraction() {
        DeploymentModel model = SampleModels.shop();
        model.find(new ResourceId(EcsService.TYPE, "shop", "web"), EcsService.class).orElseThrow()
                .cluster(Value.of("arn:aws:ecs:eu-west-1:123456789012:cluster/prod"));
        model.add(policy("web", List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 62.5))));

        RunResult result = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), model, Map.of());

        assertThat(result.file("ecs/shop/web/scalable-target.json")).contains("\"ResourceId\": \"service/prod/shop-web\"");
        assertThat(result.file("ecs/shop/web/scaling-policy-cpu.json")).contains("\"TargetValue\": 62.5,");
    }

    @Test
    void aServiceTheModelLacksIsNamedByAPlaceholder() {
        DeploymentModel model = SampleModels.shop();
        model.add(policy("api", List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 70))));

        RunResult result = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), model, Map.of());

        assertThat(result.file("ecs/shop/api/scalable-target.json"))
                .contains("\"ResourceId\": \"service/${CLUSTER}/${ECS_SERVICE_SHOP_API_NAME}\"");
        assertThat(result.withCode(EcsJsonEmitter.CODE_PLACEHOLDERS)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("${ECS_SERVICE_SHOP_API_NAME}"));
    }
}
