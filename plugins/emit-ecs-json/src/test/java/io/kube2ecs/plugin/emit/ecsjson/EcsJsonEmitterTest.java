package io.kube2ecs.plugin.emit.ecsjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.ContainerDependency;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.HealthCheck;
import io.kube2ecs.api.model.IamRole;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.LogConfiguration;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.MountPoint;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TargetGroup;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Ulimit;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Output;
import io.kube2ecs.api.spi.PluginOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Emits a model that uses every part of the container surface and checks it against the ECS API schema. */
class EcsJsonEmitterTest {

    private final Map<String, String> files = new TreeMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private final EmitContext context = new EmitContext() {
        @Override
        public Output output() {
            return (path, content) -> files.put(path, content);
        }

        @Override
        public Diagnostics diagnostics() {
            return diagnostics::add;
        }

        @Override
        public PluginOptions options() {
            return Map::of;
        }

        @Override
        public ConversionSettings settings() {
            return null;
        }
    };

    private static DeploymentModel fullModel(boolean withProfileValues) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.REGION, "region", EnvironmentInput.Type.STRING, false,
                withProfileValues ? List.of("eu-west-1") : List.of()));
        model.declare(new EnvironmentInput(StandardInputs.ACCOUNT_ID, "account", EnvironmentInput.Type.STRING, false,
                withProfileValues ? List.of("123456789012") : List.of()));
        model.declare(new EnvironmentInput(StandardInputs.CLUSTER, "cluster", EnvironmentInput.Type.STRING, false,
                withProfileValues ? List.of("prod") : List.of()));
        model.declare(new EnvironmentInput(StandardInputs.SUBNET_IDS, "subnets", EnvironmentInput.Type.STRING_LIST, false,
                withProfileValues ? List.of("subnet-1", "subnet-2") : List.of()));
        model.declare(new EnvironmentInput(StandardInputs.SECURITY_GROUP_IDS, "sgs", EnvironmentInput.Type.STRING_LIST, false,
                List.of()));
        model.declare(new EnvironmentInput(StandardInputs.EXECUTION_ROLE_ARN, "role", EnvironmentInput.Type.STRING, false,
                withProfileValues ? List.of("arn:aws:iam::123456789012:role/exec") : List.of()));

        ResourceId taskId = new ResourceId(TaskDefinition.TYPE, "shop", "cart");
        TaskDefinition task = new TaskDefinition(taskId, "shop-cart");
        task.cpu(1024);
        task.memory(2048);
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        IamRole role = model.add(new IamRole(new ResourceId(IamRole.TYPE, "shop", "cart"), "shop-cart-task", null));
        task.taskRole(Value.ref(role.id(), Value.Attribute.ARN));
        task.cpuArchitecture("ARM64");
        task.operatingSystemFamily("LINUX");
        task.ephemeralStorageGiB(30);
        task.pidMode("task");
        task.volumes().add(Volume.scratch("cache"));
        task.volumes().add(new Volume("shared", Value.input(StandardInputs.REGION), "/data", null, true));
        LogGroup group = model.add(new LogGroup(new ResourceId(LogGroup.TYPE, "shop", "cart"), "/ecs/shop/cart"));
        SsmParameter parameter = model.add(new SsmParameter(new ResourceId(SsmParameter.TYPE, "shop", "db"),
                "/k2e/shop/secret/db/password", true, Value.input("db_password")));

        ContainerDefinition app = new ContainerDefinition("app", "example/cart:1.2");
        app.cpu(512);
        app.memory(1536);
        app.memoryReservation(1024);
        app.portMappings().add(new PortMapping(8080, "tcp", "http", "http"));
        app.environment().add(new KeyValue("MODE", "prod"));
        app.secrets().add(new SecretRef("DB_PASSWORD", Value.ref(parameter.id(), Value.Attribute.ARN), null));
        app.entryPoint(List.of("/bin/cart"));
        app.command(List.of("--port", "8080"));
        app.workingDirectory("/srv");
        app.user("1000:1000");
        app.healthCheck(new HealthCheck(List.of("CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"), 10, 5, 3, 30));
        app.mountPoints().add(new MountPoint("cache", "/tmp/cache", false));
        app.dependsOn().add(new ContainerDependency("init", "SUCCESS"));
        app.logConfiguration(new LogConfiguration("awslogs", Map.of(
                "awslogs-group", Value.ref(group.id(), Value.Attribute.NAME),
                "awslogs-region", model.input(StandardInputs.REGION),
                "awslogs-stream-prefix", Value.of("ecs"))));
        app.readonlyRootFilesystem(true);
        app.initProcessEnabled(true);
        app.capabilitiesAdd().add("SYS_PTRACE");
        app.capabilitiesDrop().add("ALL");
        app.ulimits().add(new Ulimit("nofile", 65536, 65536));
        app.stopTimeout(30);
        app.startTimeout(60);
        app.dockerLabels().put("team", "cart");
        app.interactive(false);
        app.pseudoTerminal(false);
        ContainerDefinition init = new ContainerDefinition("init", "busybox:1.36");
        init.essential(false);
        task.containers().add(init);
        task.containers().add(app);
        task.tags().put("app", "cart");
        model.add(task);

        TargetGroup targetGroup = model.add(new TargetGroup(new ResourceId(TargetGroup.TYPE, "shop", "cart"), "shop-cart", 8080, "HTTP"));
        EcsService service = new EcsService(new ResourceId(EcsService.TYPE, "shop", "cart"), "shop-cart", taskId);
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        service.securityGroups().add(model.input(StandardInputs.SECURITY_GROUP_IDS));
        service.desiredCount(3);
        service.maximumPercent(134);
        service.minimumHealthyPercent(100);
        service.loadBalancers().add(new EcsService.LoadBalancerAttachment(targetGroup.id(), "app", 8080));
        service.healthCheckGracePeriodSeconds(60);
        service.enableExecuteCommand(true);
        service.tags().put("app", "cart");
        model.add(service);
        return model;
    }

    @Test
    void everyFieldOfTheModelValidatesAgainstTheEcsApiModel() {
        new EcsJsonEmitter().emit(fullModel(true), context);
        assertThat(files).containsOnlyKeys("shop/cart/task-definition.json", "shop/cart/service.json",
                "shop/cart/execution-role-policy.json", "parameters.sh");
        assertThat(files.get("shop/cart/execution-role-policy.json")).contains("ssm:GetParameters")
                .contains("arn:aws:ssm:eu-west-1:123456789012:parameter/k2e/shop/secret/db/password");
        // the value comes from the environment through jq and stdin: never a command-line argument
        assertThat(files.get("parameters.sh")).contains("require DB_PASSWORD")
                .contains("Value: env.DB_PASSWORD, Type: \"SecureString\"").contains("| aws_json ssm put-parameter");
        assertThat(EcsSchemaValidator.validateTaskDefinition(files.get("shop/cart/task-definition.json"))).isEmpty();
        assertThat(EcsSchemaValidator.validateService(files.get("shop/cart/service.json"))).isEmpty();
        String task = files.get("shop/cart/task-definition.json");
        assertThat(task).contains("\"taskRoleArn\": \"arn:aws:iam::123456789012:role/shop-cart-task\"")
                .contains("\"valueFrom\": \"arn:aws:ssm:eu-west-1:123456789012:parameter/k2e/shop/secret/db/password\"")
                .contains("\"awslogs-group\": \"/ecs/shop/cart\"")
                .contains("\"awslogs-create-group\": \"true\"");
        assertThat(files.get("shop/cart/service.json")).contains("\"subnet-1\"", "\"subnet-2\"", "${ELBV2_TARGET_GROUP_SHOP_CART_ARN}");
    }

    @Test
    void unknownEnvironmentValuesBecomeNamedPlaceholdersAndAreListed() {
        new EcsJsonEmitter().emit(fullModel(false), context);
        assertThat(EcsSchemaValidator.validateTaskDefinition(files.get("shop/cart/task-definition.json"))).isEmpty();
        assertThat(EcsSchemaValidator.validateService(files.get("shop/cart/service.json"))).isEmpty();
        assertThat(files.get("shop/cart/service.json")).contains("\"cluster\": \"${CLUSTER}\"", "\"${SUBNET_IDS}\"");
        assertThat(diagnostics).extracting(Diagnostic::code).containsExactly(EcsJsonEmitter.CODE_LOG_GROUPS,
                EcsJsonEmitter.CODE_PLACEHOLDERS);
        assertThat(diagnostics.get(1)).satisfies(d -> {
            assertThat(d.message()).contains("${ACCOUNT_ID}", "${CLUSTER}", "${EXECUTION_ROLE_ARN}", "${REGION}", "${SUBNET_IDS}");
        });
    }

    @Test
    void outputIsByteIdenticalAcrossRuns() {
        new EcsJsonEmitter().emit(fullModel(true), context);
        Map<String, String> first = new TreeMap<>(files);
        files.clear();
        new EcsJsonEmitter().emit(fullModel(true), context);
        assertThat(files).isEqualTo(first);
    }

    @Test
    void theSchemaCatchesWhatEcsWouldRefuse() {
        assertThat(EcsSchemaValidator.validateTaskDefinition("{\"family\": \"x\", \"cpu\": 256, \"memory\": \"512\", "
                + "\"networkMode\": \"bridge2\", \"containerDefinitions\": [], \"unknownField\": 1}"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(EcsSchemaValidator.validateTaskDefinition("{\"family\": \"x\", \"cpu\": \"256\", \"memory\": \"4096\", "
                + "\"containerDefinitions\": []}")).containsExactly("cpu 256 with memory 4096 is not a Fargate size");
        assertThat(EcsSchemaValidator.validateService("{\"serviceName\": \"s\", \"desiredCount\": \"3\"}")).isNotEmpty();
    }
}
