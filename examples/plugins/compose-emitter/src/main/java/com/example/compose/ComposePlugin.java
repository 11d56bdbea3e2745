package com.example.compose;

import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Entry point of the example emitter plugin: adds the {@code compose} target, a Docker Compose file
 * to run the converted services on one machine. Listed in
 * {@code META-INF/services/io.kube2ecs.api.spi.Plugin} so kube2ecs finds it.
 */
public final class ComposePlugin implements Plugin {

    private final List<Emitter> emitters = List.of(new ComposeEmitter());

    @Override
    public String id() {
        return "example-compose";
    }

    @Override
    public String description() {
        return "Docker Compose file of the converted services, for running them locally";
    }

    @Override
    public List<Emitter> emitters() {
        return emitters;
    }
}
