package io.kube2ecs.api.spi;

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
}
