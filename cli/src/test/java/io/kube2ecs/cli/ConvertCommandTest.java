package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube2ecs.plugin.emit.ecsjson.EcsSchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path dir;

    private static List<Path> files(Path root, String name) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    @Test
    void guestbookBecomesThreeValidTaskDefinitionsAndServices() throws Exception {
        Path out = dir.resolve("out");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", CorpusPaths.corpus().resolve("k8s-guestbook").toString(),
                "-o", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Path> tasks = files(out, "task-definition.json");
        List<Path> services = files(out, "service.json");
        assertThat(tasks).hasSize(3);
        assertThat(services).hasSize(3);
        for (Path task : tasks) {
            assertThat(EcsSchemaValidator.validateTaskDefinition(Files.readString(task))).as(task.toString()).isEmpty();
        }
        for (Path service : services) {
            assertThat(EcsSchemaValidator.validateService(Files.readString(service))).as(service.toString()).isEmpty();
        }
        assertThat(result.err()).contains("6 objects: 6 converted, 0 without a mapper").contains("${SUBNET_IDS}");
    }

    /** A scaled Deployment and a CronJob, whose ECS JSON needs the cluster's name and its ARN apart from ${CLUSTER}. */
    private static final String SCALED_AND_SCHEDULED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "nginx:1.27", resources: {requests: {cpu: 100m}}}]
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: shop}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 5
              metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report, namespace: shop}
            spec:
              schedule: "30 2 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: report, image: "busybox:1.36"}]
            """;

    @Test
    void theListOfValuesToFillInNamesThePlaceholdersTheEmittersReported() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), SCALED_AND_SCHEDULED);

        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().replace(System.lineSeparator(), "\n")).contains("""
                environment values not in the profile (ECS JSON placeholders, Terraform variables, CloudFormation parameters):
                  ${ACCOUNT_ID}  AWS account id
                  ${CLUSTER}  ECS cluster name or ARN
                  ${CLUSTER_ARN}  ECS cluster ARN, not its name (ECS JSON schedules; the profile's cluster gives it)
                  ${CLUSTER_NAME}  ECS cluster name, not its ARN (ECS JSON scaling files; the profile's cluster gives it)
                  ${EXECUTION_ROLE_ARN}  ECS task execution role (pulls images, writes logs, reads secrets)
                """);
        JsonNode json = new ObjectMapper().readTree(CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out",
                "--diagnostics", "json").out());
        assertThat(json.at("/placeholders/3/name").asText()).isEqualTo("cluster_name");
        assertThat(json.at("/placeholders/3/placeholder").asText()).isEqualTo("${CLUSTER_NAME}");
        // the ECS JSON target reports them; without it no file holds them
        CliRunner.Result terraform = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "tf", "--target", "terraform");
        assertThat(terraform.err()).contains("  ${CLUSTER}  ECS cluster name or ARN").doesNotContain("${CLUSTER_ARN}", "${CLUSTER_NAME}");
    }

    @Test
    void malformedYamlGivesFileLineColumnExitOneAndNoOutput() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n   labels: {a: b}\n");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "bad.yaml", "-o", "out");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(result.err()).containsPattern("(?m)^bad\\.yaml:\\d+:\\d+: error\\[K2E002\\]: ")
                .contains("hint:").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly("bad.yaml");
    }

    @Test
    void timingsNameEveryStageInOrder() throws Exception {
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", CorpusPaths.corpus().resolve("k8s-guestbook").toString(),
                "-o", "out", "--timings");
        assertThat(result.exitCode()).as(result.err()).isZero();
        // the figures vary from run to run; the stages and their order do not
        assertThat(result.err()).containsPattern("(?m)^timings: jvm [0-9.]+ s command-line [0-9.]+ s plugins [0-9.]+ s load [0-9.]+ s "
                + "resolve [0-9.]+ s transform [0-9.]+ s emit [0-9.]+ s \\(emit cloudformation [0-9.]+ s\\) \\(emit ecs-json [0-9.]+ s\\) "
                + "\\(emit terraform [0-9.]+ s\\) report [0-9.]+ s write [0-9.]+ s$");
        assertThat(CliRunner.run(dir, "convert", "-f", CorpusPaths.corpus().resolve("k8s-guestbook").toString(), "-o", "out").err())
                .doesNotContain("timings:");
    }

    @Test
    void standardInputCanBePipedIn() throws Exception {
        String yaml = Files.readString(CorpusPaths.corpus().resolve("k8s-guestbook/frontend-deployment.yaml"));
        CliRunner.Result result = CliRunner.runWithStdin(dir, yaml, "convert", "-f", "-", "-n", "web", "-o", "out");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(dir.resolve("out/ecs/web/frontend/task-definition.json")).exists();
    }

    @Test
    void jsonDiagnosticsAreMachineReadable() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Service\n  oops: indented\n");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "bad.yaml", "-o", "out", "--diagnostics", "json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(json.at("/diagnostics/0/code").asText()).isEqualTo("K2E002");
        assertThat(json.at("/diagnostics/0/file").asText()).isEqualTo("bad.yaml");
        assertThat(json.at("/diagnostics/0/line").asInt()).isEqualTo(3);
    }

    @Test
    void usageErrorsExitTwoWithAHint() {
        CliRunner.Result unknownOption = CliRunner.run(dir, "convert", "-f", "x.yaml", "--targte", "ecs-json");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.err()).contains("--targte").contains("--target");

        CliRunner.Result unknownTarget = CliRunner.run(dir, "convert", "-f", "x.yaml", "--target", "pulumi");
        assertThat(unknownTarget.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownTarget.err()).contains("unknown target 'pulumi'").contains("installed targets: cloudformation, ecs-json, terraform");

        // without -f, convert reads a cluster (ClusterSourceTest); file options then make no sense
        CliRunner.Result recursiveWithoutFiles = CliRunner.run(dir, "convert", "-R");
        assertThat(recursiveWithoutFiles.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(recursiveWithoutFiles.err()).contains("-R reads folders given with -f; without -f kube2ecs reads a cluster");

        CliRunner.Result badNamespace = CliRunner.run(dir, "convert", "-f", "x.yaml", "-n", "../x", "-o", "out");
        assertThat(badNamespace.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badNamespace.err()).contains("-n '../x' is not a valid Kubernetes namespace").contains("hint: a namespace is a DNS label");
    }

    @Test
    void invalidProfileIsReportedAtItsLine() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), Files.readString(CorpusPaths.corpus().resolve("k8s-guestbook/frontend-deployment.yaml")));
        Files.writeString(dir.resolve("profile.yaml"), "region: eu-west-1\nsubnet: [subnet-1]\n");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "--profile", "profile.yaml", "-o", "out");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(result.err()).contains("profile.yaml:2:1: error[K2E601]");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void cloudFormationTemplateCanBeJson() throws Exception {
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", CorpusPaths.corpus().resolve("k8s-guestbook").toString(),
                "-o", "out", "--target", "cloudformation", "--cloudformation-format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode template = new ObjectMapper().readTree(dir.resolve("out/cloudformation/template.json").toFile());
        assertThat(template.at("/AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(template.at("/Resources").size()).isGreaterThan(5);
        assertThat(dir.resolve("out/cloudformation/template.yaml")).doesNotExist();
        assertThat(CliRunner.run(dir, "convert", "-f", "x.yaml", "--cloudformation-format", "xml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpAndVersion() {
        CliRunner.Result help = CliRunner.run(dir, "convert", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:").contains("-f, --filename");
        CliRunner.Result version = CliRunner.run(dir, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("kube2ecs ");
    }

    @Test
    void pluginsCommandListsTheBundledPlugins() {
        CliRunner.Result result = CliRunner.run(dir, "plugins");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("kind-deployment").contains("kind apps/Deployment")
                .contains("emit-ecs-json").contains("target ecs-json").contains("source-files");
    }

    private static final String UNCONVERTED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              template:
                spec:
                  madeUpField: true
                  containers:
                  - {name: api, image: "example/api:1"}
            """;

    @Test
    void failOnGatesTheExitCodeButStillWritesTheOutput() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), UNCONVERTED);
        assertThat(CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "plain").exitCode()).isEqualTo(ExitCodes.OK);
        CliRunner.Result unconverted = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "gated", "--fail-on", "unconverted");
        assertThat(unconverted.exitCode()).as(unconverted.err()).isEqualTo(ExitCodes.GATE);
        assertThat(unconverted.err()).contains("warning[K2E201]").contains("--fail-on unconverted matched");
        assertThat(dir.resolve("gated/ecs/default/api/task-definition.json")).exists();
        assertThat(CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "warned", "--fail-on", "warning").exitCode())
                .isEqualTo(ExitCodes.GATE);
    }

    @Test
    void failOnUnconvertedIgnoresWarningsAboutBehaviour() throws Exception {
        // POD015 (a bare Pod is not restarted) is a warning, but everything in the input was carried over
        Files.writeString(dir.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: tool}
                spec:
                  containers:
                  - {name: tool, image: "example/tool:1"}
                """);
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "pod.yaml", "-o", "out", "--fail-on", "unconverted");
        assertThat(result.err()).contains("warning[POD015]");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void sarifLocatesEachFindingInTheManifest() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), UNCONVERTED);
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out", "--diagnostics", "sarif");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        JsonNode log = new ObjectMapper().readTree(result.out());
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("kube2ecs");
        JsonNode finding = null;
        for (JsonNode r : run.path("results")) {
            if (r.path("ruleId").asText().equals("K2E201")) {
                finding = r;
            }
        }
        assertThat(finding).as(result.out()).isNotNull();
        assertThat(finding.path("level").asText()).isEqualTo("warning");
        assertThat(finding.path("message").path("text").asText()).contains("madeUpField");
        JsonNode location = finding.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("app.yaml");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(7);
        assertThat(location.path("region").path("startColumn").asInt()).isEqualTo(7);
        int ruleIndex = finding.path("ruleIndex").asInt();
        assertThat(run.path("tool").path("driver").path("rules").get(ruleIndex).path("id").asText()).isEqualTo("K2E201");
    }

    @Test
    void anInputWithNothingToConvertWritesNothing() throws Exception {
        // before, the Terraform and CloudFormation targets wrote an execution role and provider blocks for it
        Files.writeString(dir.resolve("crd.yaml"), """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """);
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "crd.yaml", "-o", "out", "-v");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains("warning[K2E101]").contains("info[K2E011]");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
