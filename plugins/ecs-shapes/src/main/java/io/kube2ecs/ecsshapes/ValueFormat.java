package io.kube2ecs.ecsshapes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube2ecs.api.model.Value;

/**
 * How an emitter writes a model value inside an ECS structure: ECS JSON writes text (a literal,
 * a built ARN or a placeholder); Terraform writes an expression such as
 * {@code aws_ssm_parameter.x.arn}.
 */
public interface ValueFormat {

    /**
     * @param value a model value
     * @return the node to put in the structure
     */
    JsonNode value(Value value);

    /**
     * @param value  a model value
     * @param suffix text appended to it, e.g. {@code :password::} after a secret's ARN
     * @return the node to put in the structure
     */
    JsonNode suffixed(Value value, String suffix);
}
