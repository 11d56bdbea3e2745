package io.kube2ecs.plugin.emit.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CloudFormation's intrinsic functions as JSON nodes, for the emitter and the stack splitter. */
final class Intrinsics {

    private static final JsonNodeFactory JSON = io.kube2ecs.ecsshapes.CompactNodes.INSTANCE;

    private Intrinsics() {
    }

    static ObjectNode fn(String name, JsonNode argument) {
        ObjectNode node = JSON.objectNode();
        node.set(name, argument);
        return node;
    }

    static ObjectNode ref(String name) {
        return fn("Ref", JSON.textNode(name));
    }

    static ObjectNode getAtt(String logicalId, String attribute) {
        return fn("Fn::GetAtt", JSON.arrayNode().add(logicalId).add(attribute));
    }

    static ObjectNode sub(String template) {
        return fn("Fn::Sub", JSON.textNode(template));
    }
}
