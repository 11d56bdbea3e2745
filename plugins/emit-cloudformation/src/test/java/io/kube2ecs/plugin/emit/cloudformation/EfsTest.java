package io.kube2ecs.plugin.emit.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An {@link EfsAccessPoint} becomes an {@code AWS::EFS::AccessPoint} in the {@code EfsFileSystemId}
 * parameter's file system; the task definition's EFS volume names it ({@code Ref}) in its
 * {@code AuthorizationConfig}, with transit encryption. Split into nested stacks, the access point
 * stays in its namespace's stack. Expectations in {@code src/test/resources/golden/efs/}.
 */
class EfsTest {

    private static final String PLUGIN = "emit-cloudformation";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void anAccessPointIsCreatedAndTheTaskMountsItThroughIt() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), SampleModels.claimShop(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/efs"), result);

        JsonNode template = yaml(result.file("cloudformation/template.yaml"));
        JsonNode accessPoint = template.at("/Resources/EfsAccessPointShopUploads");
        assertThat(accessPoint.get("Type").asText()).isEqualTo("AWS::EFS::AccessPoint");
        assertThat(accessPoint.at("/Properties/FileSystemId").toString()).isEqualTo("{\"Ref\":\"EfsFileSystemId\"}");
        assertThat(accessPoint.at("/Properties/RootDirectory").toString()).isEqualTo("{\"Path\":\"/kube2ecs/shop/uploads\","
                + "\"CreationInfo\":{\"OwnerUid\":\"1000\",\"OwnerGid\":\"2000\",\"Permissions\":\"2775\"}}");
        // strings, as CloudFormation types them
        assertThat(accessPoint.at("/Properties/PosixUser").toString()).isEqualTo("{\"Uid\":\"1000\",\"Gid\":\"2000\"}");
        assertThat(accessPoint.at("/Properties/AccessPointTags").toString())
                .isEqualTo("[{\"Key\":\"Name\",\"Value\":\"shop-uploads\"},{\"Key\":\"team\",\"Value\":\"storefront\"}]");
        JsonNode efs = template.at("/Resources/EcsTaskDefinitionShopWeb/Properties/Volumes/0/EFSVolumeConfiguration");
        assertThat(efs.toString()).isEqualTo("{\"FilesystemId\":{\"Ref\":\"EfsFileSystemId\"},\"TransitEncryption\":\"ENABLED\","
                + "\"AuthorizationConfig\":{\"AccessPointId\":{\"Ref\":\"EfsAccessPointShopUploads\"},\"IAM\":\"DISABLED\"}}");
        assertThat(template.at("/Parameters/EfsFileSystemId/Type").asText()).isEqualTo("String");

        // without the access point, its parameter and the volume, the template is as without the claim
        RunResult plain = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), SampleModels.shop(), Map.of());
        ((ObjectNode) template.get("Resources")).remove("EfsAccessPointShopUploads");
        ((ObjectNode) template.get("Parameters")).remove("EfsFileSystemId");
        ((ObjectNode) template.at("/Resources/EcsTaskDefinitionShopWeb/Properties")).remove("Volumes");
        ((ObjectNode) template.at("/Resources/EcsTaskDefinitionShopWeb/Properties/ContainerDefinitions/0")).remove("MountPoints");
        assertThat(template).isEqualTo(yaml(plain.file("cloudformation/template.yaml")));
    }

    /** One nested stack per namespace: each access point lands in the stack of the tasks of its namespace that mount it. */
    @Test
    void splitPerNamespaceTheAccessPointStaysWithItsTasks() throws Exception {
        DeploymentModel model = PipelineRunner.newModel();
        for (String namespace : List.of("shop", "ops")) {
            EfsAccessPoint data = model.add(new EfsAccessPoint(ModelIds.efsAccessPoint(namespace, "data"), namespace + "-data",
                    model.input(StandardInputs.EFS_FILE_SYSTEM_ID), "/kube2ecs/" + namespace + "/data", 0, 0, "0755"));
            for (String name : List.of("web", "api")) {
                service(model, namespace, name, data);
            }
        }

        RunResult result = PipelineRunner.emit(PLUGIN, new CloudFormationEmitter(), model, Map.of("split", "namespace", "format", "json"));

        Map<String, String> stackOf = stackOfResource(result);
        for (String namespace : List.of("Shop", "Ops")) {
            String stack = stackOf.get("EfsAccessPoint" + namespace + "Data");
            assertThat(stack).isEqualTo("cloudformation/stacks/namespace-" + namespace.toLowerCase() + ".json");
            assertThat(stackOf.get("EcsTaskDefinition" + namespace + "Web")).isEqualTo(stack);
            assertThat(stackOf.get("EcsTaskDefinition" + namespace + "Api")).isEqualTo(stack);
            // a reference within the stack, not a parameter filled in from another
            assertThat(MAPPER.readTree(result.file(stack)).at("/Resources/EcsTaskDefinition" + namespace
                    + "Web/Properties/Volumes/0/EFSVolumeConfiguration/AuthorizationConfig/AccessPointId").toString())
                    .isEqualTo("{\"Ref\":\"EfsAccessPoint" + namespace + "Data\"}");
        }
    }

    private static void service(DeploymentModel model, String namespace, String name, EfsAccessPoint data) {
        TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, namespace, name), namespace + "-" + name);
        task.cpu(256);
        task.memory(512);
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        task.containers().add(new ContainerDefinition(name, "nginx:1.27"));
        task.volumes().add(new Volume("data", model.input(StandardInputs.EFS_FILE_SYSTEM_ID), null,
                Value.ref(data.id(), Value.Attribute.ID), true));
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
