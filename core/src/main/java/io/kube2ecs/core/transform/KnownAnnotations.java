package io.kube2ecs.core.transform;

/**
 * Annotations that tools write for themselves, which no mapper converts. Without this, the
 * deathstarbench corpus alone gave 66 warnings of "field 'metadata.annotations' … is not
 * converted" for kompose's record of its own command line, which buried the annotations that did
 * configure something (Istio's, Prometheus's). Records of tools are reported as notes with what
 * they were; settings of tools that do not run on ECS keep their warning, with what to use instead.
 */
public final class KnownAnnotations {

    /**
     * What an annotation is.
     *
     * @param record true when it configures nothing (a note); false when it did configure
     *               something that ECS will not do (a warning)
     * @param text   for a record, what it is; for a setting, the hint: what to do instead
     */
    public record Verdict(boolean record, String text) {
    }

    private KnownAnnotations() {
    }

    /**
     * @param key the annotation's key
     * @return what it is, or null for an annotation this table does not know
     */
    public static Verdict of(String key) {
        switch (key) {
            case "kompose.cmd", "kompose.version":
                return record("kompose's record of how it made this manifest; it configures nothing");
            case "kubectl.kubernetes.io/last-applied-configuration":
                return record("kubectl's copy of the last applied manifest; it configures nothing");
            case "kubectl.kubernetes.io/restartedAt":
                return record("the time of a kubectl rollout restart; it configures nothing");
            case "kubectl.kubernetes.io/default-container", "kubectl.kubernetes.io/default-logs-container":
                return record("which container kubectl exec and logs pick; on ECS, aws ecs execute-command names the container");
            case "deployment.kubernetes.io/revision":
                return record("the Deployment controller's rollout counter; ECS numbers task definition revisions itself");
            case "kubernetes.io/change-cause":
                return record("a note for kubectl rollout history; it configures nothing");
            case "meta.helm.sh/release-name", "meta.helm.sh/release-namespace":
                return record("Helm's record of the release that owns the object; it configures nothing");
            default:
                break;
        }
        if (key.startsWith("argocd.argoproj.io/")) {
            return record("an instruction to Argo CD about syncing the object; it does not configure the workload");
        }
        if (key.startsWith("sidecar.istio.io/") || key.startsWith("proxy.istio.io/") || key.startsWith("traffic.sidecar.istio.io/")) {
            return setting("Istio does not run on ECS, so no sidecar reads this; ECS Service Connect gives service-to-service "
                    + "retries, timeouts and traffic metrics: check what this mesh setting did for the workload");
        }
        if (key.startsWith("prometheus.io/")) {
            return setting("nothing scrapes tasks on ECS by default: to keep these metrics, run the AWS Distro for OpenTelemetry "
                    + "collector or the CloudWatch agent with Prometheus service discovery for ECS");
        }
        if (key.startsWith("checksum/")) {
            return setting("Helm changes this checksum to roll the pods when a ConfigMap or Secret changes; on ECS a new "
                    + "parameter value reaches only tasks started after it: run aws ecs update-service --force-new-deployment "
                    + "after changing one");
        }
        return null;
    }

    private static Verdict record(String what) {
        return new Verdict(true, what);
    }

    private static Verdict setting(String hint) {
        return new Verdict(false, hint);
    }
}
