package io.kube2ecs.testkit;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import java.util.List;

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
}
