package io.kube2ecs.plugin.source.cluster;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube2ecs.api.source.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Asks the API server which of the kinds to read it serves, and under which version and
 * resource name: the core group through {@code /api/v1}, the others through {@code /apis} (each
 * group's preferred version first). A kind whose CRD is not installed is simply not found.
 */
final class Discovery {

    private final KubernetesClient client;
    private final Map<String, Optional<APIResourceList>> lists = new TreeMap<>();

    Discovery(KubernetesClient client) {
        this.client = client;
    }

    /** What discovery found: the served kinds, and the kinds the cluster does not serve. */
    record Result(List<ApiResource> served, List<ResourceKind> missing) {
    }

    /**
     * @param kinds the kinds to look for, sorted
     * @return what the server serves
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when the server cannot be asked
     */
    Result find(List<ResourceKind> kinds) {
        Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
        versionsByGroup.put("", List.of("v1"));
        boolean namedGroups = kinds.stream().anyMatch(k -> !k.group().isEmpty());
        if (namedGroups) {
            APIGroupList groups = client.getApiGroups();
            if (groups != null && groups.getGroups() != null) {
                for (APIGroup group : groups.getGroups()) {
                    List<String> versions = new ArrayList<>();
                    if (group.getPreferredVersion() != null && group.getPreferredVersion().getVersion() != null) {
                        versions.add(group.getPreferredVersion().getVersion());
                    }
                    if (group.getVersions() != null) {
                        for (GroupVersionForDiscovery v : group.getVersions()) {
                            if (v.getVersion() != null && !versions.contains(v.getVersion())) {
                                versions.add(v.getVersion());
                            }
                        }
                    }
                    versionsByGroup.put(group.getName(), versions);
                }
            }
        }
        List<ApiResource> served = new ArrayList<>();
        List<ResourceKind> missing = new ArrayList<>();
        for (ResourceKind kind : kinds) {
            Optional<ApiResource> found = Optional.empty();
            for (String version : versionsByGroup.getOrDefault(kind.group(), List.of())) {
                found = lookUp(kind, version);
                if (found.isPresent()) {
                    break;
                }
            }
            found.ifPresentOrElse(served::add, () -> missing.add(kind));
        }
        return new Result(served, missing);
    }

    private Optional<ApiResource> lookUp(ResourceKind kind, String version) {
        String groupVersion = kind.group().isEmpty() ? version : kind.group() + "/" + version;
        Optional<APIResourceList> list = lists.computeIfAbsent(groupVersion,
                gv -> Optional.ofNullable(client.getApiResources(gv)));
        if (list.isEmpty() || list.get().getResources() == null) {
            return Optional.empty();
        }
        for (APIResource resource : list.get().getResources()) {
            if (kind.kind().equals(resource.getKind()) && resource.getName() != null && !resource.getName().contains("/")
                    && (resource.getVerbs() == null || resource.getVerbs().isEmpty() || resource.getVerbs().contains("list"))) {
                return Optional.of(new ApiResource(kind, version, resource.getName(),
                        !Boolean.FALSE.equals(resource.getNamespaced())));
            }
        }
        return Optional.empty();
    }
}
