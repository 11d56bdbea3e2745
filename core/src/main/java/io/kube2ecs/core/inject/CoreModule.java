package io.kube2ecs.core.inject;

import com.google.inject.AbstractModule;
import io.kube2ecs.core.RuntimeEnvironment;
import io.kube2ecs.core.plugin.PluginSource;

/**
 * Wires the pipeline. The plugin source and the runtime environment are the seams: the CLI binds
 * ServiceLoader discovery and the real process; tests bind fixed plugins and their own folders.
 * Plugins are never Guice modules, so Guice stays out of the public API.
 */
public final class CoreModule extends AbstractModule {

    private final PluginSource plugins;
    private final RuntimeEnvironment environment;

    /**
     * @param plugins     where plugins come from
     * @param environment standard input and working directory
     */
    public CoreModule(PluginSource plugins, RuntimeEnvironment environment) {
        this.plugins = plugins;
        this.environment = environment;
    }

    @Override
    protected void configure() {
        bind(PluginSource.class).toInstance(plugins);
        bind(RuntimeEnvironment.class).toInstance(environment);
    }
}
