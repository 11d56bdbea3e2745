package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kube2ecs convert --cluster} against a mock API server: RBAC, discovery without a CRD,
 * contexts, unreachable servers, system namespaces, selectors, progress, saved manifests and
 * secret hygiene.
 */
class ClusterSourceTest {

    private static final String CATALOG_PASSWORD = "dYmNfWV4uEvTzoFu";
    private static final String ORDERS_PASSWORD = "3z6sGLhGunfn0xZc";

    @TempDir
    Path dir;

    private MockCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void start() throws IOException {
        cluster = new MockCluster();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private CliRunner.Result convert(String... args) {
        return CliRunner.run(dir, withKubeconfig(args));
    }

    private String[] withKubeconfig(String... args) {
        return Stream.concat(Stream.of("convert", "--kubeconfig", kubeconfig.toString()), Stream.of(args)).toArray(String[]::new);
    }

    private void applyRetail() throws IOException {
        new ApiServerSimulation(cluster).applyCase(CorpusPaths.corpus().resolve("eks-workshop-retail"));
    }

    @Test
    void aForbiddenNamespaceIsAWarningNamingThePermissionAndTheOtherNamespacesAreConverted() throws IOException {
        applyRetail();
        cluster.forbidNamespace("orders");
        CliRunner.Result run = convert("--context", "mock", "-A", "-o", "out");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("cluster:mock/orders: warning[CLU003]: forbidden to list anything in namespace orders: "
                + "none of its objects were read")
                .contains("hint: grant list on configmaps, persistentvolumeclaims, pods, secrets, services, serviceaccounts, "
                        + "daemonsets.apps, deployments.apps, replicasets.apps, statefulsets.apps, "
                        + "horizontalpodautoscalers.autoscaling, cronjobs.batch, jobs.batch, ingresses.networking.k8s.io, "
                        + "networkpolicies.networking.k8s.io, poddisruptionbudgets.policy, roles.rbac.authorization.k8s.io, "
                        + "rolebindings.rbac.authorization.k8s.io in namespace orders");
        Map<String, String> out = CorpusTest.read(dir.resolve("out"));
        assertThat(out.keySet()).contains("ecs/catalog/catalog/task-definition.json", "ecs/ui/ui/task-definition.json")
                .noneMatch(path -> path.startsWith("ecs/orders/"));
    }

    @Test
    void forbiddenSecretsAreNamedAsTheMissingPermission() throws IOException {
        applyRetail();
        cluster.forbidResource("secrets");
        CliRunner.Result run = convert("--context", "mock", "-n", "catalog", "-o", "out");
        assertThat(run.err()).contains("cluster:mock/catalog: warning[CLU003]: forbidden to list secrets in namespace catalog; "
                + "they were not read")
                .contains("hint: grant list on secrets in API group \"\" (docs/cluster.md has a ClusterRole); "
                        + "workloads that read them cannot be converted without them")
                // the Deployment reads the Secret, which is therefore missing: the core's K2E303, nothing written
                .contains("error[K2E303]");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void allNamespacesWithoutListOnNamespacesIsAnErrorThatSuggestsNamingThem() throws IOException {
        applyRetail();
        cluster.forbidNamespaceList();
        CliRunner.Result run = convert("--context", "mock", "-A", "-o", "out");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(run.err()).contains("cluster:mock: error[CLU003]: forbidden to list namespaces; nothing could be read")
                .contains("hint: grant list on namespaces (core group), or name the namespaces with -n");
        CliRunner.Result named = convert("--context", "mock", "-n", "catalog", "-o", "out");
        assertThat(named.exitCode()).as(named.err()).isZero();
    }

    @Test
    void refusedCredentialsAreOneClearError() throws IOException {
        applyRetail();
        cluster.rejectCredentials();
        CliRunner.Result run = convert("--context", "mock", "-A", "-o", "out");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(run.err()).contains("cluster:mock: error[CLU002]: the API server of context mock refused the credentials "
                + "(401 Unauthorized) when asked to discover the served APIs")
                .doesNotContain("test-token").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void withoutTheSecurityGroupPolicyCrdNoneIsAskedForAndTheRunSaysSo() throws IOException {
        // no installSecurityGroupPolicyCrd(): the API serves no vpcresources.k8s.aws group
        new ApiServerSimulation(cluster).applyCase(CorpusPaths.corpus().resolve("specctl-iam-sgp"));
        CliRunner.Result run = convert("--context", "mock", "-A", "-o", "from-cluster", "-v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("cluster:mock: info[CLU004]: the cluster serves no vpcresources.k8s.aws/SecurityGroupPolicy "
                + "(its CustomResourceDefinition is not installed); none were read");
        assertThat(cluster.requests()).anyMatch(r -> r.equals("GET /apis"))
                .noneMatch(r -> r.contains("securitygrouppolicies"));

        // the same as converting the manifests without the policy
        Path copy = dir.resolve("specctl-without-sgp");
        copyTree(CorpusPaths.corpus().resolve("specctl-iam-sgp"), copy);
        Files.delete(copy.resolve("security_group/my-security-group-policy.yaml"));
        CliRunner.Result files = CliRunner.run(dir, "convert", "-f", copy.toString(), "-R", "-o", "from-files");
        assertThat(files.exitCode()).as(files.err()).isZero();
        assertThat(ClusterEqualityTest.targets(dir.resolve("from-cluster"))).isEqualTo(ClusterEqualityTest.targets(dir.resolve("from-files")));
    }

    @Test
    void withTheCrdTheSecurityGroupPolicyIsRead() throws IOException {
        cluster.installSecurityGroupPolicyCrd();
        new ApiServerSimulation(cluster).applyCase(CorpusPaths.corpus().resolve("specctl-iam-sgp"));
        CliRunner.Result run = convert("--context", "mock", "-n", "my-namespace", "-o", "out", "-v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("CLU004]: the cluster serves no vpcresources")
                .contains("cluster:mock/my-namespace/SecurityGroupPolicy/my-security-group-policy");
        assertThat(cluster.requests()).anyMatch(r -> r.startsWith("GET /apis/vpcresources.k8s.aws/v1beta1/namespaces/my-namespace/securitygrouppolicies"));
    }

    @Test
    void twoContextsWithoutATerminalUseTheCurrentOneAndSaySo() throws IOException {
        applyRetail();
        CliRunner.Result run = convert("-n", "catalog", "-o", "out");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("kube2ecs: reading from context mock, the current context of " + kubeconfig
                + " (2 contexts; name another with --context)");
        assertThat(CorpusTest.read(dir.resolve("out"))).containsKey("ecs/catalog/catalog/task-definition.json");
    }

    @Test
    void twoContextsOnATerminalAreListedAndTheUserPicks() throws IOException {
        applyRetail();
        CliRunner.Result run = CliRunner.runOnTerminal(dir, "1\n", withKubeconfig("-n", "catalog", "-o", "out"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Which context should kube2ecs read from?", "  1) mock  (current)", "  2) staging",
                "Number or name [mock]: ").doesNotContain("the current context of");

        // picking the other context by name reads it: unreachable
        CliRunner.Result staging = CliRunner.runOnTerminal(dir, "staging\n", withKubeconfig("-o", "out2"));
        assertThat(staging.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(staging.err()).contains("error[CLU002]: cannot reach the API server http://127.0.0.1:1/ of context staging");
    }

    @Test
    void anUnreachableServerIsOneClearErrorAndNothingIsWritten() {
        CliRunner.Result run = convert("--context", "staging", "-o", "out");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(run.err()).contains("cluster:staging: error[CLU002]: cannot reach the API server http://127.0.0.1:1/ of context staging")
                .contains("hint: check the context with kubectl --context staging cluster-info")
                .doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownContextOrKubeconfigIsNamedWithTheChoices() {
        CliRunner.Result run = convert("--context", "prod", "-o", "out");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(run.err()).contains("error[CLU001]: " + kubeconfig + " has no context 'prod'", "hint: its contexts: mock, staging");

        CliRunner.Result missing = CliRunner.run(dir, "convert", "--cluster", "--kubeconfig", "nope.yaml", "-o", "out");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(missing.err()).contains("error[CLU001]: kubeconfig " + dir.resolve("nope.yaml") + " does not exist or is not a file");
    }

    @Test
    void systemNamespacesAreReadOnlyWhenNamed() throws IOException {
        applyRetail();
        CliRunner.Result all = convert("--context", "mock", "-A", "-o", "all");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(CorpusTest.read(dir.resolve("all")).keySet()).noneMatch(p -> p.contains("kube-system"));
        assertThat(cluster.requests()).noneMatch(r -> r.startsWith("GET ") && r.contains("/namespaces/kube-system/"));

        CliRunner.Result named = convert("--context", "mock", "-n", "kube-system", "-o", "system");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(CorpusTest.read(dir.resolve("system"))).containsKey("ecs/kube-system/coredns/task-definition.json");
    }

    @Test
    void kindsWithAnEcsApproachButNoMapperAreReadAndReportedAsNotConverted() throws IOException {
        cluster.createRaw(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "settings", "namespace", "default"),
                "data", Map.of("mode", "fast")));
        cluster.createRaw(Map.of("apiVersion", "apps/v1", "kind", "StatefulSet",
                "metadata", Map.of("name", "db", "namespace", "default"),
                "spec", Map.of("serviceName", "db", "selector", Map.of("matchLabels", Map.of("app", "db")),
                        "template", Map.of("metadata", Map.of("labels", Map.of("app", "db")),
                                "spec", Map.of("containers", List.of(Map.of("name", "db", "image", "postgres:16")))),
                        "volumeClaimTemplates", List.of(Map.of("metadata", Map.of("name", "data"),
                                "spec", Map.of("accessModes", List.of("ReadWriteOnce"),
                                        "resources", Map.of("requests", Map.of("storage", "1Gi"))))))));
        cluster.createRaw(Map.of("apiVersion", "apps/v1", "kind", "DaemonSet",
                "metadata", Map.of("name", "agent", "namespace", "default"),
                "spec", Map.of("selector", Map.of("matchLabels", Map.of("app", "agent")),
                        "template", Map.of("metadata", Map.of("labels", Map.of("app", "agent")),
                                "spec", Map.of("containers", List.of(Map.of("name", "agent", "image", "fluent-bit:3")))))));
        // the claim the StatefulSet's controller made from its template (no owner), and one somebody wrote
        for (String claim : List.of("data-db-0", "uploads")) {
            cluster.createRaw(Map.of("apiVersion", "v1", "kind", "PersistentVolumeClaim",
                    "metadata", Map.of("name", claim, "namespace", "default"),
                    "spec", Map.of("accessModes", List.of("ReadWriteOnce"), "resources", Map.of("requests", Map.of("storage", "1Gi")))));
        }
        cluster.createRaw(Map.of("apiVersion", "batch/v1", "kind", "CronJob",
                "metadata", Map.of("name", "nightly", "namespace", "default"),
                "spec", Map.of("schedule", "0 3 * * *", "jobTemplate", Map.of("spec", Map.of("template", Map.of("spec",
                        Map.of("restartPolicy", "Never", "containers", List.of(Map.of("name", "run", "image", "busybox")))))))));
        // the Job the CronJob started: a controller's object, left out like a Deployment's ReplicaSets
        cluster.createRaw(Map.of("apiVersion", "batch/v1", "kind", "Job",
                "metadata", Map.of("name", "nightly-29000000", "namespace", "default", "ownerReferences", List.of(Map.of(
                        "apiVersion", "batch/v1", "kind", "CronJob", "name", "nightly", "uid", "u-1", "controller", true))),
                "spec", Map.of("template", Map.of("spec", Map.of("restartPolicy", "Never",
                        "containers", List.of(Map.of("name", "run", "image", "busybox")))))));

        CliRunner.Result run = convert("--context", "mock", "-n", "default", "-o", "out", "-v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning[K2E101]: apps/DaemonSet default/agent is not converted: no installed plugin maps "
                        + "apps/DaemonSet")
                .contains("hint: on ECS: Fargate has no nodes")
                // the StatefulSet converts; its claim template is task storage, its controller's claim is left out
                .contains("warning[POD014]: volume claim template 'data' becomes task storage (1Gi)")
                // the CronJob's task converts, and its schedule is created with the EventBridge expression (a note, shown with -v)
                .contains("info[JOB003]: EventBridge Scheduler schedule default-nightly starts the task at the same times with "
                        + "cron(0 3 * * ? *) in UTC (without timeZone Kubernetes uses kube-controller-manager's local time zone")
                // the claim somebody wrote has a mapper now; no workload mounts it, so it makes nothing, and its data stays behind
                .contains("warning[PVC004]: no workload of the input mounts PersistentVolumeClaim 'uploads'")
                .contains("left out objects Kubernetes makes itself: 1 Jobs of CronJobs, 1 PersistentVolumeClaims of StatefulSets")
                .doesNotContain("nightly-29000000").doesNotContain("data-db-0");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.at("/summary/notConverted").asInt()).isEqualTo(1); // the DaemonSet
        assertThat(CorpusTest.read(dir.resolve("out"))).containsKey("ecs/default/db/task-definition.json")
                .containsKey("ecs/default/nightly/run-task.json");
        assertThat(cluster.requests()).anyMatch(r -> r.startsWith("GET /apis/apps/v1/namespaces/default/statefulsets?"))
                .anyMatch(r -> r.startsWith("GET /apis/apps/v1/namespaces/default/daemonsets?"))
                .anyMatch(r -> r.startsWith("GET /apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings?"))
                .noneMatch(r -> r.contains("/clusterroles"));
    }

    @Test
    void aTemplateClaimIsLeftOutEvenWhenTheSelectorKeepsItsStatefulSetOut() {
        // the controller labels a claim with the StatefulSet's selector, not with the StatefulSet's own labels
        cluster.createRaw(Map.of("apiVersion", "apps/v1", "kind", "StatefulSet",
                "metadata", Map.of("name", "db", "namespace", "default", "labels", Map.of("tier", "data")),
                "spec", Map.of("serviceName", "db", "selector", Map.of("matchLabels", Map.of("app", "db")),
                        "template", Map.of("metadata", Map.of("labels", Map.of("app", "db")),
                                "spec", Map.of("containers", List.of(Map.of("name", "db", "image", "postgres:16")))),
                        "volumeClaimTemplates", List.of(Map.of("metadata", Map.of("name", "data"))))));
        cluster.createRaw(Map.of("apiVersion", "v1", "kind", "PersistentVolumeClaim",
                "metadata", Map.of("name", "data-db-0", "namespace", "default", "labels", Map.of("app", "db")),
                "spec", Map.of("accessModes", List.of("ReadWriteOnce"), "resources", Map.of("requests", Map.of("storage", "1Gi")))));
        cluster.createRaw(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "db-settings", "namespace", "default", "labels", Map.of("app", "db")),
                "data", Map.of("mode", "fast")));
        CliRunner.Result run = convert("--context", "mock", "-n", "default", "-l", "app=db", "-o", "out", "-v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("left out objects Kubernetes makes itself: 1 PersistentVolumeClaims of StatefulSets")
                .doesNotContain("data-db-0");
    }

    @Test
    void aKindReadOnlyToBeReportedThatMayNotBeListedIsOneNoteNotAWarningPerNamespace() throws IOException {
        applyRetail();
        cluster.forbidResource("daemonsets");
        cluster.forbidResource("rolebindings");
        CliRunner.Result run = convert("--context", "mock", "-A", "-o", "out", "-v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("warning[CLU003]")
                .containsOnlyOnce("info[CLU008]: not allowed to list daemonsets.apps in ")
                .containsOnlyOnce("info[CLU008]: not allowed to list rolebindings.rbac.authorization.k8s.io in ")
                .contains("kube2ecs converts none, but would have reported each as not converted")
                .contains("hint: grant list on daemonsets.apps (docs/cluster.md has a ClusterRole) to have them reported");
        assertThat(CorpusTest.read(dir.resolve("out"))).containsKey("ecs/catalog/catalog/task-definition.json");
    }

    @Test
    void aLabelSelectorIsPassedToTheServer() throws IOException {
        new ApiServerSimulation(cluster).applyCase(CorpusPaths.corpus().resolve("online-boutique"));
        CliRunner.Result run = convert("--context", "mock", "-l", "app=redis-cart", "-o", "out");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cluster.requests()).anyMatch(r -> r.startsWith("GET /apis/apps/v1/namespaces/default/deployments?")
                && r.contains("labelSelector=app%3Dredis-cart"));
        assertThat(CorpusTest.read(dir.resolve("out")).keySet()).contains("ecs/default/redis-cart/task-definition.json")
                .noneMatch(p -> p.startsWith("ecs/default/frontend/"));
    }

    @Test
    void aNamedNamespaceWithNothingToReadIsSaid() {
        CliRunner.Result run = convert("--context", "mock", "-n", "nosuch", "-o", "out");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(run.err()).contains("cluster:mock/nosuch: warning[CLU005]: namespace nosuch has no")
                .contains("no Kubernetes objects found in the input")
                .contains("hint: check the context, the namespaces (-n, -A) and the label selector (-l)");
    }

    @Test
    void progressGoesToStandardErrorOnlyOnATerminal() throws IOException {
        applyRetail();
        CliRunner.Result terminal = CliRunner.runOnTerminal(dir, "", withKubeconfig("--context", "mock", "-A", "-o", "out"));
        assertThat(terminal.exitCode()).as(terminal.err()).isZero();
        assertThat(terminal.err()).contains("\r\033[Kreading namespace catalog (2 of 7), 6 objects so far").contains("\r\033[K");
        assertThat(terminal.out()).isEmpty();

        CliRunner.Result ci = convert("--context", "mock", "-A", "-o", "out2");
        assertThat(ci.exitCode()).isZero();
        assertThat(ci.err()).doesNotContain("\r").doesNotContain("reading namespace");
    }

    @Test
    void savedManifestsConvertAgainOfflineToTheSameFilesAndHoldNoSecretValue() throws IOException {
        applyRetail();
        CliRunner.Result run = convert("--context", "mock", "-A", "-o", "from-cluster", "--save-manifests", "saved");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("kube2ecs: saved ");
        Path saved = dir.resolve("saved");
        assertThat(saved.resolve("catalog/deployments.apps/catalog.yaml")).exists();
        String secret = Files.readString(saved.resolve("catalog/secrets/catalog-db.yaml"));
        assertThat(secret).startsWith("# cluster:mock/catalog/Secret/catalog-db (values removed by kube2ecs; --include-secret-values keeps them)\n")
                .contains("RETAIL_CATALOG_PERSISTENCE_PASSWORD: \"\"");
        assertNoSecretValue(CorpusTest.read(saved).values().stream().toList());
        String deployment = Files.readString(saved.resolve("catalog/deployments.apps/catalog.yaml"));
        assertThat(deployment).doesNotContain("managedFields", "resourceVersion", "uid:", "creationTimestamp", "status:",
                "last-applied-configuration", "terminationMessagePath", "dnsPolicy");

        // a diagnostic's line is the line of the saved file
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("cluster:mock/catalog/Deployment/catalog:(\\d+):\\d+: warning\\[POD016\\]")
                .matcher(run.err());
        assertThat(at.find()).as(run.err()).isTrue();
        assertThat(deployment.lines().toList().get(Integer.parseInt(at.group(1)) - 1)).contains("periodSeconds: 3");

        CliRunner.Result again = CliRunner.run(dir, "convert", "-f", "saved", "-R", "-o", "from-saved");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(ClusterEqualityTest.targets(dir.resolve("from-saved"))).isEqualTo(ClusterEqualityTest.targets(dir.resolve("from-cluster")));

        // a second save replaces the first; a folder of other files is refused
        assertThat(convert("--context", "mock", "-A", "-o", "from-cluster", "--save-manifests", "saved").exitCode()).isZero();
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine/notes.txt"), "keep me");
        CliRunner.Result refused = convert("--context", "mock", "-A", "-o", "from-cluster", "--save-manifests", "mine");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(refused.err()).contains("error[CLU006]: the folder is not empty and was not written by --save-manifests");
        assertThat(dir.resolve("mine/notes.txt")).hasContent("keep me");
    }

    @Test
    void withIncludeSecretValuesTheSavedSecretsKeepTheirValuesReadableByTheOwnerOnly() throws IOException {
        applyRetail();
        CliRunner.Result run = convert("--context", "mock", "-n", "catalog", "-o", "out", "--save-manifests", "saved",
                "--include-secret-values");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path secret = dir.resolve("saved/catalog/secrets/catalog-db.yaml");
        assertThat(Files.readString(secret)).contains(Base64.getEncoder().encodeToString(CATALOG_PASSWORD.getBytes(StandardCharsets.UTF_8)));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
    }

    @Test
    void noSecretValueReachesTheConsoleTheOutputOrTheDiagnostics() throws IOException {
        applyRetail();
        for (String format : List.of("text", "json", "sarif")) {
            CliRunner.Result run = convert("--context", "mock", "-A", "-o", "out-" + format, "-v", "--diagnostics", format);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertNoSecretValue(List.of(run.out(), run.err()));
            assertNoSecretValue(CorpusTest.read(dir.resolve("out-" + format)).values().stream().toList());
        }
    }

    @Test
    void filesAndClusterOptionsDoNotMix() {
        CliRunner.Result run = convert("-f", "app.yaml", "--context", "mock");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("-f reads files and --context, --kubeconfig reads a cluster: use one or the other");
        CliRunner.Result both = convert("--cluster", "-A", "-n", "shop");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("-A reads every namespace; do not name namespaces with -n as well");
    }

    private static void assertNoSecretValue(List<String> texts) {
        for (String password : List.of(CATALOG_PASSWORD, ORDERS_PASSWORD)) {
            String encoded = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
            for (String text : texts) {
                assertThat(text).doesNotContain(password).doesNotContain(encoded);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
