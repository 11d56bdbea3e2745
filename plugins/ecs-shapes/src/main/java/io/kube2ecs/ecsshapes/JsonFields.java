package io.kube2ecs.ecsshapes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes optional fields the way the ECS API wants them: a field the model leaves unset is left out,
 * not written as {@code null}. Stateless and thread-safe.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Adds {@code values} to {@code array}, in order. */
    public static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Puts {@code value} under {@code field} unless it is null. */
    public static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Puts {@code value} under {@code field} unless it is null. */
    public static void putIfSet(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Puts {@code value} under {@code field} unless it is null. */
    public static void putIfSet(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
