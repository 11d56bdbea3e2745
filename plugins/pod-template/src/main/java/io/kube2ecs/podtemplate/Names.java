package io.kube2ecs.podtemplate;

import io.kube2ecs.api.spi.ConversionSettings;

/** AWS naming rules that differ from the general ones. */
public final class Names {

    private Names() {
    }

    /**
     * @param settings  the profile's naming
     * @param namespace the Kubernetes namespace
     * @param name      the name
     * @return a load balancer or target group name: at most 32 letters, digits and hyphens, not
     *         starting or ending with a hyphen, shortened with a stable hash when needed
     */
    public static String elb(ConversionSettings settings, String namespace, String name) {
        String candidate = settings.awsName(namespace, name, 32).replace('_', '-').replaceAll("^-+|-+$", "");
        return candidate.startsWith("internal-") ? "k2e-" + candidate.substring(9) : candidate;
    }
}
