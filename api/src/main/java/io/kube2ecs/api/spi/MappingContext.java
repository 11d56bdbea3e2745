package io.kube2ecs.api.spi;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.DeploymentModel;

/**
 * What a {@link KindMapper} can use while converting one object. Supplied by the core; not
 * thread-safe.
 */
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

    /** @return the API version of the running core */
    default ApiVersion apiVersion() {
        return ApiVersion.CURRENT;
    }
}
