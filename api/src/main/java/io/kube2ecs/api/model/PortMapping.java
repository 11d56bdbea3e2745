package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A container port (ECS {@code portMappings}); with {@code awsvpc} the host port equals the
 * container port. Immutable.
 *
 * @param containerPort the port, 1–65535
 * @param protocol      {@code tcp} or {@code udp}
 * @param name          the port's name (Kubernetes port name), or null; Service Connect needs it
 * @param appProtocol   {@code http}, {@code http2}, {@code grpc}, or null
 */
@Stable
public record PortMapping(int containerPort, String protocol, String name, String appProtocol) {
}
