package io.kube2ecs.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.diag.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    private static final ResourceKind DEPLOYMENT = ResourceKind.parse("apps/Deployment");

    static Plugin mapperPlugin(String id, ResourceKind kind) {
        return new Plugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<KindMapper> kindMappers() {
                return List.of(new KindMapper() {
                    @Override
                    public ResourceKind kind() {
                        return kind;
                    }

                    @Override
                    public void map(SourceObject object, MappingContext context) {
                    }
                });
            }
        };
    }

    @Test
    void twoPluginsForOneKindFailNamingBothAndHowToChoose() {
        List<Plugin> plugins = List.of(mapperPlugin("kind-deployment", DEPLOYMENT), mapperPlugin("acme-deployment", DEPLOYMENT));
        assertThatThrownBy(() -> new PluginRegistry(plugins, Map.of(), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'acme-deployment'")
                .hasMessageContaining("'kind-deployment'")
                .hasMessageContaining("apps/Deployment")
                .satisfies(e -> assertThat(((ConfigurationException) e).hint()).contains("--mapper apps/Deployment="));
    }

    @Test
    void explicitChoiceSelectsThePluginWhateverTheClasspathOrder() {
        List<Plugin> plugins = new ArrayList<>(List.of(mapperPlugin("kind-deployment", DEPLOYMENT),
                mapperPlugin("acme-deployment", DEPLOYMENT), mapperPlugin("kind-service", ResourceKind.parse("Service"))));
        for (int i = 0; i < 4; i++) {
            Collections.rotate(plugins, 1);
            PluginRegistry registry = new PluginRegistry(plugins, Map.of(DEPLOYMENT, "acme-deployment"), Map.of());
            assertThat(registry.mapper(DEPLOYMENT).orElseThrow().pluginId()).isEqualTo("acme-deployment");
            assertThat(registry.plugins()).extracting(PluginInfo::id)
                    .containsExactly("acme-deployment", "kind-deployment", "kind-service");
        }
    }

    @Test
    void choosingAPluginThatDoesNotHandleTheKindFails() {
        List<Plugin> plugins = List.of(mapperPlugin("kind-deployment", DEPLOYMENT));
        assertThatThrownBy(() -> new PluginRegistry(plugins, Map.of(DEPLOYMENT, "acme"), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'acme'");
        assertThatThrownBy(() -> new PluginRegistry(plugins, Map.of(ResourceKind.parse("Service"), "x"), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no installed plugin handles kind 'Service'");
    }

    @Test
    void duplicatePluginIdsFail() {
        List<Plugin> plugins = List.of(mapperPlugin("same", DEPLOYMENT), mapperPlugin("same", ResourceKind.parse("Service")));
        assertThatThrownBy(() -> new PluginRegistry(plugins, Map.of(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("two plugins have the id 'same'");
    }

    @Test
    void pluginForANewerApiIsRefused() {
        Plugin future = new Plugin() {
            @Override
            public String id() {
                return "future";
            }

            @Override
            public ApiVersion requiredApiVersion() {
                return new ApiVersion(ApiVersion.CURRENT.major() + 1, 0);
            }
        };
        assertThatThrownBy(() -> new PluginRegistry(List.of(future), Map.of(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs kube2ecs API");
    }

    @Test
    void pluginThatThrowsAtStartUpIsNamed() {
        Plugin broken = new Plugin() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<KindMapper> kindMappers() {
                throw new IllegalStateException("boom");
            }
        };
        assertThatThrownBy(() -> new PluginRegistry(List.of(broken), Map.of(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'broken'").hasMessageContaining("boom");
    }
}
