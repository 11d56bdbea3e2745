package io.kube2ecs.core;

import java.util.ArrayList;
import java.util.List;

/**
 * How long each stage of one run took, in the order they ran, so {@code convert --timings} can say
 * where the time of a slow conversion went without a profiler. Wall-clock time: stages that run on
 * several threads (parsing, the emitters) are timed as a whole, each emitter also on its own.
 */
public final class StageTimes {

    /**
     * @param stage  e.g. {@code load}, {@code emit cloudformation}
     * @param nanos  wall-clock nanoseconds
     * @param nested whether it ran inside the stage listed before it (an emitter inside {@code emit})
     */
    public record Stage(String stage, long nanos, boolean nested) {
    }

    private final List<Stage> stages = new ArrayList<>();
    private long started = System.nanoTime();

    /** Ends the stage that began at the last mark (or at construction) and starts the next one. */
    void mark(String stage) {
        long now = System.nanoTime();
        stages.add(new Stage(stage, now - started, false));
        started = now;
    }

    void nested(String stage, long nanos) {
        stages.add(new Stage(stage, nanos, true));
    }

    /** @return the stages so far, in order */
    public List<Stage> stages() {
        return List.copyOf(stages);
    }
}
