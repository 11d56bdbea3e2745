package io.kube2ecs.core.load;

/**
 * Bounds that keep hostile or broken input from exhausting memory or stack: alias expansion
 * ("billion laughs"), nesting depth and size.
 *
 * @param maxInputChars     largest single input text, in characters
 * @param maxNodes          most nodes one input may expand to, aliases included
 * @param maxDepth          deepest nesting of maps and lists
 * @param maxAliases        most aliases to collections one document may use
 */
public record LoadLimits(int maxInputChars, int maxNodes, int maxDepth, int maxAliases) {

    /** Generous for real manifests (a Helm chart's whole output is far below), tight for attacks. */
    public static final LoadLimits DEFAULT = new LoadLimits(64 * 1024 * 1024, 2_000_000, 200, 100);
}
