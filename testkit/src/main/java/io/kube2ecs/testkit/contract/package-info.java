/**
 * Contract tests: JUnit 5 interfaces whose default test methods check what kube2ecs expects of
 * every plugin ({@link io.kube2ecs.testkit.contract.PluginContract}), kind mapper
 * ({@link io.kube2ecs.testkit.contract.KindMapperContract}) and emitter
 * ({@link io.kube2ecs.testkit.contract.EmitterContract}). A plugin's test class implements one
 * and supplies the plugin and its fixtures.
 */
package io.kube2ecs.testkit.contract;
