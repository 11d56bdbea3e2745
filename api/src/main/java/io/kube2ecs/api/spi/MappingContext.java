package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.DeploymentModel;

/**
 * What a {@link KindMapper} can use while converting one object. Supplied by the core; not
 * thread-safe.
 */
@Stable
public interface MappingContext {

    /** @return the model to add resources to */
    DeploymentModel model();

    /** @return every input object, to resolve references and selectors */
    ObjectIndex objects();

    /** @return where to report; diagnostics are attributed to the calling plugin */
    Diagnostics diagnostics();

    /** @return this plugin's options from the profile */
    PluginOptions options();

    /** @return naming, logging and tagging settings from the profile */
    ConversionSettings settings();

    /**
     * Hands a secret value to the core and never to the model: the core writes it only when the
     * user asks for {@code --include-secret-values}, into one file readable by the user alone.
     *
     * @param input the sensitive input the value belongs to
     * @param value the value
     */
    default void secretValue(String input, String value) {
    }

    /** @return the API version of the running core */
    default ApiVersion apiVersion() {
        return ApiVersion.CURRENT;
    }
}
