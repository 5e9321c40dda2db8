package cn.zhibu.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.deploy.RenderedOverlay.PodTemplate;
import cn.zhibu.testing.Management;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of k8s/ against the service they deploy: every overlay under
 * k8s/overlays is rendered with {@code kubectl kustomize} (see {@link Kubectl}) and its objects
 * checked; probe and metrics paths are asked of the running service. Each problem names the
 * overlay and the object. Run alone: {@code ./mvnw test -Dtest=ManifestsTest -Dspectral.skip}.
 */
@QuarkusTest
class ManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Path OVERLAYS = K8S.resolve("overlays");
    static final Path CONFIGURATION = Path.of("src", "site", "markdown", "configuration.md");
    static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    /** The overlays there must be (others are checked as well). */
    static final Set<String> REQUIRED_OVERLAYS = Set.of("staging", "production");

    /**
     * What each probe asks. Liveness must not depend on the database (an outage would restart every
     * pod); readiness does, so that a pod without its database takes no requests.
     */
    static final Map<String, String> PROBE_PATHS = Map.of("startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    /**
     * Variables of the base image's start script (run-java.sh of registry.access.redhat.com/
     * ubi9/openjdk-17-runtime, documented with the image): they tune the JVM and are not settings of
     * zhibu, so they are not in the Configuration table.
     */
    static final Set<String> BASE_IMAGE_VARIABLES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "JAVA_MAX_INITIAL_MEM", "JAVA_DIAGNOSTICS", "JAVA_DEBUG", "JAVA_DEBUG_PORT",
            "JAVA_APP_DIR", "JAVA_APP_JAR", "JAVA_LIB_DIR", "JAVA_CLASSPATH", "JAVA_MAIN_CLASS", "JAVA_ARGS",
            "GC_MIN_HEAP_FREE_RATIO", "GC_MAX_HEAP_FREE_RATIO", "GC_TIME_RATIO", "GC_ADAPTIVE_SIZE_POLICY_WEIGHT",
            "GC_METASPACE_SIZE", "GC_MAX_METASPACE_SIZE", "GC_CONTAINER_OPTIONS");

    /** What a templated or rendered secret value must contain: nobody commits a real one. */
    static final String PLACEHOLDER = "REPLACE_ME";

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass", "IngressClass");

    private static List<RenderedOverlay> rendered;
    private final Map<String, Integer> statuses = new HashMap<>();

    /** Every overlay, rendered once per test run. */
    static synchronized List<RenderedOverlay> overlays() {
        if (rendered == null) {
            Kubectl kubectl = Kubectl.find();
            List<RenderedOverlay> all = new ArrayList<>();
            try (Stream<Path> dirs = Files.list(OVERLAYS)) {
                for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted()
                        .toList()) {
                    all.add(RenderedOverlay.parse(dir.getFileName().toString(), kubectl.kustomize(dir)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rendered = List.copyOf(all);
        }
        return rendered;
    }

    @Test
    void overlaysRenderIntoTheirOwnNamespace() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> namespaces = new HashSet<>();
        for (RenderedOverlay overlay : overlays()) {
            names.add(overlay.name());
            Set<String> used = new HashSet<>();
            for (JsonNode object : overlay.objects()) {
                if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    String namespace = object.path("metadata").path("namespace").asText("");
                    used.add(namespace);
                    if (namespace.isEmpty()) {
                        problems.add(overlay.at(object) + ": no namespace");
                    }
                }
            }
            if (used.size() != 1) {
                problems.add("overlay " + overlay.name() + ": objects in several namespaces " + used);
            } else {
                String namespace = used.iterator().next();
                if (overlay.named("Namespace", namespace).isEmpty()) {
                    problems.add("overlay " + overlay.name() + ": renders no Namespace " + namespace);
                }
                if (!namespaces.add(namespace)) {
                    problems.add("overlay " + overlay.name() + ": shares namespace " + namespace + " with another");
                }
            }
            if (overlay.ofKind("Deployment").findAny().isEmpty()) {
                problems.add("overlay " + overlay.name() + ": renders no Deployment");
            }
        }
        for (String required : REQUIRED_OVERLAYS) {
            if (!names.contains(required)) {
                problems.add("overlay " + required + " is missing under " + OVERLAYS);
            }
        }
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                boolean listed = Files.readAllLines(kustomization, StandardCharsets.UTF_8).stream()
                        .anyMatch(line -> !line.trim().startsWith("#") && line.contains(".example.yaml"));
                if (listed) {
                    problems.add(kustomization + " lists a template (*.example.yaml): templates are never applied");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void probesAskServedPathsOnTheManagementPort() {
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            for (PodTemplate pod : longRunning(overlay)) {
                for (JsonNode container : pod.spec().path("containers")) {
                    String where = where(overlay, pod, container);
                    Map<String, String> env = PodEnvironment.of(overlay, container, where, new ArrayList<>());
                    int httpPort = PodEnvironment.httpPort(env);
                    int managementPort = PodEnvironment.managementPort(env);
                    if (!Integer.valueOf(httpPort).equals(K8sObjects.containerPort(container, "http"))) {
                        problems.add(where + ": no container port named http with containerPort " + httpPort
                                + " (quarkus.http.port)");
                    }
                    if (!Integer.valueOf(managementPort).equals(K8sObjects.containerPort(container, "management"))) {
                        problems.add(where + ": no container port named management with containerPort "
                                + managementPort + " (quarkus.management.port: health and metrics)");
                    }
                    PROBE_PATHS.forEach((probe, expected) -> {
                        JsonNode get = container.path(probe).path("httpGet");
                        if (get.isMissingNode()) {
                            problems.add(where + ": no " + probe + " with an HTTP GET of " + expected);
                            return;
                        }
                        String path = get.path("path").asText();
                        if (!expected.equals(path)) {
                            problems.add(where + ": " + probe + " asks " + path + " instead of " + expected);
                        }
                        int status = managementStatus(path);
                        if (status != 200) {
                            problems.add(where + ": " + probe + " asks " + path + ", which answers " + status
                                    + " on the management interface");
                        }
                        JsonNode port = get.path("port");
                        Integer number = port.isTextual() ? K8sObjects.containerPort(container, port.asText()) : null;
                        if (!port.isTextual()) {
                            problems.add(where + ": " + probe + " port " + port + " should name the container port");
                        } else if (number == null || number != managementPort) {
                            problems.add(where + ": " + probe + " port " + port.asText() + " is not the management "
                                    + "port " + managementPort);
                        }
                    });
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void metricsAreScrapedWhereTheServiceServesThem() {
        List<String> problems = new ArrayList<>();
        if (managementStatus("/q/metrics") != 200) {
            problems.add("GET /q/metrics answers " + managementStatus("/q/metrics") + " on the management interface");
        }
        if (status("/q/metrics") != 404) {
            problems.add("GET /q/metrics answers " + status("/q/metrics") + " on the API's port: metrics are for the "
                    + "management interface only");
        }
        for (RenderedOverlay overlay : overlays()) {
            boolean scraped = false;
            for (PodTemplate pod : longRunning(overlay)) {
                JsonNode annotations = pod.metadata().path("annotations");
                if (!"true".equals(annotations.path("prometheus.io/scrape").asText())) {
                    continue;
                }
                scraped = true;
                String path = annotations.path("prometheus.io/path").asText("/metrics");
                if (managementStatus(path) != 200) {
                    problems.add(overlay.at(pod.owner()) + ": prometheus.io/path " + path + " answers "
                            + managementStatus(path) + " on the management interface");
                }
                String port = annotations.path("prometheus.io/port").asText("");
                Set<String> ports = new HashSet<>();
                pod.spec().path("containers").forEach(c -> ports.add(String.valueOf(PodEnvironment.managementPort(
                        PodEnvironment.of(overlay, c, "", new ArrayList<>())))));
                if (!ports.contains(port)) {
                    problems.add(overlay.at(pod.owner()) + ": prometheus.io/port '" + port + "' is not the management "
                            + "port " + ports);
                }
            }
            for (JsonNode monitor : overlay.ofKind("ServiceMonitor").toList()) {
                scraped = true;
                List<JsonNode> services = overlay.ofKind("Service").filter(s -> RenderedOverlay.selects(
                        monitor.path("spec").path("selector"), s.path("metadata").path("labels"))).toList();
                if (services.isEmpty()) {
                    problems.add(overlay.at(monitor) + ": selects no Service");
                }
                for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                    String path = endpoint.path("path").asText("/metrics");
                    if (managementStatus(path) != 200) {
                        problems.add(overlay.at(monitor) + ": path " + path + " answers " + managementStatus(path)
                                + " on the management interface");
                    }
                    for (JsonNode service : services) {
                        String target = K8sObjects.targetPort(service, endpoint.path("port").asText());
                        if (target == null) {
                            problems.add(overlay.at(monitor) + ": port " + endpoint.path("port") + " is not a port of "
                                    + overlay.at(service));
                        } else if (!"management".equals(target)) {
                            problems.add(overlay.at(monitor) + ": port " + endpoint.path("port") + " of "
                                    + overlay.at(service) + " leads to " + target + ", not the management port");
                        }
                    }
                }
            }
            if (!scraped) {
                problems.add("overlay " + overlay.name() + ": nothing asks Prometheus to scrape the API pods");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyEnvironmentVariableIsASetting() {
        Set<String> documented = PodEnvironment.documentedVariables();
        assertTrue(documented.size() > 20 && documented.contains("QUARKUS_DATASOURCE_JDBC_URL"),
                "the Configuration table (src/site/markdown/configuration.md) could not be read: " + documented);
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            for (PodTemplate pod : overlay.podTemplates()) {
                if (pod.spec().path("enableServiceLinks").asBoolean(true)) {
                    problems.add(overlay.at(pod.owner()) + ": enableServiceLinks is not false, so Kubernetes adds "
                            + "variables of its own for every Service (ZHIBU_..._PORT for a Service zhibu-...)");
                }
                for (JsonNode container : pod.containers()) {
                    String where = where(overlay, pod, container);
                    for (String name : PodEnvironment.of(overlay, container, where, problems).keySet()) {
                        if (!documented.contains(name) && !BASE_IMAGE_VARIABLES.contains(name)) {
                            problems.add(where + ": " + name + " is neither in the Configuration table (src/site/markdown/configuration.md) "
                                    + "nor a variable of the base image");
                        }
                    }
                }
            }
        }
        assertNoProblems(problems);
    }


    static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) in k8s/:\n  " + String.join("\n  ", problems));
    }

    /** What the running service answers on the API's port. */
    private int status(String path) {
        return statuses.computeIfAbsent(path, p -> RestAssured.given().redirects().follow(false).get(p).statusCode());
    }

    /** What the running service answers on its management interface (health, metrics). */
    private int managementStatus(String path) {
        return statuses.computeIfAbsent("management:" + path, p -> Management.given().redirects().follow(false).get(path)
                .statusCode());
    }

    static String where(RenderedOverlay overlay, PodTemplate pod, JsonNode container) {
        return overlay.at(pod.owner()) + ", container " + container.path("name").asText();
    }

    /** Pods that serve: Deployments, StatefulSets, DaemonSets (not Jobs). */
    static List<PodTemplate> longRunning(RenderedOverlay overlay) {
        return overlay.podTemplates().stream().filter(p -> Set.of("Deployment", "StatefulSet", "DaemonSet")
                .contains(p.owner().path("kind").asText())).toList();
    }
}
