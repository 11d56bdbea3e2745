package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A node of a Kubernetes object as written by the user, with its position in the input.
 *
 * <p>Navigation never returns null: asking for an absent key or index yields a node of type
 * {@link NodeType#MISSING} whose location points at the nearest existing ancestor, so
 * {@code node.get("spec").get("replicas").asInt()} is always safe.
 *
 * <p><b>Field coverage.</b> A view handed to a mapper records what it reads: reading a scalar
 * ({@link #asText()}, {@link #asInt()}, …) marks that field as converted; {@link #markConverted()}
 * marks a whole subtree; {@link #ignore(String)} marks a subtree as deliberately not converted, with
 * a reason shown to the user. Navigation alone ({@link #get}, {@link #items}, {@link #keys}) marks
 * nothing. Every field left unmarked after mapping is reported as not converted. Views obtained
 * from the {@link io.kube2ecs.api.spi.ObjectIndex} for other objects do not record.
 *
 * <p>Not thread-safe; use from the thread that invoked the plugin.
 */
@Stable
public interface SourceNode {

    /** @return the node's shape, never null */
    NodeType type();

    /** @return the path from the object's root, e.g. {@code spec.template.spec.containers[0].image} */
    String path();

    /** @return where this node starts in the input (for a missing node: where its parent starts) */
    SourceLocation location();

    /**
     * @param key a map key
     * @return the value under {@code key}, or a missing node when this is not a map or lacks the key
     */
    SourceNode get(String key);

    /**
     * @param index a list index
     * @return the element, or a missing node when this is not a list or the index is out of range
     */
    SourceNode get(int index);

    /** @return the elements of a list, in order; empty for any other type */
    List<SourceNode> items();

    /** @return the keys of a map in input order; empty for any other type */
    List<String> keys();

    /** @return the entries of a map in input order; empty for any other type */
    Map<String, SourceNode> entries();

    /** @return true unless this node is {@link NodeType#MISSING} */
    default boolean exists() {
        return type() != NodeType.MISSING;
    }

    /** @return true for {@link NodeType#MISSING} and {@link NodeType#NULL} */
    default boolean isAbsent() {
        return type() == NodeType.MISSING || type() == NodeType.NULL;
    }

    /** @return true for a map */
    default boolean isMap() {
        return type() == NodeType.MAP;
    }

    /** @return true for a list */
    default boolean isList() {
        return type() == NodeType.LIST;
    }

    /** @return true for a scalar */
    default boolean isScalar() {
        return type() == NodeType.SCALAR;
    }

    /**
     * Reads a scalar as text and marks it converted.
     *
     * @return the scalar's text, or empty when this is not a scalar
     */
    Optional<String> asText();

    /**
     * Reads a scalar as an int and marks it converted.
     *
     * @return the value, or empty when this is not a scalar holding an integer in range
     */
    OptionalInt asInt();

    /**
     * Reads a scalar as a long and marks it converted.
     *
     * @return the value, or empty when this is not a scalar holding an integer in range
     */
    OptionalLong asLong();

    /**
     * Reads a scalar as a number and marks it converted.
     *
     * @return the value, or empty when this is not a numeric scalar
     */
    OptionalDouble asDouble();

    /**
     * Reads a scalar as a boolean ({@code true}/{@code false}) and marks it converted.
     *
     * @return the value, or empty when this is not a boolean scalar
     */
    Optional<Boolean> asBoolean();

    /**
     * @return true when the scalar was written quoted ({@code "80"}), which Kubernetes treats as a
     *         string where a number or boolean is otherwise expected
     */
    boolean isQuoted();

    /**
     * Reads a map of strings (labels, annotations, node selectors) and marks it converted.
     *
     * @return the entries in input order, values as text; empty when this is not a map
     */
    Map<String, String> asStringMap();

    /**
     * Reads a list of strings (command, args) and marks it converted.
     *
     * @return the elements as text; empty when this is not a list
     */
    List<String> asStringList();

    /** Marks this node and everything under it as converted. */
    void markConverted();

    /**
     * Marks this node and everything under it as deliberately not converted; the reason is shown
     * to the user instead of a "not converted" warning.
     *
     * @param reason why the field has no ECS counterpart or needs no conversion, not null
     */
    void ignore(String reason);
}
