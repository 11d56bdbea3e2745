package io.kube2ecs.api.spi;

import io.kube2ecs.api.Experimental;
import io.kube2ecs.api.Stable;
import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.diag.Diagnostics;

/**
 * What an {@link Emitter} can use. Supplied by the core; not thread-safe.
 */
@Stable
public interface EmitContext {

    /** @return where to write files */
    Output output();

    /** @return where to report; diagnostics are attributed to the calling plugin */
    Diagnostics diagnostics();

    /** @return this plugin's options from the profile */
    PluginOptions options();

    /** @return naming, logging and tagging settings from the profile */
    ConversionSettings settings();

    /** @return the API version of the running core */
    default ApiVersion apiVersion() {
        return ApiVersion.CURRENT;
    }

    /**
     * Reports a placeholder the emitter wrote that stands for no input of the model: another form of an
     * input's value, where only that form is valid, e.g. {@code ${CLUSTER_ARN}} beside the {@code cluster}
     * input, which may be a name or an ARN. The run lists it with the model's inputs that the profile
     * does not give (which need no report: {@code DeploymentModel.input} records them), so the user
     * learns of it without reading the emitter's notes. Reporting the same name again does nothing.
     *
     * <p>The default does nothing. A plugin that also runs on a core older than 1.7, whose
     * {@code EmitContext} lacks this method, calls it only when {@link #apiVersion()} satisfies 1.7.
     *
     * @param name        snake case, as an input's name: the placeholder is its upper case in {@code ${…}},
     *                    e.g. {@code cluster_arn} for {@code ${CLUSTER_ARN}}; not null
     * @param description what to fill in, one line, as an input's description; not null
     * @since 1.7
     */
    @Experimental(since = "1.7")
    default void placeholder(String name, String description) {
    }
}
