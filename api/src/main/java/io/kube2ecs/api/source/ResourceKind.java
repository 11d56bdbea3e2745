package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.util.Locale;
import java.util.Objects;

/**
 * A Kubernetes kind with its API group, the key mappers are registered under.
 *
 * <p>Rendered as {@code group/Kind}, e.g. {@code apps/Deployment},
 * {@code vpcresources.k8s.aws/SecurityGroupPolicy}; the core group renders as the kind alone
 * ({@code Service}). Versions are not part of the key: a mapper handles every served version of its
 * kind. Immutable and thread-safe.
 *
 * @param group the API group, empty for the core group, never null
 * @param kind  the kind, e.g. {@code Deployment}, never null or empty
 */
@Stable
public record ResourceKind(String group, String kind) implements Comparable<ResourceKind> {

    public ResourceKind {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("kind must not be empty");
        }
    }

    /**
     * Parses {@code group/Kind}, {@code Kind} (core group) or {@code core/Kind}.
     *
     * @param text the key, not null
     * @return the kind
     * @throws IllegalArgumentException when the text is empty or has more than one slash
     */
    public static ResourceKind parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return new ResourceKind("", trimmed);
        }
        if (trimmed.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("expected group/Kind, got '" + text + "'");
        }
        String group = trimmed.substring(0, slash);
        return new ResourceKind(group.toLowerCase(Locale.ROOT).equals("core") ? "" : group,
                trimmed.substring(slash + 1));
    }

    /**
     * The kind of an object from its {@code apiVersion} and {@code kind} fields.
     *
     * @param apiVersion e.g. {@code apps/v1} or {@code v1}, not null
     * @param kind       e.g. {@code Deployment}, not null
     * @return the kind
     */
    public static ResourceKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return new ResourceKind(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
    }

    @Override
    public int compareTo(ResourceKind other) {
        // the order of toString(), without building either string
        if (group.equals(other.group)) {
            return kind.compareTo(other.kind);
        }
        int length = length();
        int otherLength = other.length();
        for (int i = 0, n = Math.min(length, otherLength); i < n; i++) {
            char c = charAt(i);
            char o = other.charAt(i);
            if (c != o) {
                return c - o;
            }
        }
        return length - otherLength;
    }

    private int length() {
        return group.isEmpty() ? kind.length() : group.length() + 1 + kind.length();
    }

    private char charAt(int i) {
        if (group.isEmpty()) {
            return kind.charAt(i);
        }
        return i < group.length() ? group.charAt(i) : i == group.length() ? '/' : kind.charAt(i - group.length() - 1);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ResourceKind k && kind.equals(k.kind) && group.equals(k.group);
    }

    @Override
    public int hashCode() {
        return group.hashCode() * 31 + kind.hashCode();
    }

    @Override
    public String toString() {
        return group.isEmpty() ? kind : group + "/" + kind;
    }
}
