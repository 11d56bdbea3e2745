package com.example.compose;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Emitter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes {@code compose/docker-compose.yaml}: one Compose service per container of every ECS service,
 * with image, command, environment, ports and the task's CPU and memory as limits. The YAML is
 * written by hand (every string double-quoted) so the plugin needs no library besides the API.
 *
 * <p>Options ({@code --option example-compose.KEY=VALUE} or {@code options.example-compose} in the
 * profile): {@code publish} ({@code true} publishes container ports on the same host ports;
 * default {@code false}, ports are only exposed to the other services).
 */
public final class ComposeEmitter implements Emitter {

    /** A container's secrets cannot be resolved locally and are left out. */
    static final String SECRETS_LEFT_OUT = "COMPOSE001";

    @Override
    public String target() {
        return "compose";
    }

    @Override
    public void emit(DeploymentModel model, EmitContext context) {
        List<EcsService> services = model.all(EcsService.class);
        if (services.isEmpty()) {
            return;
        }
        boolean publish = context.options().flag("publish", false);
        StringBuilder yaml = new StringBuilder("# Written by kube2ecs (example-compose). Run: docker compose up\nservices:\n");
        TreeSet<String> secrets = new TreeSet<>();
        for (EcsService service : services) {
            TaskDefinition task = model.find(service.taskDefinition(), TaskDefinition.class).orElse(null);
            if (task == null) {
                continue;
            }
            for (ContainerDefinition container : task.containers()) {
                String name = task.containers().size() == 1 ? service.serviceName()
                        : service.serviceName() + "-" + container.name();
                yaml.append("  ").append(key(name)).append(":\n");
                yaml.append("    image: ").append(quote(container.image())).append('\n');
                list(yaml, "entrypoint", container.entryPoint());
                list(yaml, "command", container.command());
                if (!container.environment().isEmpty()) {
                    yaml.append("    environment:\n");
                    for (KeyValue variable : container.environment()) {
                        yaml.append("      ").append(quote(variable.name())).append(": ").append(quote(variable.value())).append('\n');
                    }
                }
                if (!container.portMappings().isEmpty()) {
                    yaml.append(publish ? "    ports:\n" : "    expose:\n");
                    for (PortMapping port : container.portMappings()) {
                        String text = port.containerPort() + (publish ? ":" + port.containerPort() : "");
                        yaml.append("      - ").append(quote(text)).append('\n');
                    }
                }
                for (SecretRef secret : container.secrets()) {
                    secrets.add(name + "/" + secret.name());
                }
                yaml.append("    deploy:\n      replicas: ").append(service.desiredCount()).append('\n');
                if (task.containers().size() == 1 && task.cpu() > 0) {
                    String cpus = BigDecimal.valueOf(task.cpu()).divide(BigDecimal.valueOf(1024), 2, RoundingMode.HALF_UP)
                            .stripTrailingZeros().toPlainString();
                    yaml.append("      resources:\n        limits:\n          cpus: ").append(quote(cpus))
                            .append("\n          memory: ").append(quote(task.memory() + "M")).append('\n');
                }
            }
        }
        context.output().write("docker-compose.yaml", yaml.toString());
        if (!secrets.isEmpty()) {
            context.diagnostics().report(new Diagnostic(Severity.WARNING, SECRETS_LEFT_OUT,
                    "secrets are left out of the Compose file: " + String.join(", ", secrets),
                    "add them as environment variables from a local .env file", null, null));
        }
    }

    private static void list(StringBuilder yaml, String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        yaml.append("    ").append(key).append(":\n");
        values.forEach(value -> yaml.append("      - ").append(quote(value)).append('\n'));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
