package io.kube2ecs.testkit;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.MountPoint;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import java.util.List;
import java.util.Map;

/**
 * Small deployment models as mappers would produce them, for emitter tests that should not depend
 * on any kind mapper. Every call builds a new model, so a test may change it.
 */
public final class SampleModels {

    private SampleModels() {
    }

    /**
     * Two services in namespace {@code shop}: {@code web} (nginx on port 80, two tasks, one
     * environment variable) and {@code worker} (a command, no port, one task).
     *
     * @return a new model with the standard inputs declared
     */
    public static DeploymentModel shop() {
        DeploymentModel model = PipelineRunner.newModel();
        TaskDefinition web = task(model, "shop", "web", 256, 512);
        ContainerDefinition nginx = new ContainerDefinition("web", "nginx:1.27");
        nginx.portMappings().add(new PortMapping(80, "tcp", "http", null));
        nginx.environment().add(new KeyValue("GREETING", "hello"));
        web.containers().add(nginx);
        service(model, web, 2);

        TaskDefinition worker = task(model, "shop", "worker", 512, 1024);
        ContainerDefinition busybox = new ContainerDefinition("worker", "busybox:1.36");
        busybox.command(List.of("sh", "-c", "while true; do sleep 60; done"));
        worker.containers().add(busybox);
        service(model, worker, 1);
        return model;
    }

    /**
     * {@link #shop()} with the PersistentVolumeClaim {@code uploads} as kind-persistentvolumeclaim makes
     * it: an EFS access point {@code /kube2ecs/shop/uploads} in the {@code efs_file_system_id} input,
     * owned by 1000:2000 with mode 2775 and tagged {@code team=storefront}, which {@code web} mounts
     * at {@code /srv/uploads} as its volume {@code files}.
     *
     * @return a new model
     */
    public static DeploymentModel claimShop() {
        DeploymentModel model = shop();
        EfsAccessPoint uploads = new EfsAccessPoint(ModelIds.efsAccessPoint("shop", "uploads"), "shop-uploads",
                model.input(StandardInputs.EFS_FILE_SYSTEM_ID), "/kube2ecs/shop/uploads", 1000, 2000, "2775",
                new EfsAccessPoint.PosixUser(1000, 2000));
        uploads.tags().put("team", "storefront");
        model.add(uploads);
        TaskDefinition web = model.find(ModelIds.taskDefinition("shop", "web"), TaskDefinition.class).orElseThrow();
        web.volumes().add(new Volume("files", model.input(StandardInputs.EFS_FILE_SYSTEM_ID), null,
                Value.ref(uploads.id(), Value.Attribute.ID), true));
        web.containers().get(0).mountPoints().add(new MountPoint("files", "/srv/uploads", false));
        return model;
    }

    /**
     * {@link #shop()} with a CronJob's conversion: task definition {@code shop-report} (task role
     * {@code arn:aws:iam::123456789012:role/report}), its one-off run, and schedule {@code shop-report}
     * starting that run every weekday at 02:30 in Europe/Berlin.
     *
     * @return a new model
     */
    public static DeploymentModel nightlyReport() {
        DeploymentModel model = shop();
        TaskDefinition report = task(model, "shop", "report", 256, 512);
        report.taskRole(Value.of("arn:aws:iam::123456789012:role/report"));
        report.containers().add(new ContainerDefinition("report", "example/report:3.1"));
        RunTask run = new RunTask(new ResourceId(RunTask.TYPE, "shop", "report"), report.id());
        run.cluster(model.input(StandardInputs.CLUSTER));
        run.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        run.securityGroups().add(Value.of("sg-0123456789abcdef0"));
        model.add(run);
        ScheduledTask schedule = new ScheduledTask(new ResourceId(ScheduledTask.TYPE, "shop", "report"), "shop-report", run.id(),
                "cron(30 2 ? * 2-6 *)");
        schedule.timeZone("Europe/Berlin");
        schedule.tags().put("team", "ops");
        model.add(schedule);
        return model;
    }

    private static TaskDefinition task(DeploymentModel model, String namespace, String name, int cpu, int memory) {
        TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, namespace, name), namespace + "-" + name);
        task.cpu(cpu);
        task.memory(memory);
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        return model.add(task);
    }

    private static void service(DeploymentModel model, TaskDefinition task, int count) {
        ResourceId taskId = task.id();
        EcsService service = new EcsService(new ResourceId(EcsService.TYPE, taskId.namespace(), taskId.name()),
                task.family(), taskId);
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        service.securityGroups().add(Value.of("sg-0123456789abcdef0"));
        service.desiredCount(count);
        model.add(service);
    }

    /**
     * {@code apps} tasks round-robin over {@code namespaces} namespaces, each reading a key of three Secrets
     * Manager secrets of its own; the first task of each namespace pulls with registry credentials, and the
     * last with credentials the input does not define.
     *
     * @param apps       how many tasks
     * @param namespaces how many namespaces they spread over
     * @return a new model
     */
    public static DeploymentModel secretsManagerReads(int apps, int namespaces) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.REGION, "region", EnvironmentInput.Type.STRING, false, List.of()));
        model.declare(new EnvironmentInput(StandardInputs.EXECUTION_ROLE_ARN, "role", EnvironmentInput.Type.STRING, false, List.of()));
        for (int i = 0; i < apps; i++) {
            String namespace = "ns" + i % namespaces;
            TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, namespace, "app" + i), namespace + "-app" + i);
            task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
            ContainerDefinition container = new ContainerDefinition("app", "example/app:1");
            for (String secret : List.of("db", "api", "tls")) {
                String name = "app" + i + "-" + secret;
                model.declare(new EnvironmentInput("secret_" + namespace + "_" + i + "_" + secret, "value", EnvironmentInput.Type.STRING,
                        true, List.of()));
                model.add(new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, namespace, "secret/" + name),
                        "kube2ecs/" + namespace + "/" + name, Map.of("PASSWORD", model.input("secret_" + namespace + "_" + i + "_" + secret))));
                container.secrets().add(new SecretRef(secret.toUpperCase() + "_PASSWORD", Value.ref(new ResourceId(SsmParameter.TYPE,
                        namespace, "secret/" + name + "/PASSWORD"), Value.Attribute.ARN), null));
            }
            String registry = i < namespaces ? "registry/pull" : i == apps - 1 ? "registry/absent" : null;
            if (i < namespaces) {
                model.declare(new EnvironmentInput("registry_" + namespace, "value", EnvironmentInput.Type.STRING, true, List.of()));
                model.add(new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, namespace, registry),
                        "kube2ecs/" + namespace + "/registry/pull", Map.of("password", model.input("registry_" + namespace))));
            }
            if (registry != null) {
                container.repositoryCredentials(Value.ref(new ResourceId(SecretsManagerSecret.TYPE, namespace, registry), Value.Attribute.ARN));
            }
            task.containers().add(container);
            model.add(task);
        }
        return model;
    }

    /**
     * One task reading {@code count} SSM parameters of the model (namespace {@code shop}): the size of
     * the execution role's read policy grows with it.
     *
     * @param count how many parameters
     * @return a new model
     */
    public static DeploymentModel parameterReads(int count) {
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

    /**
     * One task in each of {@code namespaces} namespaces {@code ns0}, {@code ns1} …, as a Deployment
     * reading a ConfigMap and a Secret gives (profile {@code secrets: secretsmanager}): five SSM
     * parameters of its namespace and one key of a Secrets Manager secret. The execution role's
     * fixed cost per namespace grows with it, in the CloudFormation target's nested stacks.
     *
     * @param namespaces how many namespaces, one task each
     * @return a new model
     */
    public static DeploymentModel namespaceReads(int namespaces) {
        DeploymentModel model = new DeploymentModel();
        model.declare(new EnvironmentInput(StandardInputs.REGION, "region", EnvironmentInput.Type.STRING, false, List.of()));
        model.declare(new EnvironmentInput(StandardInputs.EXECUTION_ROLE_ARN, "role", EnvironmentInput.Type.STRING, false, List.of()));
        for (int n = 0; n < namespaces; n++) {
            String namespace = "ns" + n;
            TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, namespace, "app"), namespace + "-app");
            task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
            ContainerDefinition container = new ContainerDefinition("app", "example/app:1");
            for (String key : List.of("LOG_LEVEL", "FEATURE_A", "FEATURE_B", "UPSTREAM", "TIMEOUT")) {
                ResourceId id = new ResourceId(SsmParameter.TYPE, namespace, "configmap/app/" + key);
                model.add(new SsmParameter(id, "/kube2ecs/" + namespace + "/configmap/app/" + key, false, Value.of("v")));
                container.secrets().add(new SecretRef(key, Value.ref(id, Value.Attribute.ARN), null));
            }
            String input = "secret_" + namespace + "_app_db_password";
            model.declare(new EnvironmentInput(input, "value", EnvironmentInput.Type.STRING, true, List.of()));
            model.add(new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, namespace, "secret/app"),
                    "kube2ecs/" + namespace + "/app", Map.of("DB_PASSWORD", model.input(input))));
            container.secrets().add(new SecretRef("DB_PASSWORD", Value.ref(new ResourceId(SsmParameter.TYPE, namespace,
                    "secret/app/DB_PASSWORD"), Value.Attribute.ARN), null));
            task.containers().add(container);
            model.add(task);
        }
        return model;
    }
}
