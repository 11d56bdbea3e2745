package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.HealthCheck;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.ReadinessCheck;
import io.kube2ecs.api.source.SourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.OptionalInt;

/**
 * Probes. The liveness probe becomes the container health check (ECS replaces a task whose
 * essential container turns unhealthy, as the kubelet restarts the container); a startup probe
 * becomes the health check's start period; the readiness probe is kept for a target group's
 * health check, since ECS has no per-container readiness.
 */
final class ProbeMapper {

    private final Diagnostics diagnostics;

    ProbeMapper(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void map(SourceNode container, ContainerDefinition definition) {
        SourceNode liveness = container.get("livenessProbe");
        SourceNode startup = container.get("startupProbe");
        if (liveness.exists()) {
            List<String> command = command(liveness, definition);
            if (command == null) {
                liveness.markConverted(); // reported above: no health check could be built
                startup.markConverted();
            } else {
                int period = seconds(liveness.get("periodSeconds"), 10);
                int interval = clamp(liveness.get("periodSeconds"), period, 5, 300, "interval");
                // Kubernetes' default timeout (1 s) is below the ECS minimum; only a timeout the user wrote is worth a warning
                int timeout = liveness.get("timeoutSeconds").exists()
                        ? clamp(liveness.get("timeoutSeconds"), seconds(liveness.get("timeoutSeconds"), 1), 2, 60, "timeout") : 2;
                int retries = clamp(liveness.get("failureThreshold"), seconds(liveness.get("failureThreshold"), 3), 1, 10, "retries");
                int startPeriod = seconds(liveness.get("initialDelaySeconds"), 0);
                if (startup.exists()) {
                    // the startup probe holds the liveness probe off until it succeeds: at most period * threshold
                    startPeriod = Math.max(startPeriod, seconds(startup.get("initialDelaySeconds"), 0)
                            + seconds(startup.get("periodSeconds"), 10) * seconds(startup.get("failureThreshold"), 3));
                    startup.markConverted();
                }
                SourceNode startAt = startup.exists() ? startup : liveness.get("initialDelaySeconds");
                startPeriod = clamp(startAt, startPeriod, 0, 300, "startPeriod");
                liveness.get("successThreshold").ignore("a liveness probe's success threshold is always 1");
                liveness.get("terminationGracePeriodSeconds").ignore("ECS uses the container's stopTimeout");
                definition.healthCheck(new HealthCheck(command, interval, timeout, retries, startPeriod));
            }
        } else if (startup.exists()) {
            diagnostics.warning(startup, PodCodes.PROBE, "a startup probe without a liveness probe has no ECS equivalent and is not converted",
                    "ECS marks a container healthy without checks; add a livenessProbe to get an ECS health check");
            startup.markConverted();
        }
        SourceNode readiness = container.get("readinessProbe");
        if (readiness.exists()) {
            readiness(readiness, definition);
        }
    }

    private List<String> command(SourceNode probe, ContainerDefinition definition) {
        SourceNode exec = probe.get("exec");
        SourceNode http = probe.get("httpGet");
        SourceNode tcp = probe.get("tcpSocket");
        if (exec.exists()) {
            List<String> command = new ArrayList<>();
            command.add("CMD");
            command.addAll(exec.get("command").asStringList());
            return command;
        }
        if (http.exists()) {
            Integer port = port(http.get("port"), definition);
            if (port == null) {
                return null;
            }
            String scheme = http.get("scheme").asText().orElse("HTTP").toLowerCase(Locale.ROOT);
            String host = http.get("host").asText().orElse("localhost");
            String path = http.get("path").asText().orElse("/");
            StringBuilder curl = new StringBuilder("curl -fsS -o /dev/null");
            if (scheme.equals("https")) {
                curl.append(" -k"); // the kubelet does not verify certificates either
            }
            for (SourceNode header : http.get("httpHeaders").items()) {
                curl.append(" -H ").append(shellQuote(header.get("name").asText().orElse("") + ": "
                        + header.get("value").asText().orElse("")));
            }
            curl.append(' ').append(shellQuote(scheme + "://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path)))
                    .append(" || exit 1");
            diagnostics.warning(http, PodCodes.PROBE, "the HTTP probe becomes a curl command run inside the container",
                    "make sure the image has curl, or replace the health check command with one the image has");
            return List.of("CMD-SHELL", curl.toString());
        }
        if (tcp.exists()) {
            Integer port = port(tcp.get("port"), definition);
            if (port == null) {
                return null;
            }
            tcp.get("host").ignore("the check runs inside the task, against localhost");
            diagnostics.warning(tcp, PodCodes.PROBE, "the TCP probe becomes an nc command run inside the container",
                    "make sure the image has nc (netcat), or replace the health check command");
            return List.of("CMD-SHELL", "nc -z localhost " + port + " || exit 1");
        }
        SourceNode grpc = probe.get("grpc");
        if (grpc.exists()) {
            // the warning covers the whole probe: its timings have nothing to apply to
            diagnostics.warning(probe, PodCodes.PROBE, "gRPC probes have no ECS equivalent; no health check is set",
                    "add grpc_health_probe to the image and set the health check to [\"CMD\", \"/bin/grpc_health_probe\", \"-addr=:"
                            + grpc.get("port").asInt().orElse(0) + "\"]");
            return null;
        }
        diagnostics.warning(probe, PodCodes.PROBE, "probe has no exec, httpGet, tcpSocket or grpc action", null);
        return null;
    }

    private void readiness(SourceNode probe, ContainerDefinition definition) {
        SourceNode http = probe.get("httpGet");
        SourceNode tcp = probe.get("tcpSocket");
        Integer port = http.exists() ? port(http.get("port"), definition) : tcp.exists() ? port(tcp.get("port"), definition) : null;
        if (port == null) {
            if (!http.exists() && !tcp.exists()) {
                probe.ignore("only HTTP and TCP readiness probes can become a load balancer health check");
            }
            return;
        }
        String protocol = http.exists() ? http.get("scheme").asText().orElse("HTTP").toUpperCase(Locale.ROOT) : "TCP";
        String path = http.exists() ? http.get("path").asText().orElse("/") : null;
        http.get("httpHeaders").ignore("load balancer health checks cannot send custom headers");
        http.get("host").ignore("load balancer health checks target the task's IP");
        probe.get("initialDelaySeconds").ignore("target groups start checking at registration; use the service's health check grace period");
        definition.readiness(new ReadinessCheck(protocol, port, path, seconds(probe.get("periodSeconds"), 10),
                seconds(probe.get("timeoutSeconds"), 1), seconds(probe.get("successThreshold"), 1),
                seconds(probe.get("failureThreshold"), 3)));
        diagnostics.info(probe, PodCodes.PROBE, "readiness probe kept for the health check of a load balancer target group;"
                + " ECS has no per-container readiness", null);
    }

    private Integer port(SourceNode port, ContainerDefinition definition) {
        OptionalInt number = port.asInt();
        if (number.isPresent()) {
            return number.getAsInt();
        }
        String name = port.asText().orElse("");
        for (PortMapping mapping : definition.portMappings()) {
            if (name.equals(mapping.name())) {
                return mapping.containerPort();
            }
        }
        diagnostics.error(port, PodCodes.PROBE, "probe port '" + name + "' is not a port of container '" + definition.name() + "'",
                "name one of the container's ports, or give the number");
        return null;
    }

    private static int seconds(SourceNode node, int fallback) {
        return node.asInt().orElse(fallback);
    }

    private int clamp(SourceNode node, int value, int min, int max, String field) {
        int clamped = Math.max(min, Math.min(max, value));
        if (clamped != value) {
            diagnostics.warning(node, PodCodes.CLAMPED, "health check " + field + " " + value + " is outside the ECS range "
                    + min + "–" + max + "; " + clamped + " is used", null);
        }
        return clamped;
    }

    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

}
