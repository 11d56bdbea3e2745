package io.kube2ecs.api.spi;

import io.kube2ecs.api.Experimental;
import java.util.Objects;

/**
 * What a {@link KindMapper} does with one field of its kind, as it declares it: the support matrix
 * ({@code kube2ecs plugins --support-matrix}) is generated from these declarations, and the
 * project's tests compare them with what the mapper really read over the test corpus.
 *
 * <p>A path names a field as diagnostics do ({@code spec.template.spec.containers[].image}), with
 * {@code []} for any list index and {@code *} for any map key (labels, data …). A declaration covers
 * the field and everything under it. Fields a mapper does not declare are reported as not
 * converted ({@code K2E201}) when they occur.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path  the field path, not blank
 * @param level how far the field is carried over, not null
 * @param note  the ECS counterpart or the reason, shown in the matrix; not null, may be empty
 */
@Experimental(since = "1.1")
public record FieldSupport(String path, Level level, String note) {

    /** How far a field is carried over. */
    public enum Level {
        /** Converted to its ECS counterpart. */
        MAPPED,
        /** Converted for the common cases; the others get a diagnostic saying what differs. */
        PARTIAL,
        /** Read and deliberately not converted, with a reason ({@code K2E202} or a plugin diagnostic). */
        IGNORED
    }

    public FieldSupport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(note, "note");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path is blank");
        }
    }

    /**
     * @param path field path
     * @param note the ECS counterpart
     * @return a {@link Level#MAPPED} declaration
     */
    public static FieldSupport mapped(String path, String note) {
        return new FieldSupport(path, Level.MAPPED, note);
    }

    /**
     * @param path field path
     * @param note what is converted and what is reported
     * @return a {@link Level#PARTIAL} declaration
     */
    public static FieldSupport partial(String path, String note) {
        return new FieldSupport(path, Level.PARTIAL, note);
    }

    /**
     * @param path   field path
     * @param reason why it is not converted
     * @return an {@link Level#IGNORED} declaration
     */
    public static FieldSupport ignored(String path, String reason) {
        return new FieldSupport(path, Level.IGNORED, reason);
    }
}
