package io.kube2ecs.core.source;

import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.core.load.LoadedObject;
import java.util.Map;

/**
 * The plugin-facing view of a loaded object, recording field reads or not.
 */
public final class ObjectView implements SourceObject {

    private final LoadedObject object;
    private final NodeView root;

    /**
     * @param object    the object
     * @param recording whether reads mark field coverage
     */
    public ObjectView(LoadedObject object, boolean recording) {
        this.object = object;
        this.root = NodeView.root(object.root(), object.file(), recording);
    }

    @Override
    public ObjectRef ref() {
        return object.ref();
    }

    @Override
    public String apiVersion() {
        return object.apiVersion();
    }

    @Override
    public Map<String, String> labels() {
        return object.labels();
    }

    @Override
    public SourceNode root() {
        return root;
    }

    @Override
    public String toString() {
        return object.ref() + " at " + root.location().render();
    }
}
