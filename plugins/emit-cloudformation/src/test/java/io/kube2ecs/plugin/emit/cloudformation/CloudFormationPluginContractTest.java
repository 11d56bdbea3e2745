package io.kube2ecs.plugin.emit.cloudformation;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.contract.EmitterContract;

/** The built-in emitter passes the same contract third-party emitters are held to. */
class CloudFormationPluginContractTest implements EmitterContract {

    @Override
    public Plugin plugin() {
        return new CloudFormationPlugin();
    }
}
