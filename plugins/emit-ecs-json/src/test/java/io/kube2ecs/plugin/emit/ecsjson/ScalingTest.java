package io.kube2ecs.plugin.emit.ecsjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Output;
import io.kube2ecs.api.spi.PluginOptions;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        // not ${CLUSTER} of service.json, which may be filled in with an ARN: a resource id takes the name only
        assertThat(result.file("ecs/shop/web/scalable-target.json")).contains("\"ResourceId\": \"service/${CLUSTER_NAME}/shop-web\"");
        assertThat(result.file("ecs/shop/web/scaling-policy-cpu.json")).contains("\"ResourceId\": \"service/${CLUSTER_NAME}/shop-web\"");
        assertThat(result.file("ecs/shop/web/service.json")).contains("\"cluster\": \"${CLUSTER}\"");
        assertThat(result.withCode(EcsJsonEmitter.CODE_PLACEHOLDERS)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("${CLUSTER_NAME}, ${CLUSTER}, ")
                        .endsWith("; ${CLUSTER_NAME} is the cluster's name, not its ARN (in scalable-target.json and "
                                + "scaling-policy-*.json), where the cluster placeholder takes its name or ARN"));
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
        // but for ECSJSON001, which lists the placeholder the scaling files add
        assertThat(scaled.renderedDiagnostics()).isEqualTo(plain.renderedDiagnostics().replace("${CLUSTER}, ${EXECUTION_ROLE_ARN}, ${SUBNET_IDS}",
                "${CLUSTER_NAME}, ${CLUSTER}, ${EXECUTION_ROLE_ARN}, ${SUBNET_IDS}; ${CLUSTER_NAME} is the cluster's name, not its ARN "
                        + "(in scalable-target.json and scaling-policy-*.json), where the cluster placeholder takes its name or ARN"));
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

    /** web of {@link SampleModels#shop()}, scaled on CPU, in a model whose cluster input has a value. */
    private static DeploymentModel scaledWebInCluster(String cluster) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.CLUSTER, "cluster", EnvironmentInput.Type.STRING, false, List.of(cluster)));
        model.declare(new EnvironmentInput(StandardInputs.SUBNET_IDS, "subnets", EnvironmentInput.Type.STRING_LIST, false,
                List.of("subnet-1")));
        TaskDefinition task = model.add(new TaskDefinition(new ResourceId(TaskDefinition.TYPE, "shop", "web"), "shop-web"));
        task.containers().add(new ContainerDefinition("web", "nginx:1.27"));
        EcsService service = new EcsService(new ResourceId(EcsService.TYPE, "shop", "web"), "shop-web", task.id());
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        model.add(service);
        model.add(policy("web", List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 70))));
        return model;
    }

    @Test
    void aClusterInputGivenAsAnArnIsNamedByItsNameInTheScalingFilesOnly() {
        RunResult result = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(),
                scaledWebInCluster("arn:aws:ecs:eu-west-1:123456789012:cluster/prod"), Map.of());

        assertThat(result.file("ecs/shop/web/scalable-target.json")).contains("\"ResourceId\": \"service/prod/shop-web\"");
        assertThat(result.file("ecs/shop/web/scaling-policy-cpu.json")).contains("\"ResourceId\": \"service/prod/shop-web\"");
        // create-service takes the ARN as it was given
        assertThat(result.file("ecs/shop/web/service.json")).contains("\"cluster\": \"arn:aws:ecs:eu-west-1:123456789012:cluster/prod\"");
        assertThat(result.withCode(EcsJsonEmitter.CODE_PLACEHOLDERS)).isEmpty();
    }

    /** Emits the model and returns what the emitter reported with {@link EmitContext#placeholder}, in order. */
    private static Map<String, String> reportedPlaceholders(DeploymentModel model) {
        Map<String, String> reported = new LinkedHashMap<>();
        new EcsJsonEmitter().emit(model, new EmitContext() {
            @Override
            public Output output() {
                return (path, content) -> { };
            }

            @Override
            public Diagnostics diagnostics() {
                return diagnostic -> { };
            }

            @Override
            public PluginOptions options() {
                return Map::of;
            }

            @Override
            public ConversionSettings settings() {
                return null;
            }

            @Override
            public void placeholder(String name, String description) {
                reported.put(name, description);
            }
        });
        return reported;
    }

    /** So the run lists them with the inputs to fill in, not only ECSJSON001 (shown with -v). */
    @Test
    void theClustersNameAndArnPlaceholdersAreReportedToTheRun() {
        DeploymentModel model = SampleModels.nightlyReport();
        model.add(policy("web", List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 70))));

        assertThat(reportedPlaceholders(model)).containsExactly(
                Map.entry("cluster_arn", "ECS cluster ARN, not its name (ECS JSON schedules; the profile's cluster gives it)"),
                Map.entry("cluster_name", "ECS cluster name, not its ARN (ECS JSON scaling files; the profile's cluster gives it)"));
        assertThat(reportedPlaceholders(scaledWebInCluster("arn:aws:ecs:eu-west-1:123456789012:cluster/prod"))).isEmpty();
    }

    @Test
    void aServiceTheModelLacksIsNamedByAPlaceholder() {
        DeploymentModel model = SampleModels.shop();
        model.add(policy("api", List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 70))));

        RunResult result = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), model, Map.of());

        assertThat(result.file("ecs/shop/api/scalable-target.json"))
                .contains("\"ResourceId\": \"service/${CLUSTER_NAME}/${ECS_SERVICE_SHOP_API_NAME}\"");
        assertThat(result.withCode(EcsJsonEmitter.CODE_PLACEHOLDERS)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("${ECS_SERVICE_SHOP_API_NAME}"));
    }
}
