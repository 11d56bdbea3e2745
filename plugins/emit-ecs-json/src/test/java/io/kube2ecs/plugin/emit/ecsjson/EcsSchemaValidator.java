package io.kube2ecs.plugin.emit.ecsjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Validates ECS JSON against the JSON Schemas generated from botocore's ECS API model
 * ({@code schema/generate_ecs_schema.py}), plus the Fargate CPU/memory table the API model cannot
 * express.
 */
public final class EcsSchemaValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema TASK = load("/ecs-schema/register-task-definition.schema.json");
    private static final JsonSchema SERVICE = load("/ecs-schema/create-service.schema.json");
    private static final JsonSchema RUN_TASK = load("/ecs-schema/run-task.schema.json");
    private static final JsonSchema CREATE_SCHEDULE = load("/ecs-schema/create-schedule.schema.json");

    private EcsSchemaValidator() {
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EcsSchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param json the content of a {@code task-definition.json}
     * @return the problems, empty when valid
     */
    public static List<String> validateTaskDefinition(String json) {
        JsonNode node = parse(json);
        List<String> problems = new java.util.ArrayList<>(messages(TASK.validate(node)));
        int cpu = Integer.parseInt(node.path("cpu").asText("0"));
        int memory = Integer.parseInt(node.path("memory").asText("0"));
        if (io.kube2ecs.api.model.FargateSize.ALL.stream().noneMatch(s -> s.cpu() == cpu && s.memory() == memory)) {
            problems.add("cpu " + cpu + " with memory " + memory + " is not a Fargate size");
        }
        return problems;
    }

    /**
     * @param json the content of a {@code service.json}
     * @return the problems, empty when valid
     */
    public static List<String> validateService(String json) {
        return messages(SERVICE.validate(parse(json)));
    }

    /**
     * @param json the content of a {@code run-task.json}
     * @return the problems, empty when valid
     */
    public static List<String> validateRunTask(String json) {
        return messages(RUN_TASK.validate(parse(json)));
    }

    /**
     * @param json the content of a {@code create-schedule.json}
     * @return the problems against EventBridge Scheduler's CreateSchedule input, empty when valid
     */
    public static List<String> validateCreateSchedule(String json) {
        return messages(CREATE_SCHEDULE.validate(parse(json)));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode("not JSON: " + e.getMessage());
        }
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
