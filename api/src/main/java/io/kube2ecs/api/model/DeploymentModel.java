package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * The ECS deployment model of one conversion: every resource to create, and the environment inputs
 * they need.
 *
 * <p>Resources are kept sorted by {@link ResourceId}, so emitters iterate them in a stable order
 * whatever the order mappers ran in. Not thread-safe for writes (mappers run one at a time); once
 * mapping is done, emitters read it concurrently, and {@link #input} and {@link #all} are safe then.
 */
@Stable
public final class DeploymentModel {

    private final Map<ResourceId, AwsResource> resources = new TreeMap<>();
    /** The same resources by hash: {@link #find} is called for nearly every reference an emitter writes. */
    private final Map<ResourceId, AwsResource> byId = new java.util.HashMap<>();
    /**
     * The resources of each class {@link #all} was asked for and that {@link #add} added to since,
     * kept up to date, so asking for a class again while mapping costs the size of that class, not
     * of the whole model.
     */
    private final Map<Class<?>, TreeMap<ResourceId, AwsResource>> byClass = new java.util.concurrent.ConcurrentHashMap<>();
    /** What {@link #all} returned per class; dropped when a resource of the class is added. */
    private final Map<Class<?>, List<?>> lists = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, EnvironmentInput> inputs = new TreeMap<>();
    /** Emitters may add to it while running in parallel (see {@link #input}). */
    private final SortedSet<String> usedInputs = new java.util.concurrent.ConcurrentSkipListSet<>();
    /** What {@link #inputs()} shows while emitters run; null outside the emit stage. */
    private volatile List<String> inputsBeforeEmit;

    /**
     * Adds a resource.
     *
     * @param resource the resource, not null
     * @param <T>      its type
     * @return the resource
     * @throws IllegalStateException when a resource with the same id exists
     */
    public <T extends AwsResource> T add(T resource) {
        AwsResource previous = resources.putIfAbsent(resource.id(), resource);
        if (previous != null) {
            throw new IllegalStateException("the model already has " + resource.id());
        }
        byId.put(resource.id(), resource);
        // a class listed before gets its index now, built from its list, once
        lists.forEach((type, list) -> {
            if (type.isInstance(resource)) {
                byClass.computeIfAbsent(type, t -> index(list));
            }
        });
        byClass.forEach((type, index) -> {
            if (type.isInstance(resource)) {
                index.put(resource.id(), resource);
                lists.remove(type);
            }
        });
        return resource;
    }

    /**
     * @param id   the identity
     * @param type the expected class
     * @param <T>  the expected class
     * @return the resource, if present and of that class
     */
    public <T extends AwsResource> Optional<T> find(ResourceId id, Class<T> type) {
        AwsResource resource = byId.get(id);
        return type.isInstance(resource) ? Optional.of(type.cast(resource)) : Optional.empty();
    }

    /**
     * @param type the class
     * @param <T>  the class
     * @return every resource of that class, sorted by id; unmodifiable
     */
    @SuppressWarnings("unchecked")
    public <T extends AwsResource> List<T> all(Class<T> type) {
        return (List<T>) lists.computeIfAbsent(type, t -> {
            TreeMap<ResourceId, AwsResource> index = byClass.get(type);
            // the whole model is sorted, so filtering it keeps the order: no index is needed for a first
            // listing (the emitters' case), only once mapping adds to a class listed before
            Collection<AwsResource> source = index != null ? index.values() : resources.values();
            List<T> out = new ArrayList<>(index != null ? index.size() : 16);
            for (AwsResource resource : source) {
                if (type.isInstance(resource)) {
                    out.add(type.cast(resource));
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    private static TreeMap<ResourceId, AwsResource> index(List<?> sortedResources) {
        TreeMap<ResourceId, AwsResource> index = new TreeMap<>();
        for (Object resource : sortedResources) {
            index.put(((AwsResource) resource).id(), (AwsResource) resource);
        }
        return index;
    }

    /** @return every resource, sorted by id */
    public Collection<AwsResource> resources() {
        return Collections.unmodifiableCollection(resources.values());
    }

    /**
     * Declares an environment input (idempotent for an identical declaration).
     *
     * @param input the input, not null
     * @return the input
     * @throws IllegalStateException when a different input with the same name exists
     */
    public EnvironmentInput declare(EnvironmentInput input) {
        EnvironmentInput previous = inputs.putIfAbsent(input.name(), input);
        if (previous != null && !previous.equals(input)) {
            throw new IllegalStateException("input " + input.name() + " is already declared differently");
        }
        return input;
    }

    /**
     * A reference to a declared input, recording that the model uses it. Emitters may call it too
     * (for an input their output needs, such as the account id inside an ARN), so the run lists
     * every input left to fill in; that bookkeeping is the one write an emitter makes.
     *
     * @param name the input's name
     * @return the value referring to it
     * @throws IllegalArgumentException when no such input is declared
     */
    public Value input(String name) {
        if (!inputs.containsKey(name)) {
            throw new IllegalArgumentException("no input named " + name + " is declared; known: " + inputs.keySet());
        }
        usedInputs.add(name);
        return Value.input(name);
    }

    /**
     * @param name the input's name
     * @return the declaration, if any
     */
    public Optional<EnvironmentInput> inputNamed(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    /**
     * Marks the start and the end of the emit stage. In between, {@link #inputs()} lists the inputs
     * used before it began: emitters run in parallel and may record inputs ({@link #input}), and
     * what one of them sees must not depend on how far the others got. Called by the core.
     *
     * @param running true when the emitters start, false when they have all finished
     */
    public void emitting(boolean running) {
        inputsBeforeEmit = running ? List.copyOf(usedInputs) : null;
    }

    /** @return the inputs the model uses, sorted by name (declared but unused ones are left out) */
    public List<EnvironmentInput> inputs() {
        List<String> names = inputsBeforeEmit;
        List<EnvironmentInput> out = new ArrayList<>();
        for (String name : names != null ? names : usedInputs) {
            out.add(inputs.get(name));
        }
        return out;
    }
}
