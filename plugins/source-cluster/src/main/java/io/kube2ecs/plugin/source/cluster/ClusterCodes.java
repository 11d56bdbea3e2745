package io.kube2ecs.plugin.source.cluster;

/** The diagnostic codes of the {@code cluster} input source, documented in docs/diagnostics.md. */
final class ClusterCodes {

    /** The kubeconfig or context cannot be used (missing file, unknown context, no current context). */
    static final String KUBECONFIG = "CLU001";
    /** The API server cannot be reached, refused the credentials, or answered with an error. */
    static final String UNREACHABLE = "CLU002";
    /** RBAC forbids a read; what could be read is converted. */
    static final String FORBIDDEN = "CLU003";
    /** The cluster does not serve a kind to read (e.g. the SecurityGroupPolicy CRD is not installed). */
    static final String KIND_NOT_SERVED = "CLU004";
    /** A namespace named with -n holds none of the kinds kube2ecs reads, or does not exist. */
    static final String EMPTY_NAMESPACE = "CLU005";
    /** --save-manifests could not write its folder. */
    static final String SAVE_FAILED = "CLU006";
    /** Objects Kubernetes creates itself were left out (a note with counts). */
    static final String SKIPPED = "CLU007";

    /** A kind read only to be reported as not converted may not be listed in some namespaces. */
    static final String REPORTED_KIND_UNREAD = "CLU008";

    private ClusterCodes() {
    }
}
