/**
 * The kube2ecs test kit, for plugin authors and for kube2ecs' own tests: an in-memory pipeline
 * runner ({@link io.kube2ecs.testkit.PipelineRunner}), the golden-file harness
 * ({@link io.kube2ecs.testkit.GoldenHarness}), a stable JSON dump of the deployment model
 * ({@link io.kube2ecs.testkit.ModelDump}, {@link io.kube2ecs.testkit.ModelDumpPlugin}) and
 * sample models for emitters ({@link io.kube2ecs.testkit.SampleModels}). Contract tests a plugin's
 * test class implements are in {@link io.kube2ecs.testkit.contract}.
 *
 * <p>Use it at test scope only: it brings the kube2ecs core, which a plugin jar must not depend on.
 */
package io.kube2ecs.testkit;
