package io.kube2ecs.ecsshapes;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which listeners forward to each target group. A service attached to a target group must wait for
 * its listeners (ECS refuses a target group no load balancer uses), so every emitter asks this once
 * per attachment; built once per model, so that asking is a lookup, not a scan of every load
 * balancer (10,000 applications have about 1,000 of them). Not thread-safe; one per emitter run.
 */
public final class ListenerIndex {

    /** A load balancer's listener. */
    public record Entry(LoadBalancer balancer, LoadBalancer.Listener listener) {
    }

    private final Map<ResourceId, List<Entry>> byTargetGroup = new HashMap<>();

    /**
     * @param model the model whose load balancers are indexed
     */
    public ListenerIndex(DeploymentModel model) {
        for (LoadBalancer balancer : model.all(LoadBalancer.class)) {
            for (LoadBalancer.Listener listener : balancer.listeners()) {
                Set<ResourceId> targets = new LinkedHashSet<>();
                targets.add(listener.defaultAction().targetGroup());
                listener.rules().forEach(rule -> targets.add(rule.action().targetGroup()));
                targets.remove(null);
                for (ResourceId target : targets) {
                    byTargetGroup.computeIfAbsent(target, t -> new ArrayList<>()).add(new Entry(balancer, listener));
                }
            }
        }
    }

    /**
     * @param targetGroup a target group's id
     * @return the listeners whose default action or a rule forwards to it, each once, in model order
     *         (load balancers by id, then their listeners in order)
     */
    public List<Entry> forwardingTo(ResourceId targetGroup) {
        return byTargetGroup.getOrDefault(targetGroup, List.of());
    }
}
