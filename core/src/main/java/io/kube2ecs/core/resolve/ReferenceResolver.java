package io.kube2ecs.core.resolve;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Reference;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.source.ObjectView;
import java.util.List;
import java.util.Optional;

/**
 * The resolve stage: asks each mapper what its objects refer to and reports references to
 * objects the input does not have, at the referring field: an error when Kubernetes would not start
 * the workload without them, a warning otherwise.
 */
public final class ReferenceResolver {

    /**
     * @param store       the input
     * @param registry    the plugins
     * @param diagnostics where dangling references go
     */
    public void run(ObjectStore store, PluginRegistry registry, DiagnosticCollector diagnostics) {
        for (LoadedObject object : store.objects()) {
            Optional<PluginRegistry.Bound<KindMapper>> mapper = registry.mapper(object.ref().kind());
            if (mapper.isEmpty()) {
                continue;
            }
            List<Reference> references;
            try {
                references = mapper.get().value().references(new ObjectView(object, false));
            } catch (RuntimeException | LinkageError e) {
                diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE,
                        "plugin " + mapper.get().pluginId() + " failed listing the references of " + object.ref() + ": " + e,
                        "this is a bug in the plugin; report it with this input", null, mapper.get().pluginId()));
                continue;
            }
            for (Reference reference : references) {
                if (reference.optional() || store.find(reference.target()).isPresent()) {
                    continue;
                }
                if (reference.blocksStart()) {
                    diagnostics.report(new Diagnostic(Severity.ERROR, Codes.MISSING_REQUIRED_OBJECT,
                            object.ref() + " reads " + reference.target() + ", which is not in the input; Kubernetes "
                                    + "would not start it, and its ECS task could not be given the values",
                            "add the manifest that defines it (for one created outside these manifests, its keys with "
                                    + "empty values are enough: values are supplied at deploy time), or mark the "
                                    + "reference optional: true",
                            reference.at().location(), mapper.get().pluginId()));
                    continue;
                }
                diagnostics.report(new Diagnostic(Severity.WARNING, Codes.DANGLING_REFERENCE,
                        object.ref() + " refers to " + reference.target() + ", which is not in the input",
                        "add the file that defines it to the -f inputs; if it is created outside these manifests, "
                                + "create its ECS counterpart by hand",
                        reference.at().location(), mapper.get().pluginId()));
            }
        }
    }
}
