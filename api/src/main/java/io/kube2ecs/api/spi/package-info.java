/**
 * The service-provider interface: how a plugin jar contributes kind mappers, emitters and input
 * sources.
 *
 * <p>A plugin jar lists exactly one {@link io.kube2ecs.api.spi.Plugin} implementation in
 * {@code META-INF/services/io.kube2ecs.api.spi.Plugin}. The core loads it with
 * {@link java.util.ServiceLoader}, registers what it contributes under its keys (kinds, target ids,
 * source ids) and fails at start-up when two plugins claim the same key without the user choosing
 * one. Plugins never see the core: everything they need reaches them through the context objects
 * here.
 */
package io.kube2ecs.api.spi;
