package com.example.isolated;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps example.com/Probe to a task whose labels say what the plugin's class loader lets it see:
 * its own bundled picocli.CommandLine, and none of kube2ecs' other classes.
 */
public final class IsolatedPlugin implements Plugin {

    @Override
    public String id() {
        return "isolated-probe";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new KindMapper() {
            @Override
            public ResourceKind kind() {
                return ResourceKind.parse("example.com/Probe");
            }

            @Override
            public void map(SourceObject object, MappingContext context) {
                TaskDefinition task = new TaskDefinition(new ResourceId(TaskDefinition.TYPE, object.namespace(), object.name()),
                        "probe-" + object.name());
                task.executionRole(context.model().input(StandardInputs.EXECUTION_ROLE_ARN));
                ContainerDefinition container = new ContainerDefinition("probe", "busybox:1.36");
                container.dockerLabels().put("picocli", picocli.CommandLine.whoAmI());
                container.dockerLabels().put("sees-core", String.valueOf(visible("io.kube2ecs.core.ConversionPipeline")));
                container.dockerLabels().put("sees-jackson", String.valueOf(visible("com.fasterxml.jackson.databind.ObjectMapper")));
                task.containers().add(container);
                object.root().get("spec").markConverted();
                context.model().add(task);
            }
        });
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, IsolatedPlugin.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
