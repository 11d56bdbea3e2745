package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.ApiVersion;
import java.util.List;

/**
 * The single entry point of a plugin jar, found through {@link java.util.ServiceLoader}.
 *
 * <p>An implementation must be a public class with a public no-argument constructor, and should do
 * no work in it. New extension types are added to this interface as default methods returning an
 * empty list, so existing plugins keep compiling and running.
 *
 * <p>The core calls these methods from one thread at start-up, and asks for each kind of
 * contribution once per run; return the same instances each time.
 */
@Stable
public interface Plugin {

    /**
     * @return a unique, stable id in kebab case, e.g. {@code kind-deployment} or
     *         {@code emit-terraform}; users name it to choose between plugins and to pass options
     */
    String id();

    /** @return one line saying what the plugin does, shown by {@code kube2ecs plugins --verbose} */
    default String description() {
        return "";
    }

    /** @return the API version this plugin was written against; the core refuses a newer major */
    default ApiVersion requiredApiVersion() {
        return new ApiVersion(1, 0);
    }

    /** @return the kind mappers this plugin contributes, each keyed by its kind; never null */
    default List<KindMapper> kindMappers() {
        return List.of();
    }

    /** @return the emitters this plugin contributes, each keyed by its target id; never null */
    default List<Emitter> emitters() {
        return List.of();
    }

    /** @return the input sources this plugin contributes, each keyed by its id; never null */
    default List<InputSource> inputSources() {
        return List.of();
    }
}
