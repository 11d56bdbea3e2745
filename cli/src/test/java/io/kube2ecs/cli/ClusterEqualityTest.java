package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Converting from a cluster gives exactly the files converting the manifests gives: each case of the
 * corpus is applied to a mock API server (CRUD mode, with what a real server adds, see
 * {@link ApiServerSimulation}) and read back through kubeconfig with {@code --cluster -A}. The
 * findings match too: no warning of the cluster run is missing from the files' run (cleaning left
 * no server-set field to report), and the files' run has more only for notes on defaults the
 * manifests spell out and for kinds without a mapper that a cluster read leaves alone (it reads
 * those it knows an ECS approach for, StatefulSets and the like, and reports them as files do).
 *
 * <p>eks-workshop-retail is kustomize bases whose files name no namespace: its objects are created
 * in the namespaces its kustomization.yaml files assign, as the core's loader reads them.
 */
class ClusterEqualityTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"online-boutique", "eks-workshop-retail", "specctl-iam-sgp", "k8s-guestbook", "istio-bookinfo"})
    void convertingFromTheClusterGivesTheSameFilesAsConvertingTheManifests(String name) throws IOException {
        Path source = CorpusPaths.corpus().resolve(name);
        cluster.installSecurityGroupPolicyCrd();
        int applied = new ApiServerSimulation(cluster).applyCase(source);
        assertThat(applied).isPositive();

        CliRunner.Result files = CliRunner.run(dir, "convert", "-f", source.toString(), "-R", "-o", "from-files",
                "--diagnostics", "json");
        CliRunner.Result live = CliRunner.run(dir, "convert", "--cluster", "--kubeconfig", kubeconfig.toString(),
                "--context", "mock", "-A", "-o", "from-cluster", "--diagnostics", "json");
        assertThat(files.exitCode()).as(files.err()).isZero();
        assertThat(live.exitCode()).as(live.err()).isZero();
        Map<String, String> expected = targets(dir.resolve("from-files"));
        assertThat(expected).isNotEmpty();
        assertThat(targets(dir.resolve("from-cluster"))).isEqualTo(expected);
        // the reports name different sources (files or cluster objects) but agree on what was converted
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var fileReport = json.readTree(dir.resolve("from-files/report.json").toFile()).get("summary");
        var clusterReport = json.readTree(dir.resolve("from-cluster/report.json").toFile()).get("summary");
        assertThat(clusterReport.get("converted").asInt() + clusterReport.get("approximated").asInt())
                .isEqualTo(fileReport.get("converted").asInt() + fileReport.get("approximated").asInt());
        assertThat(clusterReport.get("resources")).isEqualTo(fileReport.get("resources"));

        // the same findings, field by field: cleaning left no server-set field to report, and lost none
        Set<String> fromFiles = findings(files.out());
        Set<String> fromCluster = findings(live.out());
        Set<String> onlyFiles = new TreeSet<>(fromFiles);
        onlyFiles.removeAll(fromCluster);
        Set<String> onlyCluster = new TreeSet<>(fromCluster);
        onlyCluster.removeAll(fromFiles);
        assertThat(onlyCluster).as("findings of the cluster run that converting the files does not have")
                .allMatch(f -> f.startsWith("info CLU"));
        assertThat(onlyFiles).as("findings of the files only (explicit defaults' notes, kinds without a mapper)")
                .allMatch(f -> f.startsWith("info ") || f.startsWith("warning K2E101 "));
    }

    /**
     * The output without the conversion report, which names its sources (files or cluster
     * objects) and so differs by design.
     */
    static Map<String, String> targets(Path out) {
        Map<String, String> files = CorpusTest.read(out);
        files.remove("report.md");
        files.remove("report.json");
        return files;
    }

    /** code, severity, path and message of every diagnostic, without the file and line. */
    static Set<String> findings(String json) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JsonNode d : new ObjectMapper().readTree(json).get("diagnostics")) {
            out.add(d.get("severity").asText() + " " + d.get("code").asText() + " " + d.path("path").asText("") + " " + d.get("message").asText());
        }
        return out;
    }
}
