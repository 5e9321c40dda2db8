package cn.zhibu.deploy;

import static cn.zhibu.deploy.ManifestsTest.DOCKERFILE;
import static cn.zhibu.deploy.ManifestsTest.PLACEHOLDER;
import static cn.zhibu.deploy.ManifestsTest.assertNoProblems;
import static cn.zhibu.deploy.ManifestsTest.longRunning;
import static cn.zhibu.deploy.ManifestsTest.overlays;
import static cn.zhibu.deploy.ManifestsTest.where;

import cn.zhibu.deploy.RenderedOverlay.PodTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The workloads of k8s/ (pods, images, replicas, services, network policies, secrets, the image's Dockerfile): each
 * overlay rendered by {@link ManifestsTest#overlays()}, each problem named by overlay and object.
 */
@QuarkusTest
class WorkloadManifestsTest {

    @Test
    void imagesArePinnedByTag() {
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            for (PodTemplate pod : overlay.podTemplates()) {
                for (JsonNode container : pod.containers()) {
                    K8sObjects.unpinned(container.path("image").asText())
                            .ifPresent(p -> problems.add(where(overlay, pod, container) + ": " + p));
                }
            }
            overlay.ofKind("Cluster").forEach(cluster -> K8sObjects.unpinned(
                    cluster.path("spec").path("imageName").asText())
                    .ifPresent(p -> problems.add(overlay.at(cluster) + ": imageName " + p)));
        }
        assertNoProblems(problems);
    }

    @Test
    void podsRunUnprivilegedOnAReadOnlyRootFilesystem() {
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            for (PodTemplate pod : overlay.podTemplates()) {
                JsonNode podSecurity = pod.spec().path("securityContext");
                if (pod.spec().path("automountServiceAccountToken").asBoolean(true)) {
                    problems.add(overlay.at(pod.owner()) + ": automountServiceAccountToken is not false");
                }
                for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                    if (pod.spec().path(host).asBoolean(false)) {
                        problems.add(overlay.at(pod.owner()) + ": " + host);
                    }
                }
                for (JsonNode container : pod.containers()) {
                    String where = where(overlay, pod, container);
                    JsonNode security = container.path("securityContext");
                    boolean nonRoot = security.path("runAsNonRoot").asBoolean(
                            podSecurity.path("runAsNonRoot").asBoolean(false));
                    long user = security.path("runAsUser").asLong(podSecurity.path("runAsUser").asLong(-1));
                    if (!nonRoot || user == 0) {
                        problems.add(where + ": does not run as non-root (runAsNonRoot, pod or container)");
                    }
                    if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                        problems.add(where + ": readOnlyRootFilesystem is not true");
                    }
                    if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                        problems.add(where + ": allowPrivilegeEscalation is not false");
                    }
                    if (security.path("privileged").asBoolean(false)) {
                        problems.add(where + ": privileged");
                    }
                    List<String> dropped = new ArrayList<>();
                    security.path("capabilities").path("drop").forEach(c -> dropped.add(c.asText()));
                    if (!dropped.contains("ALL") || security.path("capabilities").path("add").size() > 0) {
                        problems.add(where + ": capabilities do not drop ALL (and add none)");
                    }
                    String seccomp = security.path("seccompProfile").path("type")
                            .asText(podSecurity.path("seccompProfile").path("type").asText(""));
                    if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
                        problems.add(where + ": no seccompProfile RuntimeDefault");
                    }
                    if (!K8sObjects.writableTmp(pod, container)) {
                        problems.add(where + ": no emptyDir at /tmp, the only place the JVM and Vert.x may write");
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void replicasAutoscalerAndDisruptionBudgetKeepTwoPodsUp() {
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            for (JsonNode deployment : overlay.ofKind("Deployment").toList()) {
                String where = overlay.at(deployment);
                JsonNode spec = deployment.path("spec");
                Optional<JsonNode> hpa = K8sObjects.autoscaler(overlay, deployment);
                if (hpa.isPresent()) {
                    JsonNode scale = hpa.get().path("spec");
                    if (scale.path("minReplicas").asInt(1) < 2 || scale.path("maxReplicas").asInt(0)
                            < scale.path("minReplicas").asInt(1)) {
                        problems.add(overlay.at(hpa.get()) + ": minReplicas " + scale.path("minReplicas")
                                + " (at least 2), maxReplicas " + scale.path("maxReplicas"));
                    }
                    if (spec.has("replicas")) {
                        problems.add(where + ": sets replicas while " + overlay.at(hpa.get()) + " owns the count; "
                                + "every kubectl apply would scale it back to " + spec.path("replicas"));
                    }
                } else if (spec.path("replicas").asInt(1) < 2) {
                    problems.add(where + ": replicas " + spec.path("replicas").asInt(1)
                            + " and no HorizontalPodAutoscaler: at least 2");
                }
                JsonNode rolling = spec.path("strategy").path("rollingUpdate");
                if (!"RollingUpdate".equals(spec.path("strategy").path("type").asText("RollingUpdate"))
                        || !Set.of("0", "0%").contains(rolling.path("maxUnavailable").asText("25%"))) {
                    problems.add(where + ": not a RollingUpdate with maxUnavailable 0");
                }
                JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
                List<JsonNode> budgets = overlay.ofKind("PodDisruptionBudget")
                        .filter(b -> RenderedOverlay.selects(b.path("spec").path("selector"), labels)).toList();
                if (budgets.isEmpty()) {
                    problems.add(where + ": no PodDisruptionBudget selects its pods");
                }
                int fewest = hpa.map(h -> h.path("spec").path("minReplicas").asInt(1))
                        .orElse(spec.path("replicas").asInt(1));
                for (JsonNode budget : budgets) {
                    JsonNode min = budget.path("spec").path("minAvailable");
                    if (min.isInt() && min.asInt() >= fewest || "100%".equals(min.asText())
                            || "0".equals(budget.path("spec").path("maxUnavailable").asText())) {
                        problems.add(overlay.at(budget) + ": lets no pod of " + fewest + " be drained");
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void serviceAndIngressLeadToTheNamedPort() {
        long maxImport = ConfigProvider.getConfig().getValue("zhibu.import.max-bytes", MemorySize.class)
                .asLongValue();
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            List<PodTemplate> pods = longRunning(overlay);
            for (JsonNode service : overlay.ofKind("Service").toList()) {
                JsonNode selector = service.path("spec").path("selector");
                List<PodTemplate> selected = pods.stream().filter(p -> RenderedOverlay.selects(selector, p.labels()))
                        .toList();
                if (selected.isEmpty()) {
                    problems.add(overlay.at(service) + ": selects no pods of the overlay");
                }
                for (JsonNode port : service.path("spec").path("ports")) {
                    JsonNode target = port.path("targetPort");
                    for (PodTemplate pod : selected) {
                        boolean named = false;
                        for (JsonNode container : pod.spec().path("containers")) {
                            named |= target.isTextual() && K8sObjects.containerPort(container, target.asText()) != null;
                        }
                        if (!named) {
                            problems.add(overlay.at(service) + ": targetPort " + target
                                    + " does not name a container port of " + overlay.at(pod.owner()));
                        }
                    }
                }
            }
            for (JsonNode ingress : overlay.ofKind("Ingress").toList()) {
                Set<String> tlsHosts = new HashSet<>();
                ingress.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    String host = rule.path("host").asText("");
                    if (host.isEmpty() || host.endsWith(".invalid") || !tlsHosts.contains(host)) {
                        problems.add(overlay.at(ingress) + ": host '" + host + "' is not the overlay's own with TLS");
                    }
                    for (JsonNode path : rule.path("http").path("paths")) {
                        JsonNode backend = path.path("backend").path("service");
                        Optional<JsonNode> service = overlay.named("Service", backend.path("name").asText());
                        String port = backend.path("port").has("name") ? backend.path("port").path("name").asText()
                                : backend.path("port").path("number").asText();
                        if (service.isEmpty() || !K8sObjects.servicePortNames(service.get()).contains(port)) {
                            problems.add(overlay.at(ingress) + ": backend " + backend + " is no port of a Service");
                        }
                    }
                }
                String size = ingress.path("metadata").path("annotations")
                        .path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m");
                long bytes = K8sObjects.nginxSize(size);
                if (bytes != 0 && bytes < maxImport) {
                    problems.add(overlay.at(ingress) + ": proxy-body-size " + size + " refuses CSV imports of up to "
                            + maxImport + " bytes (zhibu.import.max-bytes)");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void networkPoliciesFenceTheApiPods() {
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            List<JsonNode> policies = overlay.ofKind("NetworkPolicy").toList();
            Set<String> databases = new HashSet<>();
            overlay.ofKind("Cluster").forEach(c -> databases.add(c.path("metadata").path("name").asText()));
            for (PodTemplate pod : longRunning(overlay)) {
                String where = overlay.at(pod.owner());
                List<JsonNode> own = policies.stream()
                        .filter(p -> RenderedOverlay.selects(p.path("spec").path("podSelector"), pod.labels()))
                        .toList();
                if (own.stream().noneMatch(p -> K8sObjects.types(p).containsAll(Set.of("Ingress", "Egress")))) {
                    problems.add(where + ": no NetworkPolicy selects its pods with policyTypes Ingress and Egress");
                }
                List<JsonNode> egress = new ArrayList<>();
                own.forEach(p -> p.path("spec").path("egress").forEach(egress::add));
                if (egress.stream().noneMatch(rule -> K8sObjects.allowsPort(rule, "UDP", 53))) {
                    problems.add(where + ": its NetworkPolicy lets it reach no DNS server (UDP 53)");
                }
                for (String database : databases) {
                    boolean reaches = egress.stream().anyMatch(rule -> K8sObjects.allowsPort(rule, "TCP", 5432)
                            && rule.path("to").findValuesAsText("cnpg.io/cluster").contains(database));
                    if (!reaches) {
                        problems.add(where + ": its NetworkPolicy lets it reach no pod of Cluster " + database
                                + " on 5432");
                    }
                }
                for (JsonNode policy : policies) {
                    String selected = policy.path("spec").path("podSelector").path("matchLabels")
                            .path("cnpg.io/cluster").asText("");
                    if (databases.contains(selected) && K8sObjects.types(policy).contains("Ingress")) {
                        boolean admits = false;
                        for (JsonNode rule : policy.path("spec").path("ingress")) {
                            for (JsonNode from : rule.path("from")) {
                                admits |= !from.has("namespaceSelector") && !from.has("ipBlock")
                                        && RenderedOverlay.selects(from.path("podSelector"), pod.labels())
                                        && K8sObjects.allowsPort(rule, "TCP", 5432);
                            }
                        }
                        if (!admits) {
                            problems.add(overlay.at(policy) + ": does not let " + where + " in on 5432");
                        }
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void shutdownFitsTheGracePeriod() {
        Duration shutdown = ConfigProvider.getConfig().getOptionalValue("quarkus.shutdown.timeout", Duration.class)
                .orElse(Duration.ZERO)
                // readiness DOWN, still serving, before refusing new requests (none in tests: the production value)
                .plus(ConfigProvider.getConfig().getOptionalValue("%prod.quarkus.shutdown.delay", Duration.class)
                        .orElse(Duration.ZERO));
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            for (PodTemplate pod : longRunning(overlay)) {
                long grace = pod.spec().path("terminationGracePeriodSeconds").asLong(30);
                for (JsonNode container : pod.spec().path("containers")) {
                    JsonNode preStop = container.path("lifecycle").path("preStop");
                    List<String> command = new ArrayList<>();
                    for (JsonNode part : preStop.path("exec").path("command")) {
                        command.add(part.asText());
                    }
                    long sleep = preStop.path("sleep").path("seconds").asLong(
                            command.size() == 2 && command.get(0).endsWith("sleep") ? Long.parseLong(command.get(1))
                                    : -1);
                    String where = where(overlay, pod, container);
                    if (sleep <= 0) {
                        problems.add(where + ": no preStop sleep to let the endpoints drop the pod first");
                    } else if (sleep + shutdown.toSeconds() >= grace) {
                        problems.add(where + ": preStop " + sleep + " s + quarkus.shutdown.delay and timeout "
                                + shutdown.toSeconds() + " s do not fit terminationGracePeriodSeconds " + grace);
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void secretsHoldOnlyPlaceholders() {
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            overlay.ofKind("Secret").forEach(secret -> RenderedOverlay.secretValues(secret).forEach((key, value) -> {
                if (!value.isEmpty() && !value.contains(PLACEHOLDER) && !"username".equals(key)) {
                    problems.add(overlay.at(secret) + ": " + key + " holds something else than " + PLACEHOLDER);
                }
            }));
        }
        List<JsonNode> templates = PodEnvironment.secretTemplates();
        if (templates.isEmpty()) {
            problems.add("no Secret template (k8s/**/*.example.yaml)");
        }
        for (JsonNode secret : templates) {
            RenderedOverlay.secretValues(secret).forEach((key, value) -> {
                // a role's name is no secret (CloudNativePG wants it beside the password)
                if (!value.contains(PLACEHOLDER) && !"username".equals(key)) {
                    problems.add("template Secret " + secret.path("metadata").path("name").asText() + ": " + key
                            + " holds something else than " + PLACEHOLDER);
                }
            });
        }
        assertNoProblems(problems);
    }

    @Test
    void dockerfileRunsAsNonRootFromAPinnedImage() throws IOException {
        List<String> problems = new ArrayList<>();
        String from = null;
        String user = null;
        List<String> exposed = new ArrayList<>();
        for (String line : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
            String[] words = line.trim().split("\\s+");
            switch (words[0].toUpperCase()) {
                case "FROM" -> from = words[1];
                case "USER" -> user = words[1];
                case "EXPOSE" -> exposed.addAll(List.of(words).subList(1, words.length));
                default -> { }
            }
        }
        if (from == null) {
            problems.add(DOCKERFILE + ": no FROM");
        } else {
            K8sObjects.unpinned(from).ifPresent(p -> problems.add(DOCKERFILE + ": base image " + p));
        }
        if (user == null || !user.matches("\\d+(:\\d+)?") || user.matches("0+(:.*)?")) {
            problems.add(DOCKERFILE + ": USER " + user + " is not a numeric non-root user");
        }
        for (int port : new int[] {PodEnvironment.httpPort(Map.of()), PodEnvironment.managementPort(Map.of())}) {
            if (!exposed.contains(String.valueOf(port)) && !exposed.contains(port + "/tcp")) {
                problems.add(DOCKERFILE + ": does not EXPOSE the port " + port);
            }
        }
        assertNoProblems(problems);
    }
}
