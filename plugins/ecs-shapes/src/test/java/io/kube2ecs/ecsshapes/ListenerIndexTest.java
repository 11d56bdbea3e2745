package io.kube2ecs.ecsshapes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.ResourceId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerIndexTest {

    private static final ResourceId WEB = new ResourceId("elbv2-target-group", "shop", "web");
    private static final ResourceId API = new ResourceId("elbv2-target-group", "shop", "api");

    private static String describe(List<ListenerIndex.Entry> entries) {
        return String.join(",", entries.stream().map(e -> e.balancer().id().name() + ":" + e.listener().port()).toList());
    }

    private static LoadBalancer.Listener listener(int port, LoadBalancer.Action defaultAction, ResourceId... ruleTargets) {
        List<LoadBalancer.Rule> rules = java.util.stream.IntStream.range(0, ruleTargets.length)
                .mapToObj(i -> new LoadBalancer.Rule(i + 1, List.of(), List.of("/" + i), LoadBalancer.Action.forward(ruleTargets[i])))
                .toList();
        return new LoadBalancer.Listener(port, "HTTP", List.of(), null, defaultAction, rules);
    }

    @Test
    void findsListenersByDefaultActionOrRuleEachOnceInModelOrder() {
        DeploymentModel model = new DeploymentModel();
        LoadBalancer ingress = model.add(new LoadBalancer(new ResourceId(LoadBalancer.TYPE, "shop", "b-ingress"), "ingress", "application", true));
        // a rule and the default action both forwarding to web: the listener is listed once
        ingress.listeners().add(listener(80, LoadBalancer.Action.forward(WEB), WEB, API));
        ingress.listeners().add(listener(443, LoadBalancer.Action.fixedResponse("404", "not found"), API));
        LoadBalancer direct = model.add(new LoadBalancer(new ResourceId(LoadBalancer.TYPE, "shop", "a-web"), "web", "network", true));
        direct.listeners().add(listener(8080, LoadBalancer.Action.forward(WEB)));

        ListenerIndex index = new ListenerIndex(model);

        assertEquals("a-web:8080,b-ingress:80", describe(index.forwardingTo(WEB)));
        assertEquals("b-ingress:80,b-ingress:443", describe(index.forwardingTo(API)));
        assertEquals("", describe(index.forwardingTo(new ResourceId("elbv2-target-group", "shop", "unused"))));
    }
}
