package cn.zhibu.replicas;

import static cn.zhibu.testing.ServiceFixtures.branch;
import static cn.zhibu.testing.ServiceFixtures.committee;
import static cn.zhibu.testing.ServiceFixtures.create;
import static cn.zhibu.testing.ServiceFixtures.member;
import static cn.zhibu.testing.ServiceFixtures.signInAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.db.EmbeddedDatabase;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Await;
import cn.zhibu.testing.ServiceKeys;
import cn.zhibu.testing.ServiceProcess;
import cn.zhibu.testing.ServiceProcess.BusinessTime;
import cn.zhibu.testing.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged service while clients check in and read: readiness goes DOWN first, requests in flight
 * finish, anything the service can no longer serve is answered 503 {@code SERVICE_BUSY} with Retry-After (never a
 * 500), and then the listener closes (connection refused; a connection accepted in that very moment is reset, and
 * what it sent did not run). Every check-in acknowledged with a 2xx is stored, and no other. Once on a database
 * server of the test's own, which outlives the service, and once on the embedded default, which the service stops
 * last (its data directory is opened again to check). Runs after packaging ({@code ./mvnw verify}); alone: see the
 * README.
 */
class GracefulStopIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;
    private static final int MATERIALS = 80;
    /** How long the service keeps serving with readiness DOWN before it refuses new requests (quarkus.shutdown.delay). */
    private static final Duration DELAY = Duration.ofSeconds(2);
    /** How long the clients keep the service busy before the SIGTERM, on purpose: the stop comes under load. */
    private static final Duration LOAD_BEFORE_STOP = Duration.ofSeconds(2);

    private static Path root;
    private static EmbeddedDatabase database;
    /** The service of the current test; health is on its management interface, a port of its own. */
    private static ServiceProcess service;

    /** One answer (or no answer) as a client saw it; {@code at} in nanoTime. */
    record Outcome(String kind, int status, String code, boolean retryAfter, String checkInId, String key, long at) {
    }

    @BeforeAll
    static void startDatabase() throws Exception {
        root = Files.createTempDirectory("zhibu-stop");
        database = EmbeddedDatabase.startThrowaway(root.resolve("pg"));
    }

    @AfterEach
    void stopService() throws InterruptedException {
        if (service != null) {
            service.kill();
        }
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
        if (root != null) {
            TestFiles.deleteTree(root);
        }
    }

    /** The service on a database server of its own (this test's), which outlives the service. */
    @Test
    void onAConfiguredDatabase() throws Exception {
        startService("configured", Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER, "QUARKUS_DATASOURCE_PASSWORD", ""));
        stopUnderLoad(() -> DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, ""));
    }

    /**
     * The service on the embedded default, which it stops last: what it acknowledged is found in the data directory
     * once the service is gone.
     */
    @Test
    void onTheEmbeddedDefault() throws Exception {
        Path dir = root.resolve("embedded");
        startService("embedded", Map.of("ZHIBU_EMBEDDED_DB_DIR", dir.toString()));
        AtomicReference<EmbeddedDatabase> reopened = new AtomicReference<>();
        try {
            stopUnderLoad(() -> {
                reopened.set(EmbeddedDatabase.start(dir)); // the service stopped it: it starts again on its data
                return DriverManager.getConnection(reopened.get().jdbcUrl(), EmbeddedDatabase.USER, "");
            });
        } finally {
            if (reopened.get() != null) {
                reopened.get().close();
            }
        }
    }

    private static void startService(String name, Map<String, String> database) throws Exception {
        Map<String, String> env = ServiceProcess.settings(1000000);
        env.putAll(database);
        env.putAll(ServiceKeys.environment(root.resolve("checkpoints")));
        env.put("QUARKUS_SHUTDOWN_DELAY", DELAY.toSeconds() + "s");
        service = new ServiceProcess(name, "graceful-stop-" + name, root.resolve(name), env).start();
    }

    /** Opens a connection to the service's database once the service has stopped. */
    interface Afterwards {
        Connection connect() throws SQLException;
    }

    /** Clients check in and read; SIGTERM; count the answers; what was acknowledged is stored, nothing else. */
    private static void stopUnderLoad(Afterwards afterwards) throws Exception {
        String admin = signInAdmin(service, service);
        String branch = branch(service, admin, committee(service, admin));
        BusinessTime time = service.businessTime(); // the service's today, not the test's
        service.api(admin).body(Map.of("unitId", branch, "activityType", "CHECK_IN", "effectiveFrom",
                time.date().toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            tokens.add(member(service, service, admin, branch, i).accessToken());
        }
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < MATERIALS; i++) {
            materials.add(create(service, admin, "/v1/study-materials", StudyFixtures.materialBody(branch,
                    time.now())));
        }

        // clients check in (each its own member, material after material) and read the board
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Long> sigterm = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        long giveUp = started + Duration.ofSeconds(50).toNanos();
        for (int c = 0; c < CLIENTS; c++) {
            String token = tokens.get(c);
            clients.add(pool.submit(() -> {
                int refusedInARow = 0;
                int next = 0; // the next material this member checks in on
                for (int turn = 0; refusedInARow < 3 && System.nanoTime() < giveUp; turn++) {
                    Outcome outcome;
                    if (turn % 3 == 2) {
                        outcome = attempt("GET", "/v1/leaderboards/" + branch + "/people", token, null, null);
                    } else if (next >= MATERIALS) {
                        outcome = attempt("GET", "/v1/me", token, null, null);
                    } else {
                        String material = materials.get(next);
                        outcome = attempt("POST", "/v1/study-materials/" + material + "/open", token, null, null);
                        if (outcome.kind().equals("answer") && outcome.status() / 100 == 2) {
                            outcomes.add(outcome);
                            outcome = attempt("POST", "/v1/check-ins", token, UUID.randomUUID().toString(),
                                    Map.of("materialId", material));
                            if (outcome.checkInId() != null || outcome.kind().equals("dropped")) {
                                next++;
                            }
                        }
                    }
                    outcomes.add(outcome);
                    refusedInARow = outcome.kind().equals("refused") ? refusedInARow + 1 : 0;
                    if (refusedInARow > 0) { // the listener may be closing: three refusals in a row end the client
                        Thread.sleep(50); // a pause between them; the loop ends at giveUp at the latest
                    }
                }
                return null;
            }));
        }

        // readiness, polled (on the management interface) until its listener closes
        AtomicLong firstDown = new AtomicLong();
        AtomicLong firstRefused = new AtomicLong();
        AtomicInteger readyPolls = new AtomicInteger();
        Future<?> readiness = pool.submit(() -> {
            while (System.nanoTime() < giveUp) {
                Outcome ready = attempt("GET", "/q/health/ready", null, null, null);
                readyPolls.incrementAndGet();
                if (sigterm.get() != null && ready.kind().equals("answer") && ready.status() == 503
                        && "DOWN".equals(ready.code()) && firstDown.get() == 0) {
                    firstDown.set(ready.at()); // the health answer itself, not a refusal
                }
                if (ready.kind().equals("refused")) {
                    firstRefused.compareAndSet(0, ready.at());
                    if (!service.process().isAlive()) {
                        return null;
                    }
                }
                // a sample every 20 ms; should giveUp pass with no DOWN or no refusal, the checks below fail
                Thread.sleep(20);
            }
            return null;
        });

        // the load runs before the stop: once a check-in is acknowledged (however slow the machine), and then
        // LOAD_BEFORE_STOP more on purpose, so that the SIGTERM finds requests in flight
        Await.until("a check-in acknowledged under load", Duration.ofSeconds(30),
                () -> {
                    synchronized (outcomes) {
                        return outcomes.stream().anyMatch(o -> o.checkInId() != null);
                    }
                });
        Thread.sleep(LOAD_BEFORE_STOP.toMillis());
        long checkInsBefore;
        synchronized (outcomes) {
            checkInsBefore = outcomes.stream().filter(o -> o.checkInId() != null).count();
        }
        sigterm.set(System.nanoTime());
        assertTrue(service.stop(), "the service stopped within a minute of SIGTERM");
        long exited = System.nanoTime();
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        readiness.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        // count the answers
        long stop = sigterm.get();
        Map<String, Integer> counts = new TreeMap<>();
        AtomicLong firstBusy = new AtomicLong();
        List<Outcome> dropped = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        synchronized (outcomes) {
            for (Outcome o : outcomes) {
                String what = o.kind().equals("answer") ? o.status() + (o.code() == null ? "" : " " + o.code())
                        : o.kind();
                counts.merge(what + (o.at() < stop ? " (before SIGTERM)" : " (after)"), 1, Integer::sum);
                boolean busy = o.kind().equals("answer") && o.status() == 503 && "SERVICE_BUSY".equals(o.code())
                        && o.retryAfter();
                boolean ok = o.kind().equals("answer") && o.status() / 100 == 2;
                boolean refusedAfter = o.kind().equals("refused") && o.at() > stop;
                if (busy) {
                    firstBusy.compareAndSet(0, o.at());
                }
                if (o.kind().equals("dropped")) {
                    dropped.add(o);
                } else if (!ok && !busy && !refusedAfter) {
                    unexpected.add(what + " at " + (o.at() - stop) / 1_000_000 + " ms after SIGTERM");
                }
            }
        }
        List<Outcome> acknowledged = outcomes.stream().filter(o -> o.checkInId() != null).toList();
        long finishedAfterRefusals = outcomes.stream().filter(o -> firstBusy.get() > 0 && o.at() > firstBusy.get()
                && o.kind().equals("answer") && o.status() / 100 == 2).count();
        long checkInsAfter = acknowledged.size() - checkInsBefore;
        System.out.printf("Graceful stop: %s; %d check-ins acknowledged (%d after SIGTERM); readiness DOWN %d ms "
                + "after SIGTERM, listener closed %d ms after SIGTERM, process gone %d ms after SIGTERM (exit %d); "
                + "%d readiness polls; %d answers of 2xx came after the first refusal (in flight then)%n", counts, acknowledged.size(), checkInsAfter,
                firstDown.get() == 0 ? -1 : (firstDown.get() - stop) / 1_000_000,
                firstRefused.get() == 0 ? -1 : (firstRefused.get() - stop) / 1_000_000, (exited - stop) / 1_000_000,
                service.process().exitValue(), readyPolls.get(), finishedAfterRefusals);

        long fiveHundreds = outcomes.stream().filter(o -> o.kind().equals("answer") && o.status() >= 500
                && o.status() != 503).count();
        assertEquals(0, fiveHundreds, "answers of 500 (see " + service.log() + ")");
        assertEquals(List.of(), unexpected, "every answer is a 2xx, a 503 SERVICE_BUSY with Retry-After, or a "
                + "refused connection once the listener closed");
        assertTrue(checkInsBefore > 0, "clients checked in before the stop");
        assertTrue(checkInsAfter > 0, "requests were still served after SIGTERM (readiness DOWN, the delay running)");
        assertTrue(firstDown.get() > 0, "readiness reported DOWN after SIGTERM");
        assertTrue(firstRefused.get() > 0, "the listener closed");
        assertTrue(firstDown.get() < firstRefused.get(), "readiness went DOWN before the listener closed");
        assertFalse(service.process().isAlive());
        for (Outcome o : dropped) { // only as the listener closed: after new requests were refused, nothing ran
            assertTrue(firstBusy.get() > 0 && o.at() > firstBusy.get(), "a connection dropped "
                    + (o.at() - stop) / 1_000_000 + " ms after SIGTERM, before new requests were refused: " + o.code());
        }

        // every acknowledged check-in is stored, and nothing else
        Set<String> stored = ConcurrentHashMap.newKeySet();
        List<String> unanswered = outcomes.stream().filter(o -> o.key() != null && o.checkInId() == null)
                .map(Outcome::key).toList();
        try (Connection c = afterwards.connect(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("select id from check_in")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            for (String key : unanswered) {
                try (ResultSet rows = s.executeQuery("select count(*) from idempotency_record where idempotency_key = '"
                        + key + "'")) {
                    rows.next();
                    assertEquals(0L, rows.getLong(1), "a check-in request that was not acknowledged left nothing");
                }
            }
        }
        for (Outcome o : acknowledged) {
            assertTrue(stored.contains(o.checkInId()), "acknowledged check-in " + o.checkInId() + " is stored");
        }
        assertEquals(acknowledged.size(), stored.size(), "every check-in stored was acknowledged");
        System.out.printf("Graceful stop: %d check-ins stored, all acknowledged; %d check-in requests refused or "
                + "dropped, none stored; %d connections dropped as the listener closed %s%n",
                stored.size(), unanswered.size(), dropped.size(),
                dropped.stream().map(Outcome::code).distinct().toList());
    }

    /** One request on a connection of its own; a refused connection or a dropped one is an outcome too. */
    private static Outcome attempt(String method, String path, String token, String key, Object body) {
        try {
            Answer answer = call(method, path, token, key, body);
            // a problem's code, or a health answer's status
            String code = answer.json() == null ? null : answer.json().has("code") ? answer.json().get("code").asText()
                    : answer.json().has("status") && answer.json().get("status").isTextual()
                    ? answer.json().get("status").asText() : null;
            String checkIn = key != null && answer.status() == 201 ? answer.json().path("checkIn").path("id").asText()
                    : null;
            return new Outcome("answer", answer.status(), code, answer.retryAfter() != null, checkIn, key,
                    System.nanoTime());
        } catch (ConnectException refused) {
            return new Outcome("refused", 0, null, false, null, key, System.nanoTime());
        } catch (IOException dropped) { // a connection accepted as the listener closes is reset unanswered
            return new Outcome("dropped", 0, dropped.getClass().getSimpleName() + ": " + dropped.getMessage(), false,
                    null, key, System.nanoTime());
        }
    }

    record Answer(int status, JsonNode json, String retryAfter) {
    }

    private static Answer call(String method, String path, String token, String key, Object body) throws IOException {
        // health is served on the management interface only
        int to = path.startsWith("/q/") ? service.managementPort() : service.port();
        HttpURLConnection http = (HttpURLConnection) URI.create("http://localhost:" + to + path).toURL()
                .openConnection();
        http.setRequestMethod(method);
        http.setConnectTimeout(5000);
        http.setReadTimeout(60000);
        http.setRequestProperty("Connection", "close");
        http.setRequestProperty("Accept", "application/json");
        if (token != null) {
            http.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (key != null) {
            http.setRequestProperty("Idempotency-Key", key);
        }
        if (body != null || method.equals("POST")) {
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = http.getOutputStream()) {
                out.write(body == null ? new byte[0] : JSON.writeValueAsBytes(body));
            }
        }
        try {
            int status = http.getResponseCode();
            InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            JsonNode json = null;
            if (bytes.length > 0) {
                try {
                    json = JSON.readTree(bytes);
                } catch (IOException notJson) {
                    json = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
                }
            }
            return new Answer(status, json, http.getHeaderField("Retry-After"));
        } finally {
            http.disconnect();
        }
    }
}
