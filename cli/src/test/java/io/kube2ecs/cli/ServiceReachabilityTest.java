package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.spi.InputRequest;
import io.kube2ecs.api.spi.InputSink;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.load.FilesInputSource;
import io.kube2ecs.core.load.LoadLimits;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.load.ManifestLoader;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.profile.EnvironmentInputs;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.profile.Settings;
import io.kube2ecs.core.resolve.ObjectStore;
import io.kube2ecs.core.transform.Transformer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Service of the microservice corpora stays reachable on ECS: some ECS service registers
 * under its name in Cloud Map, or attaches to one of its target groups, or a diagnostic says why
 * it cannot.
 */
class ServiceReachabilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"istio-bookinfo", "online-boutique", "eks-workshop-retail"})
    void everyServiceMapsToARegistryATargetGroupOrADiagnostic(String name) {
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        ManifestLoader loader = new ManifestLoader(LoadLimits.DEFAULT, "default", false);
        List<LoadedObject> objects = new ArrayList<>();
        new FilesInputSource(() -> new ByteArrayInputStream(new byte[0]), CorpusPaths.corpus().resolve(name)).read(
                new InputRequest(List.of("."), true, Map.of()), new InputSink() {
                    @Override
                    public void accept(String origin, String content) {
                        objects.addAll(loader.load(origin, content, diagnostics));
                    }

                    @Override
                    public Diagnostics diagnostics() {
                        return diagnostics;
                    }
                });
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        ObjectStore store = new ObjectStore(objects, diagnostics);
        DeploymentModel model = new DeploymentModel();
        EnvironmentInputs.declare(model, Profile.EMPTY);
        new Transformer().run(store, new PluginRegistry(plugins, Map.of(), Map.of()), model, new Settings(Profile.EMPTY),
                Profile.EMPTY, diagnostics);
        List<Diagnostic> all = diagnostics.sorted();
        assertThat(all).filteredOn(d -> d.severity() == io.kube2ecs.api.diag.Severity.ERROR).isEmpty();

        List<LoadedObject> services = store.objects().stream().filter(o -> o.ref().kind().toString().equals("Service")).toList();
        assertThat(services).isNotEmpty();
        List<String> unreachable = new ArrayList<>();
        for (LoadedObject service : services) {
            String namespace = service.ref().namespace();
            String serviceName = service.ref().name();
            boolean registered = model.all(EcsService.class).stream().anyMatch(ecs ->
                    ecs.serviceRegistries().stream().anyMatch(r -> r.discoveryService().equals(ModelIds.cloudMapService(namespace, serviceName)))
                            || ecs.loadBalancers().stream().anyMatch(lb -> lb.targetGroup().namespace().equals(namespace)
                            && lb.targetGroup().name().startsWith("service/" + serviceName + "/")));
            boolean explained = all.stream().anyMatch(d -> d.code().startsWith("SVC") && d.location() != null
                    && d.location().file().equals(service.file()) && d.message().contains("'" + serviceName + "'"));
            if (!registered && !explained) {
                unreachable.add(service.ref().toString());
            }
        }
        assertThat(unreachable).as("Services neither reachable on ECS nor explained").isEmpty();
    }
}
