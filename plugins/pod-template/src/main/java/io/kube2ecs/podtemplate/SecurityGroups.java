package io.kube2ecs.podtemplate;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.SecurityGroup;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.spi.MappingContext;
import java.util.List;

/**
 * The traffic rules the cluster implied, as security groups: a load balancer accepts its listener
 * ports from the client ranges the cluster allowed, else from anywhere only when internet-facing
 * and from the VPC otherwise; tasks accept their Service
 * ports only from their load balancers and from the other tasks of their namespace, never from
 * 0.0.0.0/0. When the profile names the tasks' security groups, those are used as they are and no
 * task rules are generated.
 */
public final class SecurityGroups {

    private SecurityGroups() {
    }

    /** @return whether the conversion creates the tasks' security groups (the profile names none) */
    static boolean generated(MappingContext context) {
        return context.model().inputNamed(StandardInputs.SECURITY_GROUP_IDS).map(i -> !i.isKnown()).orElse(true);
    }

    /**
     * @param namespace the Kubernetes namespace
     * @param context   the mapping context
     * @return the security group of the namespace's tasks: the profile's, or one created for them
     */
    public static Value tasks(String namespace, MappingContext context) {
        if (!generated(context)) {
            return context.model().input(StandardInputs.SECURITY_GROUP_IDS);
        }
        return Value.ref(taskGroup(namespace, context).id(), Value.Attribute.ID);
    }

    private static SecurityGroup taskGroup(String namespace, MappingContext context) {
        DeploymentModel model = context.model();
        ResourceId id = ModelIds.taskSecurityGroup(namespace);
        return model.find(id, SecurityGroup.class).orElseGet(() -> model.add(new SecurityGroup(id,
                context.settings().awsName(namespace, "tasks", 255), "ECS tasks of namespace " + namespace)));
    }

    /**
     * Lets the namespace's tasks reach each other on a Service's port (ClusterIP traffic).
     *
     * @param namespace   the namespace
     * @param protocol    {@code tcp} or {@code udp}
     * @param port        the container port
     * @param description which Service the rule is for
     * @param context     the mapping context
     */
    public static void allowFromTasks(String namespace, String protocol, int port, String description, MappingContext context) {
        if (generated(context)) {
            SecurityGroup group = taskGroup(namespace, context);
            group.allow(new SecurityGroup.IngressRule(protocol, port, port, null, Value.ref(group.id(), Value.Attribute.ID),
                    description));
        }
    }

    /**
     * Creates the load balancer's security group and attaches it. Its listener ports are open to the
     * given client ranges; without ranges, to the internet when internet-facing and to the VPC
     * otherwise.
     *
     * @param balancer     the load balancer, with its listeners
     * @param sourceRanges the IPv4 CIDR blocks the cluster admitted (an empty list admits nobody), or
     *                     null when the cluster set none
     * @param context      the mapping context
     * @return a reference to the group
     */
    public static Value forLoadBalancer(LoadBalancer balancer, List<String> sourceRanges, MappingContext context) {
        DeploymentModel model = context.model();
        ResourceId id = ModelIds.loadBalancerSecurityGroup(balancer.id());
        SecurityGroup group = model.find(id, SecurityGroup.class).orElseGet(() -> model.add(new SecurityGroup(id,
                balancer.name() + "-lb", "load balancer " + balancer.name())));
        for (LoadBalancer.Listener listener : balancer.listeners()) {
            String protocol = listener.protocol().equals("UDP") ? "udp" : "tcp";
            if (sourceRanges == null) {
                Value source = balancer.internetFacing() ? Value.of("0.0.0.0/0") : model.input(StandardInputs.VPC_CIDR);
                group.allow(new SecurityGroup.IngressRule(protocol, listener.port(), listener.port(), source, null,
                        (balancer.internetFacing() ? "clients on the internet" : "clients in the VPC") + ", port " + listener.port()));
                continue;
            }
            for (String range : sourceRanges) {
                group.allow(new SecurityGroup.IngressRule(protocol, listener.port(), listener.port(), Value.of(range), null,
                        "clients in " + range + ", port " + listener.port()));
            }
        }
        Value reference = Value.ref(id, Value.Attribute.ID);
        if (!balancer.securityGroups().contains(reference)) {
            balancer.securityGroups().add(reference);
        }
        return reference;
    }

    /**
     * Lets a load balancer reach the namespace's tasks on a target port.
     *
     * @param namespace     the tasks' namespace
     * @param protocol      {@code tcp} or {@code udp}
     * @param port          the container port
     * @param loadBalancer  the load balancer's security group
     * @param description   which load balancer the rule is for
     * @param context       the mapping context
     */
    public static void allowFromLoadBalancer(String namespace, String protocol, int port, Value loadBalancer, String description,
                                             MappingContext context) {
        if (generated(context)) {
            taskGroup(namespace, context).allow(new SecurityGroup.IngressRule(protocol, port, port, null, loadBalancer, description));
        }
    }
}
