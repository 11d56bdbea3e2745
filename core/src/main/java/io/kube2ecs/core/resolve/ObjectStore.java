package io.kube2ecs.core.resolve;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.api.source.LabelSelector;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ObjectIndex;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.source.ObjectView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every object of the input by kind, namespace and name. Lookups cost O(1) and selector queries
 * scan one kind in one namespace, so resolution stays linear in the input for typical manifests.
 */
public final class ObjectStore implements ObjectIndex {

    /** By reference, for {@link #find}: every reference of every object is looked up. */
    private final Map<ObjectRef, LoadedObject> lookup = new HashMap<>();
    /** The same objects sorted by kind, namespace and name, for {@link #objects()}. */
    private final List<LoadedObject> sorted;
    private final Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<ResourceKind, Map<String, List<LoadedObject>>> byKindAndNamespace = new HashMap<>();

    /**
     * @param objects     the loaded objects, in input order
     * @param diagnostics where a repeated object is reported
     */
    public ObjectStore(List<LoadedObject> objects, Diagnostics diagnostics) {
        for (LoadedObject object : objects) {
            LoadedObject previous = lookup.put(object.ref(), object);
            if (previous != null) {
                diagnostics.report(new Diagnostic(Severity.WARNING, Codes.DUPLICATE_OBJECT,
                        object.ref() + " is defined twice; the later definition is used, as kubectl apply would",
                        "first definition at " + SourceLocation.ofFile(previous.file()).render() + ":" + previous.root().line()
                                + "; remove one of them",
                        new SourceLocation(object.file(), object.root().line(), object.root().column(), ""), null));
            }
        }
        List<LoadedObject> inOrder = new ArrayList<>(lookup.values());
        inOrder.sort(java.util.Comparator.comparing(LoadedObject::ref));
        sorted = Collections.unmodifiableList(inOrder);
        for (LoadedObject object : sorted) {
            byKindAndNamespace.computeIfAbsent(object.ref().kind(), k -> new HashMap<>())
                    .computeIfAbsent(object.ref().namespace(), n -> new ArrayList<>()).add(object);
        }
    }

    /** @return every object, sorted by kind, namespace and name */
    public Collection<LoadedObject> objects() {
        return sorted;
    }

    @Override
    public Optional<SourceObject> find(ObjectRef ref) {
        LoadedObject object = lookup.get(ref);
        return object == null ? Optional.empty() : Optional.of(new ObjectView(object, false));
    }

    @Override
    public List<SourceObject> select(ResourceKind kind, String namespace, LabelSelector selector) {
        List<SourceObject> out = new ArrayList<>();
        for (LoadedObject object : byKindAndNamespace.getOrDefault(kind, Map.of()).getOrDefault(namespace, List.of())) {
            if (selector.matches(object.labels())) {
                out.add(new ObjectView(object, false));
            }
        }
        return out;
    }

    @Override
    public List<SourceObject> all(ResourceKind kind) {
        List<SourceObject> out = new ArrayList<>();
        // namespaces in order, each list already sorted by name: the same order as a full scan, without one
        new TreeMap<>(byKindAndNamespace.getOrDefault(kind, Map.of())).values()
                .forEach(objects -> objects.forEach(object -> out.add(new ObjectView(object, false))));
        return out;
    }

    @Override
    public <T> T shared(Class<T> key, java.util.function.Function<ObjectIndex, T> compute) {
        Object value = shared.get(key);
        if (value == null) {
            // computed outside the map's lock: a value may itself ask for another shared value
            value = compute.apply(this);
            Object raced = shared.putIfAbsent(key, value);
            value = raced != null ? raced : value;
        }
        return key.cast(value);
    }
}
