package io.kube2ecs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The report's two files as bytes: streamed, they must read as the strings did. */
class ConversionReportTest {

    @Test
    void charactersBeyondTheBasicPlaneAreWrittenAsUtf8NotAsEscapes() throws Exception {
        SortedMap<String, java.io.ByteArrayOutputStream> files = new java.util.TreeMap<>();
        ConversionReport.write(new ConversionReport.Inputs(List.of("apps-\ud83d\ude80.yaml"),
                List.of("ecs-json"), List.of(), Set.of(), new DeploymentModel(), List.of(), List.of("ecs/x.json")),
                name -> files.computeIfAbsent(name, n -> new java.io.ByteArrayOutputStream()));
        String json = files.get(ConversionReport.JSON).toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"apps-\ud83d\ude80.yaml\"").doesNotContain("\\uD83D").doesNotContain("\\ud83d")
                .startsWith("{\n  \"schemaVersion\" : ").endsWith("}\n").doesNotContain("\r");
        assertThat(files.get(ConversionReport.MARKDOWN).toString(StandardCharsets.UTF_8)).contains("apps-\ud83d\ude80.yaml");
    }

    /** Services spread over namespaces, each task reading two parameters. */
    private static DeploymentModel services(int count, int namespaces) {
        DeploymentModel model = new DeploymentModel();
        for (int i = 0; i < count; i++) {
            String namespace = "team" + (i % namespaces);
            TaskDefinition task = model.add(new TaskDefinition(new ResourceId(TaskDefinition.TYPE, namespace, "app" + i), "app" + i));
            ContainerDefinition container = new ContainerDefinition("main", "nginx");
            for (String key : List.of("A", "B")) {
                container.secrets().add(new SecretRef(key, Value.ref(new ResourceId(SsmParameter.TYPE, namespace, "configmap/app" + i + "/" + key),
                        Value.Attribute.ARN), null));
            }
            task.containers().add(container);
            model.add(new EcsService(new ResourceId(EcsService.TYPE, namespace, "app" + i), "app" + i, task.id()));
        }
        return model;
    }

    @Test
    void aDiagramWithinMermaidsLimitsDrawsEveryService() {
        ConversionReport.MermaidDiagram diagram = new ConversionReport.MermaidDiagram(services(40, 3));
        String text = diagram.render();
        assertThat(diagram.summarised()).isFalse();
        assertThat(text).contains("ECS service app0<br/>", "ECS service app39<br/>", "2 SSM parameters").doesNotContain("namespace team0<br/>");
    }

    @Test
    void pastMermaidsLimitsEachNamespaceIsOneNodeWithItsCounts() {
        // 240 services draw 240 "reads" edges in about 25,000 characters, within both limits;
        // 600 pass the 500 edges Mermaid draws by default
        ConversionReport.MermaidDiagram within = new ConversionReport.MermaidDiagram(services(240, 3));
        assertThat(within.render()).contains("ECS service app239<br/>");
        assertThat(within.summarised()).isFalse();

        ConversionReport.MermaidDiagram diagram = new ConversionReport.MermaidDiagram(services(600, 3));
        String text = diagram.render();
        assertThat(diagram.summarised()).isTrue();
        assertThat(diagram.summaryNote()).contains("600 edges", "500 edges", "each namespace is drawn as one node");
        assertThat(text).contains("namespace team0<br/>200 ECS services, 200 tasks\"]", "400 SSM parameters", " -.->|reads| ")
                .doesNotContain("ECS service app");
        assertThat(text.length()).isLessThanOrEqualTo(ConversionReport.MermaidDiagram.MAX_TEXT);
        assertThat(text.lines().filter(line -> line.contains("-.->")).count()).isEqualTo(3);
    }

    /** A CronJob's conversion in namespace team0: task definition, one-off run, and the schedule that starts it. */
    private static void scheduled(DeploymentModel model) {
        TaskDefinition task = model.add(new TaskDefinition(new ResourceId(TaskDefinition.TYPE, "team0", "nightly"), "nightly"));
        task.containers().add(new ContainerDefinition("main", "busybox"));
        RunTask run = model.add(new RunTask(new ResourceId(RunTask.TYPE, "team0", "nightly"), task.id()));
        model.add(new ScheduledTask(new ResourceId(ScheduledTask.TYPE, "team0", "nightly"), "team0-nightly", run.id(), "cron(0 3 * * ? *)"));
    }

    @Test
    void aTaskAScheduleStartsIsDrawnAsScheduledNotOneOff() {
        DeploymentModel model = services(3, 1);
        scheduled(model);
        String text = new ConversionReport.MermaidDiagram(model).render();
        assertThat(text).contains("[/\"scheduled task nightly<br/>cron(0 3 * * ? *)\"/]").doesNotContain("one-off task");

        DeploymentModel many = services(600, 3);
        scheduled(many);
        ConversionReport.MermaidDiagram summary = new ConversionReport.MermaidDiagram(many);
        assertThat(summary.render()).contains("namespace team0<br/>200 ECS services, 200 tasks<br/>1 scheduled task\"]")
                .doesNotContain("one-off");
        assertThat(summary.summarised()).isTrue();
    }

    @Test
    void whenEvenOneNodePerNamespaceIsTooLargeNoDiagramIsDrawnAndTheReportSaysSo() throws Exception {
        DeploymentModel model = services(1_200, 600);
        ConversionReport.MermaidDiagram diagram = new ConversionReport.MermaidDiagram(model);
        assertThat(diagram.render()).isNull();
        assertThat(diagram.summaryNote()).contains("no diagram is drawn");

        SortedMap<String, java.io.ByteArrayOutputStream> files = new java.util.TreeMap<>();
        ConversionReport.write(new ConversionReport.Inputs(List.of("in"), List.of("ecs-json"), List.of(), Set.of(), model, List.of(),
                List.of("ecs/x.json")), name -> files.computeIfAbsent(name, n -> new java.io.ByteArrayOutputStream()));
        String markdown = files.get(ConversionReport.MARKDOWN).toString(StandardCharsets.UTF_8);
        assertThat(markdown).contains("no diagram is drawn").doesNotContain("```mermaid");
    }

    @Test
    void aSharedEfsAccessPointIsOneNodeThatEveryTaskMountingItPointsTo() {
        DeploymentModel model = services(2, 1);
        ResourceId media = new ResourceId(EfsAccessPoint.TYPE, "team0", "media");
        model.add(new EfsAccessPoint(media, "team0-media", Value.input("efs_file_system_id"), "/kube2ecs/team0/media", 0, 0, "0755"));
        for (String app : List.of("app0", "app1")) {
            model.find(new ResourceId(TaskDefinition.TYPE, "team0", app), TaskDefinition.class).orElseThrow().volumes()
                    .add(new Volume("media", Value.input("efs_file_system_id"), null, Value.ref(media, Value.Attribute.ID), true));
        }

        String text = new ConversionReport.MermaidDiagram(model).render();

        assertThat(text.lines().filter(line -> line.contains("[(\"EFS /kube2ecs/team0/media\")]"))).hasSize(1);
        assertThat(text.lines().filter(line -> line.contains(" -.->|mounts| "))).hasSize(2);
    }

    @Test
    void summarisedEachNamespaceCountsTheAccessPointsItsTasksMount() {
        DeploymentModel model = services(600, 3);
        ResourceId data = new ResourceId(EfsAccessPoint.TYPE, "team0", "data");
        model.find(new ResourceId(TaskDefinition.TYPE, "team0", "app0"), TaskDefinition.class).orElseThrow().volumes()
                .add(new Volume("data", Value.input("efs_file_system_id"), null, Value.ref(data, Value.Attribute.ID), true));

        ConversionReport.MermaidDiagram diagram = new ConversionReport.MermaidDiagram(model);
        String text = diagram.render();

        assertThat(diagram.summarised()).isTrue();
        assertThat(text).contains("[(\"1 EFS access point\")]", " -.->|mounts| ");
    }
}
