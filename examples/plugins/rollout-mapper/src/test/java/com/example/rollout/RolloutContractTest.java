package com.example.rollout;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.contract.KindMapperContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The test kit's checks for every kind mapper, over the golden case's Rollout. */
class RolloutContractTest implements KindMapperContract {

    @Override
    public Plugin plugin() {
        return new RolloutPlugin();
    }

    @Override
    public Map<String, String> fixtures() {
        try {
            return Map.of("rollout.yaml", Files.readString(Path.of("src/test/resources/golden/blue-green/input/rollout.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
