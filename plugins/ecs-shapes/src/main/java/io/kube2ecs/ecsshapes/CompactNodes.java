package io.kube2ecs.ecsshapes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jackson's node factory with small starting sizes. Its own object nodes start with a 16-slot hash
 * table and its arrays with 10 slots, while most objects of a task definition or template hold one
 * to three fields ({@code {"Ref": "X"}}) and most lists one or two items; a template of 10,000
 * applications has about a million such nodes, and their empty slots were a large part of the
 * run's memory. Object nodes keep their fields in a {@link SmallOrderedMap} (an array up to eight
 * fields, a {@code LinkedHashMap} beyond): with a {@code LinkedHashMap} each, {@code LinkedHashMap}
 * entries, maps and tables, most of them the template's object nodes, took about 140 of a
 * 10,000-application run's 460 MB at its peak. Nodes grow as usual when they need to.
 */
public final class CompactNodes extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final CompactNodes INSTANCE = new CompactNodes();

    private CompactNodes() {
        super(false);
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new SmallOrderedMap<>());
    }

    @Override
    public ArrayNode arrayNode() {
        return new ArrayNode(this, 2);
    }
}
