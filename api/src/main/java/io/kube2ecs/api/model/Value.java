package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * A value of the model that may not be known at conversion time.
 *
 * <ul>
 *   <li>{@link Literal} — known now, written as is;</li>
 *   <li>{@link Input} — an environment input (subnets, cluster, region …) declared in
 *       {@link DeploymentModel#inputs()}; emitters write its profile value, a variable or a
 *       parameter, or a named placeholder;</li>
 *   <li>{@link Ref} — an attribute of another resource of the model (a role's ARN, a target group's
 *       ARN), which each emitter renders as a reference of its format.</li>
 * </ul>
 * Immutable and thread-safe.
 */
@Stable
public sealed interface Value permits Value.Literal, Value.Input, Value.Ref {

    /**
     * @param value the text, not null
     * @return a literal value
     */
    static Value of(String value) {
        return new Literal(value);
    }

    /**
     * @param name the input's name as declared in {@link DeploymentModel#inputs()}
     * @return a reference to the input
     */
    static Value input(String name) {
        return new Input(name);
    }

    /**
     * @param target    the resource
     * @param attribute which of its attributes
     * @return a reference to the attribute
     */
    static Value ref(ResourceId target, Attribute attribute) {
        return new Ref(target, attribute);
    }

    /**
     * A value known at conversion time.
     *
     * @param value the text, not null
     */
    record Literal(String value) implements Value {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A reference to an environment input.
     *
     * @param name the input's name, not null
     */
    record Input(String name) implements Value {
        public Input {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A reference to an attribute of another resource of the model.
     *
     * @param target    the resource, not null
     * @param attribute the attribute, not null
     */
    record Ref(ResourceId target, Attribute attribute) implements Value {
        public Ref {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /** Attributes of a resource that other resources refer to. */
    enum Attribute {
        /** The resource's ARN. */
        ARN,
        /** The resource's AWS name (as opposed to its logical name in the model). */
        NAME,
        /** The identifier AWS assigns, e.g. a security group id or a Cloud Map namespace id. */
        ID,
        /** A load balancer's DNS name. */
        DNS_NAME
    }
}
