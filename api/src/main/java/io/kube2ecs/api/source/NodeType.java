package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;

/** The shape of a {@link SourceNode}. */
@Stable
public enum NodeType {
    /** A mapping of string keys to nodes. */
    MAP,
    /** A sequence of nodes. */
    LIST,
    /** A string, number or boolean. */
    SCALAR,
    /** An explicit {@code null} or {@code ~}, or a key with no value. */
    NULL,
    /** A node that is not in the input; reading it yields nothing. */
    MISSING
}
