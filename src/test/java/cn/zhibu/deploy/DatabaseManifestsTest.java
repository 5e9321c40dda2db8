package cn.zhibu.deploy;

import static cn.zhibu.deploy.ManifestsTest.assertNoProblems;
import static cn.zhibu.deploy.ManifestsTest.overlays;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The database of every overlay (see {@link ManifestsTest}): one replicated, backed-up CloudNativePG Cluster with
 * room for every pod's pool, and two roles: migrations as the owner of the database (the Secret CloudNativePG
 * generates), the service as a managed role that owns nothing.
 */
@QuarkusTest
class DatabaseManifestsTest {

    /** Database connections kept free for the operator, the exporter and a person with psql. */
    static final int SPARE_CONNECTIONS = 10;

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+).*");

    @Test
    void theDatasourceIsAReplicatedBackedUpCluster() {
        int defaultPool = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.max-size", Integer.class)
                .orElse(20);
        List<String> problems = new ArrayList<>();
        for (RenderedOverlay overlay : overlays()) {
            List<JsonNode> clusters = overlay.ofKind("Cluster").toList();
            if (clusters.size() != 1) {
                problems.add("overlay " + overlay.name() + ": " + clusters.size() + " CloudNativePG Clusters, not 1");
                continue;
            }
            JsonNode cluster = clusters.get(0);
            String name = cluster.path("metadata").path("name").asText();
            JsonNode spec = cluster.path("spec");
            int leastInstances = "production".equals(overlay.name()) ? 3 : 2;
            if (spec.path("instances").asInt(1) < leastInstances) {
                problems.add(overlay.at(cluster) + ": " + spec.path("instances").asInt(1) + " instances, at least "
                        + leastInstances);
            }
            if (!spec.path("affinity").path("enablePodAntiAffinity").asBoolean(false)
                    || !"required".equals(spec.path("affinity").path("podAntiAffinityType").asText())) {
                problems.add(overlay.at(cluster) + ": instances may share a node (podAntiAffinityType required)");
            }
            JsonNode store = spec.path("backup").path("barmanObjectStore");
            if (store.path("destinationPath").asText("").isBlank() || spec.path("backup").path("retentionPolicy")
                    .asText("").isBlank()) {
                problems.add(overlay.at(cluster) + ": no backup (barmanObjectStore destinationPath, retentionPolicy)");
            }
            for (String secret : store.path("s3Credentials").findValuesAsText("name")) {
                if (PodEnvironment.secretKeys(overlay, secret).isEmpty()) {
                    problems.add(overlay.at(cluster) + ": backup credentials " + secret + " have no template");
                }
            }
            if (overlay.ofKind("ScheduledBackup")
                    .noneMatch(b -> name.equals(b.path("spec").path("cluster").path("name").asText()))) {
                problems.add(overlay.at(cluster) + ": no ScheduledBackup");
            }
            String database = spec.path("bootstrap").path("initdb").path("database").asText("app");
            int maxConnections = Integer.parseInt(spec.path("postgresql").path("parameters")
                    .path("max_connections").asText("100"));
            for (JsonNode deployment : overlay.ofKind("Deployment").toList()) {
                for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                    String where = overlay.at(deployment) + ", container " + container.path("name").asText();
                    Map<String, String> env = PodEnvironment.of(overlay, container, where, new ArrayList<>());
                    Matcher url = JDBC_URL.matcher(String.valueOf(env.get("QUARKUS_DATASOURCE_JDBC_URL")));
                    if (!url.matches() || !(url.group(1).equals(name + "-rw") || url.group(1).startsWith(name + "-rw."))
                            || !database.equals(url.group(3))) {
                        problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + env.get("QUARKUS_DATASOURCE_JDBC_URL")
                                + " is not database " + database + " on " + name + "-rw");
                    }
                    checkRoles(overlay, cluster, container, where, problems);
                    int pool = Optional.ofNullable(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")).map(Integer::parseInt)
                            .orElse(defaultPool);
                    int pods = K8sObjects.autoscaler(overlay, deployment)
                            .map(h -> h.path("spec").path("maxReplicas").asInt())
                            .orElse(deployment.path("spec").path("replicas").asInt(1))
                            + deployment.path("spec").path("strategy").path("rollingUpdate").path("maxSurge").asInt(1);
                    if (pods * pool + SPARE_CONNECTIONS > maxConnections) {
                        problems.add(where + ": " + pods + " pods x " + pool + " connections + " + SPARE_CONNECTIONS
                                + " spare exceed max_connections " + maxConnections + " of " + overlay.at(cluster));
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    /**
     * Migrations as the owner (the Secret {@code <cluster>-app}); the service as a role of the cluster's
     * {@code managed.roles} that logs in and can do nothing else, from that role's password Secret.
     */
    private static void checkRoles(RenderedOverlay overlay, JsonNode cluster, JsonNode container, String where,
            List<String> problems) {
        String owner = cluster.path("metadata").path("name").asText() + "-app";
        for (String variable : List.of("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD")) {
            if (!owner.equals(secretOf(container, variable))) {
                problems.add(where + ": " + variable + " does not come from " + owner + " (the owner runs migrations)");
            }
        }
        String service = secretOf(container, "QUARKUS_DATASOURCE_USERNAME");
        if (!service.equals(secretOf(container, "QUARKUS_DATASOURCE_PASSWORD")) || service.equals(owner)) {
            problems.add(where + ": QUARKUS_DATASOURCE_USERNAME and _PASSWORD do not come from one Secret of a role "
                    + "other than the owner");
        }
        Optional<JsonNode> role = java.util.stream.StreamSupport.stream(cluster.path("spec").path("managed")
                .path("roles").spliterator(), false)
                .filter(r -> service.equals(r.path("passwordSecret").path("name").asText())).findFirst();
        if (role.isEmpty()) {
            problems.add(where + ": the service's Secret " + service + " is no managed role's password of "
                    + overlay.at(cluster));
            return;
        }
        JsonNode r = role.get();
        if (!r.path("login").asBoolean(false) || !"present".equals(r.path("ensure").asText("present"))) {
            problems.add(where + ": the service's role " + r.path("name").asText() + " cannot log in");
        }
        for (String right : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
            if (r.path(right).asBoolean(false)) {
                problems.add(where + ": the service's role " + r.path("name").asText() + " has " + right);
            }
        }
        PodEnvironment.secretTemplates().stream()
                .filter(s -> service.equals(s.path("metadata").path("name").asText())).findFirst()
                .map(s -> RenderedOverlay.secretValues(s).get("username"))
                .filter(username -> !username.equals(r.path("name").asText()))
                .ifPresent(username -> problems.add(where + ": Secret " + service + " names the role " + username
                        + ", not " + r.path("name").asText()));
    }

    private static String secretOf(JsonNode container, String variable) {
        for (JsonNode entry : container.path("env")) {
            if (variable.equals(entry.path("name").asText())) {
                return entry.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        return "";
    }
}
