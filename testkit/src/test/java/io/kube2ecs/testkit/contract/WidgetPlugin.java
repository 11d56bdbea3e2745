package io.kube2ecs.testkit.contract;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * A well-behaved plugin (listed in this module's test ServiceLoader file) with a Widget mapper and a
 * {@code widgets} emitter; {@link Fault} switches on one misbehaviour at a time, so the contract
 * tests can be shown to catch it.
 */
public final class WidgetPlugin implements Plugin {

    /** One way to break a contract. */
    enum Fault { NONE, THROWS_ON_UNKNOWN_FIELD, MARKS_ALL_CONVERTED, COUNTS_RUNS, UNLOCATED_DIAGNOSTIC, DUPLICATE_FIELD,
        BAD_ID, MUTATES_MODEL, WRITES_OUTSIDE }

    private final Fault fault;
    private int runs;
    private final List<KindMapper> mappers = List.of(new WidgetMapper());
    private final List<Emitter> emitters = List.of(new WidgetEmitter());

    /** The well-behaved plugin, for ServiceLoader. */
    public WidgetPlugin() {
        this(Fault.NONE);
    }

    WidgetPlugin(Fault fault) {
        this.fault = fault;
    }

    @Override
    public String id() {
        return fault == Fault.BAD_ID ? "WidgetPlugin" : "widget";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return mappers;
    }

    @Override
    public List<Emitter> emitters() {
        return emitters;
    }

    final class WidgetMapper implements KindMapper {
        @Override
        public ResourceKind kind() {
            return ResourceKind.parse("example.com/Widget");
        }

        @Override
        public void map(SourceObject object, MappingContext context) {
            if (fault == Fault.THROWS_ON_UNKNOWN_FIELD) {
                for (String key : object.root().get("spec").keys()) {
                    if (!key.equals("image")) {
                        throw new IllegalStateException("unknown field " + key);
                    }
                }
            }
            if (fault == Fault.MARKS_ALL_CONVERTED) {
                object.root().markConverted();
            }
            if (fault == Fault.UNLOCATED_DIAGNOSTIC) {
                context.diagnostics().report(new Diagnostic(Severity.WARNING, "WIDGET001", "somewhere", null, null, null));
            }
            String image = object.root().get("spec").get("image").asText().orElse("busybox:1.36");
            if (fault == Fault.COUNTS_RUNS) {
                image += "-" + (++runs);
            }
            ResourceId taskId = new ResourceId(TaskDefinition.TYPE, object.namespace(), object.name());
            TaskDefinition task = new TaskDefinition(taskId, object.name());
            task.executionRole(context.model().input(StandardInputs.EXECUTION_ROLE_ARN));
            task.containers().add(new ContainerDefinition("main", image));
            context.model().add(task);
            EcsService service = new EcsService(new ResourceId(EcsService.TYPE, object.namespace(), object.name()),
                    object.name(), taskId);
            service.cluster(context.model().input(StandardInputs.CLUSTER));
            context.model().add(service);
        }

        @Override
        public List<FieldSupport> fieldSupport() {
            return fault == Fault.DUPLICATE_FIELD
                    ? List.of(FieldSupport.mapped("spec.image", "image"), FieldSupport.mapped("spec.image", "again"))
                    : List.of(FieldSupport.mapped("spec.image", "image"));
        }
    }

    final class WidgetEmitter implements Emitter {
        @Override
        public String target() {
            return "widgets";
        }

        @Override
        public void emit(DeploymentModel model, EmitContext context) {
            StringBuilder out = new StringBuilder();
            for (EcsService service : model.all(EcsService.class)) {
                out.append(service.serviceName()).append(' ').append(service.desiredCount()).append('\n');
                if (fault == Fault.MUTATES_MODEL) {
                    service.desiredCount(service.desiredCount() + 1);
                }
            }
            if (fault == Fault.COUNTS_RUNS) {
                out.append("run ").append(++runs).append('\n');
            }
            if (!out.isEmpty()) {
                context.output().write(fault == Fault.WRITES_OUTSIDE ? "../widgets.txt" : "widgets.txt", out.toString());
            }
        }
    }
}
