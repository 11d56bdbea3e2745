package io.kube2ecs.core;

import java.util.List;
import java.util.Optional;

/**
 * How an input source reaches the person running the conversion: transient progress, notices, and
 * questions. The CLI implements it on the console; {@link #NONE} is for tests and non-interactive hosts.
 */
public interface UserConsole {

    /** Shows nothing and asks nothing. */
    UserConsole NONE = new UserConsole() {
    };

    /**
     * @param message a transient progress line
     */
    default void progress(String message) {
    }

    /**
     * @param message a line the user should see, e.g. which context was used
     */
    default void notice(String message) {
    }

    /**
     * @param question what to ask
     * @param choices  the choices, not empty
     * @param preset   the choice for an empty answer, or null
     * @return the choice, or empty when nobody can be asked
     */
    default Optional<String> choose(String question, List<String> choices, String preset) {
        return Optional.empty();
    }
}
