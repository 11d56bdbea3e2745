package io.kube2ecs.plugin.kind.pvc;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.plugin.kind.deployment.DeploymentPlugin;
import io.kube2ecs.plugin.kind.job.JobPlugin;
import io.kube2ecs.testkit.ModelDumpPlugin;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import org.junit.jupiter.api.Test;

class PersistentVolumeClaimMapperTest {

    private static RunResult convert(String yaml) {
        return PipelineRunner.of(new DeploymentPlugin(), new JobPlugin(), new PersistentVolumeClaimPlugin(), new ModelDumpPlugin())
                .input("app.yaml", yaml).targets(ModelDumpPlugin.TARGET).run();
    }

    private static final String CLAIM = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: scratch, namespace: %s}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
            """;

    @Test
    void pathsLongerThanEfsAllowsAreCutAndStayApart() {
        String name = "a".repeat(120);
        String one = PersistentVolumeClaimMapper.path("kube2ecs", "shop", name + "-one");
        String two = PersistentVolumeClaimMapper.path("kube2ecs", "shop", name + "-two");
        assertThat(one).hasSize(PersistentVolumeClaimMapper.MAX_PATH).startsWith("/kube2ecs/shop/aaaa").isNotEqualTo(two);
        assertThat(two).hasSize(PersistentVolumeClaimMapper.MAX_PATH);
        assertThat(PersistentVolumeClaimMapper.path("kube2ecs", "shop", "data")).isEqualTo("/kube2ecs/shop/data");
    }

    @Test
    void aJobsParallelismCountsAsPodsWritingAtOnce() {
        RunResult result = convert(CLAIM.formatted("etl") + """
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: load, namespace: etl}
                spec:
                  parallelism: 4
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: load
                          image: example/load:1
                          volumeMounts: [{name: work, mountPath: /work}]
                      volumes:
                        - name: work
                          persistentVolumeClaim: {claimName: scratch}
                """);
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_SHARED)).extracting(Diagnostic::message)
                .singleElement().asString().contains("ReadWriteOnce, but 4 pods mount it (load × 4)");
        assertThat(result.file("model/model.json")).contains("\"path\": \"/kube2ecs/etl/scratch\"");
    }

    @Test
    void aClaimOfAnotherNamespaceIsNotMounted() {
        RunResult result = convert(CLAIM.formatted("storage") + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          volumeMounts: [{name: data, mountPath: /data}]
                      volumes:
                        - name: data
                          persistentVolumeClaim: {claimName: scratch}
                """);
        // claims are namespaced: the Deployment's claim is missing, and the one in the input is mounted by nobody
        assertThat(result.withCode("POD014")).extracting(Diagnostic::message).singleElement().asString()
                .contains("PersistentVolumeClaim 'scratch' is not in the input");
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_UNUSED)).hasSize(1);
        assertThat(result.file("model/model.json")).doesNotContain("efs-access-point").doesNotContain("efs_file_system_id");
    }

    @Test
    void theFirstWriterOwnsTheDirectoryAndWritersAsOtherUsersAreNamed() {
        String workload = """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  template:
                    spec:
                      securityContext: {runAsUser: %d}
                      containers:
                        - name: app
                          image: example/app:1
                          volumeMounts: [{name: data, mountPath: /data, readOnly: %s}]
                      volumes:
                        - name: data
                          persistentVolumeClaim: {claimName: scratch}
                """;
        RunResult result = convert(CLAIM.formatted("shop") + workload.formatted("a-reader", 1, true)
                + workload.formatted("b-writer", 2000, false) + workload.formatted("c-writer", 3000, false));

        // the reader comes first by name, but only writers decide who owns the directory
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_OWNER)).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("owned by 2000:0 with mode 0755 (the runAsUser of Deployment 'b-writer')")
                    .contains("; Deployment 'c-writer' also writes to it, as another user or group in Kubernetes and as 2000:0 here");
            assertThat(d.hint()).contains("must run as 2000:0").doesNotContain("a common fsGroup");
        });
    }

    @Test
    void aPodMountingTheClaimThroughTwoVolumesIsOnePod() {
        RunResult result = convert(CLAIM.formatted("shop") + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: single, namespace: shop}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: app
                          image: example/app:1
                          volumeMounts: [{name: data, mountPath: /data}, {name: again, mountPath: /again}]
                      volumes:
                        - name: data
                          persistentVolumeClaim: {claimName: scratch}
                        - name: again
                          persistentVolumeClaim: {claimName: scratch}
                """);
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_SHARED)).isEmpty();
        assertThat(result.file("model/model.json")).contains("\"name\": \"again\"");
    }

    private static final String SHARED_WRITER = """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: %s, namespace: shop}
            spec:
              template:
                spec:
                  securityContext: {%s}
                  containers:
                    - name: app
                      image: example/app:1
                      volumeMounts: [{name: data, mountPath: /data}]
                  volumes:
                    - name: data
                      persistentVolumeClaim: {claimName: scratch}
            """;

    /** The JSON without its layout. */
    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }

    @Test
    void writersSharingAnFsGroupAllWriteAsTheOwnerThroughTheAccessPoint() {
        // Fargate has no supplementary groups: without a POSIX user, b (1002) could not write to a directory 1001 owns
        RunResult result = convert(CLAIM.formatted("shop") + SHARED_WRITER.formatted("a", "runAsUser: 1001, fsGroup: 5000")
                + SHARED_WRITER.formatted("b", "runAsUser: 1002, fsGroup: 5000"));

        assertThat(compact(result.file("model/model.json"))).contains(compact("""
                      "ownerGid": 5000,
                      "ownerUid": 1001,
                      "path": "/kube2ecs/shop/scratch",
                      "permissions": "2775",
                      "posixUser": {
                        "@type": "PosixUser",
                        "gid": 5000,
                        "uid": 1001
                      },"""));
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_OWNER)).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("owned by 1001:5000 with mode 2775 (the runAsUser and fsGroup of Deployment 'a')")
                    .contains("reads and writes through the access point as 1001:5000, whatever user its containers run as")
                    .contains("Deployment 'b' also writes to it, as another user or group in Kubernetes and as 1001:5000 here")
                    .doesNotContain("can write");
            assertThat(d.hint()).doesNotContain("fsGroup").contains("must run as 1001:5000");
        });
    }

    @Test
    void anFsGroupWithoutRunAsUserWritesAsRootInThatGroup() {
        RunResult result = convert(CLAIM.formatted("shop") + SHARED_WRITER.formatted("a", "fsGroup: 5000"));
        assertThat(compact(result.file("model/model.json"))).contains(compact("""
                      "posixUser": {
                        "@type": "PosixUser",
                        "gid": 5000,
                        "uid": 0
                      },"""));
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_OWNER)).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("owned by 0:5000 with mode 2775 (the fsGroup of Deployment 'a', which sets no runAsUser: root)");
            assertThat(d.hint()).contains("elasticfilesystem:ClientRootAccess").contains("set runAsUser to avoid root");
        });
    }

    @Test
    void aContainersRunAsUserOverridesThePods() {
        RunResult result = convert(CLAIM.formatted("shop") + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app, namespace: shop}
                spec:
                  template:
                    spec:
                      securityContext: {runAsUser: 1000, runAsGroup: 3000}
                      containers:
                        - name: app
                          image: example/app:1
                          securityContext: {runAsUser: 2000}
                          volumeMounts: [{name: data, mountPath: /data}]
                      volumes:
                        - name: data
                          persistentVolumeClaim: {claimName: scratch}
                """);
        // as the kubelet runs it: user 2000 (the container's), group 3000 (the pod's, which the container does not override)
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_OWNER)).singleElement().extracting(Diagnostic::message).asString()
                .contains("owned by 2000:3000 with mode 0755 (the runAsUser and runAsGroup of Deployment 'app'");
    }

    @Test
    void thePvc001HintNamesTheFileSystemPolicyThatWouldRefuseTheMount() {
        RunResult result = convert(CLAIM.formatted("shop") + SHARED_WRITER.formatted("a", "runAsUser: 1001"));
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_DATA)).singleElement().extracting(Diagnostic::hint).asString()
                .contains("NFS (TCP 2049)").contains("iam DISABLED")
                .contains("a file system policy that requires IAM authorization or denies anonymous clients makes the mount fail");
    }

    @Test
    void aPrefixStartingWithADotIsKeptOutOfTheStartOfThePath() {
        // EFS refuses a path element starting with '.'; "_" in front keeps it apart from the prefix without the dot
        assertThat(PersistentVolumeClaimMapper.path(".k2e", "shop", "data")).isEqualTo("/_.k2e/shop/data");
        assertThat(PersistentVolumeClaimMapper.path("k2e", "shop", "data")).isEqualTo("/k2e/shop/data");
        assertThat(PersistentVolumeClaimMapper.path("k2e.prod", "shop", "data")).isEqualTo("/k2e.prod/shop/data");
        RunResult result = PipelineRunner.of(new DeploymentPlugin(), new JobPlugin(), new PersistentVolumeClaimPlugin(), new ModelDumpPlugin())
                .input("app.yaml", CLAIM.formatted("shop") + SHARED_WRITER.formatted("a", "runAsUser: 1001"))
                .profile("parameterPrefix: .k2e\n").targets(ModelDumpPlugin.TARGET).run();
        assertThat(result.file("model/model.json")).contains("\"path\": \"/_.k2e/shop/scratch\"");
        assertThat(result.withCode(PersistentVolumeClaimMapper.CODE_DATA)).singleElement().extracting(Diagnostic::message).asString()
                .contains("becomes EFS access point /_.k2e/shop/scratch (mounted by Deployment 'a'), under _.k2e as EFS refuses a path "
                        + "element that starts with '.' (parameterPrefix '.k2e')");
    }
}
