package com.example.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube2ecs.testkit.ModelDumpPlugin;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import org.junit.jupiter.api.Test;

/** Single behaviours, each through the real pipeline with the manifest held in the test. */
class RolloutMapperTest {

    private static RunResult convert(String yaml) {
        return PipelineRunner.of(new RolloutPlugin(), new ModelDumpPlugin()).input("app.yaml", yaml).run();
    }

    @Test
    void canaryKeepsTheEcsControllerAndSaysWhy() {
        RunResult result = convert("""
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers: [{name: web, image: nginx:1.27}]
                  strategy:
                    canary:
                      steps: [{setWeight: 20}]
                """);
        String model = result.file(ModelDumpPlugin.FILE);
        assertTrue(model.contains("\"deploymentController\": \"ECS\""), model);
        assertTrue(result.renderedDiagnostics().contains("app.yaml:9:5: info[K2E202]: field 'spec.strategy.canary' is not "
                + "converted: canary steps have no ECS counterpart"), result.renderedDiagnostics());
    }

    @Test
    void containerWithoutImageIsAnErrorAtItsLine() {
        RunResult result = convert("""
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                """);
        assertTrue(result.hasErrors());
        assertEquals(1, result.withCode(RolloutMapper.INVALID).size(), result.renderedDiagnostics());
        assertEquals(8, result.withCode(RolloutMapper.INVALID).get(0).location().line());
        assertTrue(result.files().isEmpty(), "nothing is written when there are errors");
    }

    @Test
    void environmentFromElsewhereIsLeftOutWithAWarning() {
        RunResult result = convert("""
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          env:
                            - name: PASSWORD
                              valueFrom: {secretKeyRef: {name: db, key: password}}
                """);
        assertEquals("app.yaml:12:15: warning[ROLLOUT003]: environment variable PASSWORD reads its value from "
                + "elsewhere; it is left out (at spec.template.spec.containers[0].env[0].valueFrom)",
                result.renderedDiagnostics().lines().filter(l -> l.contains("ROLLOUT003")).findFirst().orElse(""));
    }
}
