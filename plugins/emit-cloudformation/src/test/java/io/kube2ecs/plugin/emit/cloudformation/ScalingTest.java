package io.kube2ecs.plugin.emit.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScalingPolicy} becomes an {@code AWS::ApplicationAutoScaling::ScalableTarget} and one
 * {@code ScalingPolicy} per target; the scaled service leaves its desired count out. Split into
 * nested stacks, the scaling stays with its service. Expectations in
 * {@code src/test/resources/golden/scaling/}.
 */
class ScalingTest {

    private static final String PLUGIN = "emit-cloudformation";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    private static ScalingPolicy policy(String namespace, String name, int min, int max) {
        return new ScalingPolicy(new ResourceId(ScalingPolicy.TYPE, namespace, name), new ResourceId(EcsService.TYPE, namespace, name),
                min, max, List.of(new ScalingPolicy.TargetTracking("ECSServiceAverageCPUUtilization", 70),
                new ScalingPolicy.TargetTracking("ECSServiceAverageMemoryUtilization", 80)));
    }

    /** {@link SampleModels#shop()} with web scaled between 2 and 10 tasks on CPU (70 %) and memory (80 %). */
    static DeploymentModel scaledShop() {
        DeploymentModel model = SampleModels.shop();
        model.add(policy("shop", "web", 2, 10));
        return model;
    }

    @Test
    void aScaledServiceGetsAScalableTargetAndOnePolicyPerTarget() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), scaledShop(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/scaling"), result);

        JsonNode resources = yaml(result.file("cloudformation/template.yaml")).get("Resources");
        JsonNode target = resources.get("AutoscalingPolicyShopWebTarget");
        assertThat(target.get("Type").asText()).isEqualTo("AWS::ApplicationAutoScaling::ScalableTarget");
        assertThat(target.at("/Properties/ResourceId").toString())
                .isEqualTo("{\"Fn::Select\":[5,{\"Fn::Split\":[\":\",{\"Ref\":\"EcsServiceShopWeb\"}]}]}");
        assertThat(target.get("Properties").has("RoleARN")).isFalse();
        JsonNode cpu = resources.get("AutoscalingPolicyShopWebCpu").get("Properties");
        assertThat(cpu.get("ScalingTargetId").toString()).isEqualTo("{\"Ref\":\"AutoscalingPolicyShopWebTarget\"}");
        assertThat(cpu.at("/TargetTrackingScalingPolicyConfiguration/ScaleOutCooldown").asInt()).isEqualTo(60);
        assertThat(cpu.at("/TargetTrackingScalingPolicyConfiguration/ScaleInCooldown").asInt()).isEqualTo(300);
        assertThat(resources.at("/AutoscalingPolicyShopWebMemory/Properties/TargetTrackingScalingPolicyConfiguration/TargetValue")
                .asInt()).isEqualTo(80);
        // a stack update must not set the scaled service's count back; the other keeps its count
        assertThat(resources.at("/EcsServiceShopWeb/Properties").has("DesiredCount")).isFalse();
        assertThat(resources.at("/EcsServiceShopWorker/Properties/DesiredCount").asInt()).isEqualTo(1);
    }

    @Test
    void withoutAScalingPolicyTheOutputIsTheSameAsBefore() throws Exception {
        RunResult plain = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), SampleModels.shop(), Map.of());
        RunResult scaled = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), scaledShop(), Map.of());

        assertThat(scaled.file("cloudformation/parameters.json")).isEqualTo(plain.file("cloudformation/parameters.json"));
        JsonNode withScaling = yaml(scaled.file("cloudformation/template.yaml"));
        ((ObjectNode) withScaling.get("Resources")).remove(List.of("AutoscalingPolicyShopWebTarget",
                "AutoscalingPolicyShopWebCpu", "AutoscalingPolicyShopWebMemory"));
        ((ObjectNode) withScaling.at("/Resources/EcsServiceShopWeb/Properties")).put("DesiredCount", 2);
        assertThat(withScaling).isEqualTo(yaml(plain.file("cloudformation/template.yaml")));
    }

    @Test
    void aServiceTheModelLacksIsNamedByAParameterOfItsArn() throws Exception {
        DeploymentModel model = SampleModels.shop();
        model.add(policy("shop", "api", 1, 3));

        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), model, Map.of());

        JsonNode template = yaml(result.file("cloudformation/template.yaml"));
        assertThat(template.at("/Resources/AutoscalingPolicyShopApiTarget/Properties/ResourceId").toString())
                .isEqualTo("{\"Fn::Select\":[5,{\"Fn::Split\":[\":\",{\"Ref\":\"MissingEcsServiceShopApiARN\"}]}]}");
        assertThat(template.at("/Parameters/MissingEcsServiceShopApiARN/Type").asText()).isEqualTo("String");
        assertThat(template.at("/Resources/AutoscalingPolicyShopApiCpu/Properties/PolicyName").asText()).isEqualTo("api-cpu");
    }

    /** One nested stack per namespace: each service's scaling lands in the service's stack. */
    @Test
    void splitPerNamespaceTheScalingStaysInTheServicesStack() throws Exception {
        DeploymentModel model = PipelineRunner.newModel();
        for (String namespace : List.of("shop", "ops")) {
            for (String name : List.of("web", "api")) {
                service(model, namespace, name);
                model.add(policy(namespace, name, 1, 4));
            }
        }

        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), model, Map.of("split", "namespace", "format", "json"));

        Map<String, String> stackOf = stackOfResource(result);
        for (String service : List.of("ShopWeb", "ShopApi", "OpsWeb", "OpsApi")) {
            String stack = stackOf.get("EcsService" + service);
            assertThat(stack).isNotNull();
            for (String suffix : List.of("Target", "Cpu", "Memory")) {
                assertThat(stackOf.get("AutoscalingPolicy" + service + suffix)).as(service + suffix).isEqualTo(stack);
            }
        }
        assertThat(stackOf.get("EcsServiceShopWeb")).isEqualTo("cloudformation/stacks/namespace-shop.json");
    }

    /**
     * A namespace past the resource quota is cut into parts by applications, the connected components of
     * its references: a service's scaling refers to the service, so it goes into the service's part.
     */
    @Test
    void cutIntoPartsTheScalingStaysInTheServicesPart() throws Exception {
        DeploymentModel model = PipelineRunner.newModel();
        // 5 resources per application (task definition, service, target, 2 policies): 750 in namespace shop
        for (int i = 0; i < 150; i++) {
            service(model, "shop", "app" + i);
            model.add(policy("shop", "app" + i, 1, 4));
        }

        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), model, Map.of("format", "json"));

        Map<String, String> stackOf = stackOfResource(result);
        assertThat(stackOf.values()).contains("cloudformation/stacks/namespace-shop.part2.json");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String stack = stackOf.get("EcsServiceShopApp" + i);
            parts.add(stack);
            for (String suffix : List.of("Target", "Cpu", "Memory")) {
                assertThat(stackOf.get("AutoscalingPolicyShopApp" + i + suffix)).as("app" + i + suffix).isEqualTo(stack);
            }
        }
        assertThat(parts.stream().distinct().count()).isGreaterThan(1);
    }

    private static void service(DeploymentModel model, String namespace, String name) {
        TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, namespace, name), namespace + "-" + name);
        task.cpu(256);
        task.memory(512);
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        task.containers().add(new ContainerDefinition(name, "nginx:1.27"));
        model.add(task);
        EcsService service = new EcsService(new ResourceId(EcsService.TYPE, namespace, name), namespace + "-" + name, task.id());
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        model.add(service);
    }

    /** @return the file of every resource of the nested stacks */
    private static Map<String, String> stackOfResource(RunResult result) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> file : result.files().entrySet()) {
            if (file.getKey().startsWith("cloudformation/stacks/")) {
                MAPPER.readTree(file.getValue()).get("Resources").fieldNames().forEachRemaining(id -> out.put(id, file.getKey()));
            }
        }
        return out;
    }
}
