package com.example.compose;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.contract.EmitterContract;

/** The test kit's checks for every emitter, over its sample model. */
class ComposeContractTest implements EmitterContract {

    @Override
    public Plugin plugin() {
        return new ComposePlugin();
    }
}
