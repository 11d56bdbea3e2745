package io.kube2ecs.plugin.source.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kube2ecs.api.source.ResourceKind;

/**
 * A kind as the API server serves it: the version to read, its plural name and scope.
 *
 * @param kind       group and kind
 * @param version    the version read, e.g. {@code v1}
 * @param plural     the resource name, e.g. {@code deployments}
 * @param namespaced whether objects live in namespaces
 */
record ApiResource(ResourceKind kind, String version, String plural, boolean namespaced) {

    /** @return e.g. {@code apps/v1}, or {@code v1} for the core group */
    String apiVersion() {
        return kind.group().isEmpty() ? version : kind.group() + "/" + version;
    }

    /** @return the resource as RBAC and kubectl name it, e.g. {@code deployments.apps} or {@code pods} */
    String resourceName() {
        return kind.group().isEmpty() ? plural : plural + "." + kind.group();
    }

    /** @return the API group as RBAC writes it, {@code ""} for the core group */
    String rbacGroup() {
        return kind.group();
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(version)
                .withPlural(plural).withKind(kind.kind()).withNamespaced(namespaced).build();
    }
}
