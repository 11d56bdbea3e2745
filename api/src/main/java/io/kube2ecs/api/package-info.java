/**
 * The published contract of kube2ecs: what a plugin may see and use.
 *
 * <ul>
 *   <li>{@link io.kube2ecs.api.spi} — the {@code Plugin} entry point discovered through
 *       {@link java.util.ServiceLoader}, and the kind mappers, emitters and input sources it contributes;</li>
 *   <li>{@link io.kube2ecs.api.source} — read-only, position-aware views of the Kubernetes objects;</li>
 *   <li>{@link io.kube2ecs.api.model} — the target-neutral ECS deployment model that mappers write and
 *       emitters read;</li>
 *   <li>{@link io.kube2ecs.api.diag} — diagnostics with stable codes and source locations.</li>
 * </ul>
 *
 * <p>This module depends on the JDK only. Interfaces evolve by adding default methods, so a plugin
 * compiled against an older API keeps working; {@link io.kube2ecs.api.ApiVersion#CURRENT} tells a
 * plugin which contract it runs on.
 */
package io.kube2ecs.api;
