package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.plugin.emit.ecsjson.EcsSchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the shared corpus of real public manifests converts through the CLI without a
 * crash or plugin failure, its ECS JSON validates against the ECS API model, and a second run gives
 * byte-identical output. Kinds without a mapper must be diagnostics, never errors.
 */
class CorpusTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCorpusCaseConverts() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(CorpusPaths.corpus())) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        return cases.stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(), () -> check(source)));
    }

    private void check(Path source) throws IOException {
        String name = source.getFileName().toString();
        Path first = dir.resolve(name + "-1");
        Path second = dir.resolve(name + "-2");
        CliRunner.Result run = CliRunner.run(dir, "convert", "-f", source.toString(), "-R", "-o", first.toString());
        CliRunner.Result rerun = CliRunner.run(dir, "convert", "-f", source.toString(), "-R", "-o", second.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("K2E401").doesNotContain("error[");
        assertThat(rerun.err()).isEqualTo(run.err().replace(first.toString(), second.toString()));
        Map<String, String> files = read(first);
        assertThat(read(second)).isEqualTo(files);
        files.forEach((path, content) -> {
            if (path.endsWith("task-definition.json")) {
                assertThat(EcsSchemaValidator.validateTaskDefinition(content)).as(name + " " + path).isEmpty();
            } else if (path.endsWith("service.json")) {
                assertThat(EcsSchemaValidator.validateService(content)).as(name + " " + path).isEmpty();
            } else if (path.endsWith("run-task.json")) {
                assertThat(EcsSchemaValidator.validateRunTask(content)).as(name + " " + path).isEmpty();
            } else if (path.endsWith("create-schedule.json")) {
                assertThat(EcsSchemaValidator.validateCreateSchedule(content)).as(name + " " + path).isEmpty();
            }
        });
    }

    /** Online Boutique: 12 task definitions, each at least as large as its containers' requests and limits together. */
    @org.junit.jupiter.api.Test
    void onlineBoutiqueTasksFitTheirContainers() throws IOException {
        Path out = dir.resolve("boutique");
        CliRunner.Result run = CliRunner.run(dir, "convert", "-f", CorpusPaths.corpus().resolve("online-boutique").toString(),
                "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int tasks = 0;
        for (Map.Entry<String, String> file : read(out).entrySet()) {
            if (!file.getKey().endsWith("task-definition.json")) {
                continue;
            }
            tasks++;
            com.fasterxml.jackson.databind.JsonNode task = json.readTree(file.getValue());
            int cpu = task.get("cpu").asInt();
            int memory = task.get("memory").asInt();
            int cpuSum = 0;
            int memorySum = 0;
            int reservationSum = 0;
            for (com.fasterxml.jackson.databind.JsonNode container : task.get("containerDefinitions")) {
                cpuSum += container.path("cpu").asInt(0);
                memorySum += container.path("memory").asInt(container.path("memoryReservation").asInt(0));
                reservationSum += container.path("memoryReservation").asInt(container.path("memory").asInt(0));
            }
            assertThat(cpuSum).as(file.getKey() + " CPU requests").isLessThanOrEqualTo(cpu).isPositive();
            assertThat(memorySum).as(file.getKey() + " memory limits").isLessThanOrEqualTo(memory).isPositive();
            assertThat(reservationSum).as(file.getKey() + " memory requests").isLessThanOrEqualTo(memory);
        }
        assertThat(tasks).isEqualTo(12);
    }

    static Map<String, String> read(Path root) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
