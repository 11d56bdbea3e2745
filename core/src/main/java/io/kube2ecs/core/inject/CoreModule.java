package io.kube2ecs.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import io.kube2ecs.core.ConversionPipeline;
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

    /**
     * Builds a pipeline without the caller touching Guice, for the test kit and other embedders
     * that must stay free of the container.
     *
     * @param plugins     where plugins come from
     * @param environment standard input and working directory
     * @return a ready pipeline
     */
    public static ConversionPipeline pipeline(PluginSource plugins, RuntimeEnvironment environment) {
        return Guice.createInjector(new CoreModule(plugins, environment)).getInstance(ConversionPipeline.class);
    }

    @Override
    protected void configure() {
        bind(PluginSource.class).toInstance(plugins);
        bind(RuntimeEnvironment.class).toInstance(environment);
    }
}
