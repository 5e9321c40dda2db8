package cn.zhibu.crash;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.db.EmbeddedDatabase;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on the embedded default (a fresh data directory, no JDBC URL), killed with its database as a
 * machine's or a container's death kills them: many clients check in with unique Idempotency-Keys while, at random
 * moments, the service and every PostgreSQL process are killed with SIGKILL together, at least {@value #KILLS}
 * times, and the service is started again on the same directory (by itself: no person clears anything). Every request
 * that got no answer is sent again with its key until it is answered. Then every acknowledged check-in is stored
 * exactly once, each key made one check-in and replays it, and the standings equal the ledger. Runs after packaging
 * ({@code ./mvnw verify}, about two minutes); alone, after {@code ./mvnw package -DskipTests}:
 * {@code ./mvnw test-compile failsafe:integration-test failsafe:verify -Dit.test=CrashRecoveryIT}
 * ({@code -Dzhibu.crash.kills=N} for more kills).
 */
class CrashRecoveryIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ADMIN_PASSWORD = "first-admin-Passw0rd!";
    private static final String NEW_PASSWORD = "a-long-and-new-Passw0rd!";
    private static final int KILLS = Integer.getInteger("zhibu.crash.kills", 10);
    private static final int MEMBERS = 16;
    private static final int MATERIALS = 60;
    private static final int CLIENTS = 12;
    private static final Pattern DB_PORT = Pattern.compile("Embedded PostgreSQL is running on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path root;
    private static Path dataDirectory;
    private static Path log;
    private static int port;
    /** The management interface's (health, metrics): a port of its own. */
    private static int managementPort;
    private static volatile Process service;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** A member of the branch and their access token. */
    record Member(String personId, String accessToken) {
    }

    /** One check-in a client makes: who, which material, with which key. */
    record Work(Member member, String material, String key) {
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
        if (root != null) {
            TestFiles.deleteTree(root);
        }
    }

    @Test
    void everyAcknowledgedCheckInSurvivesKillsOfTheServiceAndItsDatabase() throws Exception {
        Path jar = Path.of(System.getProperty("zhibu.runnable-jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(jar), jar + " is missing: package the service first (./mvnw package -DskipTests)");
        root = Files.createTempDirectory("zhibu-crash");
        dataDirectory = root.resolve("data").resolve("postgres");
        log = Path.of("target", "crash-recovery.log").toAbsolutePath();
        Files.deleteIfExists(log);
        port = freePort();
        managementPort = freePort();
        start(jar);

        // the embedded default flushes: as the service sees it on its own connection, and as the server answers
        String durability = "Database durability: fsync=on, synchronous_commit=on, full_page_writes=on";
        assertTrue(Files.readString(log).contains(durability), "the start-up line says: " + durability);
        assertEquals(List.of("on", "on", "on"), rows("select current_setting('fsync') union all "
                + "select current_setting('synchronous_commit') union all select current_setting('full_page_writes')"));

        String admin = signInAdmin();
        String committee = create(admin, "/v1/org-units", Map.of("kind", "COMMITTEE", "name", "示范区委组织部",
                "shortName", "区委组织部"));
        String branch = create(admin, "/v1/org-units", Map.of("kind", "BRANCH", "name", "机关党支部",
                "shortName", "机关党支部", "parentId", committee));
        api(admin).body(Map.of("unitId", branch, "activityType", "CHECK_IN", "effectiveFrom",
                LocalDate.now(ZONE).toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < MATERIALS; i++) {
            materials.add(create(admin, "/v1/study-materials", StudyFixtures.materialBody(branch)));
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(member(admin, branch, i));
        }
        ConcurrentLinkedQueue<Work> queue = new ConcurrentLinkedQueue<>();
        List<Work> all = new ArrayList<>();
        for (Member member : members) {
            for (String material : materials) {
                all.add(new Work(member, material, UUID.randomUUID().toString()));
            }
        }
        Collections.shuffle(all);
        queue.addAll(all);

        // clients check in while the service and its database are killed at random moments
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> check-in id
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger retried = new AtomicInteger(); // keys sent more than once
        AtomicInteger unanswered = new AtomicInteger();
        AtomicBoolean killing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> work = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            work.add(clients.submit(() -> {
                Work next;
                while (killing.get() && (next = queue.poll()) != null) {
                    checkIn(next, acknowledged, problems, retried, unanswered);
                }
                return null;
            }));
        }
        int kills = 0;
        for (; kills < KILLS; kills++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(500, 2500));
            killAll();
            start(jar);
        }
        Thread.sleep(1000);
        killing.set(false); // the clients finish the check-in in hand, retried until answered
        for (Future<?> done : work) {
            done.get();
        }
        clients.shutdown();
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        assertEquals(List.of(), problems);

        // every acknowledged check-in is stored once, credited once; nothing stored that no key acknowledged
        Map<String, String> stored = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id, person_id || '|' || material_id from check_in")) {
            while (r.next()) {
                stored.put(r.getString(1), r.getString(2));
            }
        }
        List<String> lost = acknowledged.entrySet().stream().filter(e -> !stored.containsKey(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), lost, "acknowledged check-ins missing after the kills");
        assertEquals(acknowledged.size(), new java.util.HashSet<>(acknowledged.values()).size(),
                "each key made its own check-in");
        assertEquals(acknowledged.size(), stored.size(), "one check-in per key, none without an acknowledged key");
        assertEquals(List.of(), rows("select source_id || ' x' || count(*) from ledger_entry where source_type = "
                + "'CHECK_IN' group by source_id having count(*) <> 1"), "each check-in credited once");
        long credited = single("select count(*) from check_in where status = 'CREDITED'");
        assertEquals(credited, single("select count(*) from ledger_entry where source_type = 'CHECK_IN'"),
                "a ledger entry per credited check-in");

        // a key whose check-in committed replays it, whatever was killed in between
        List<Map.Entry<String, String>> sample = new ArrayList<>(acknowledged.entrySet());
        Collections.shuffle(sample);
        Map<String, Work> byKey = new HashMap<>();
        all.forEach(w -> byKey.put(w.key(), w));
        int replayed = 0;
        for (Map.Entry<String, String> made : sample.subList(0, Math.min(100, sample.size()))) {
            HttpResponse<String> again = post(byKey.get(made.getKey()));
            assertEquals(201, again.statusCode(), again.body());
            assertEquals(made.getValue(), JSON.readTree(again.body()).path("checkIn").path("id").asText());
            assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
            replayed++;
        }

        // the standings equal the ledger once they have caught up
        String week = api(admin).get("/v1/meta").then().statusCode(200).extract().path("isoWeek");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Boolean consistent = false;
        String check = "";
        while (!Boolean.TRUE.equals(consistent) && System.nanoTime() < deadline) {
            io.restassured.response.Response answer = api(admin).get("/v1/leaderboards/weeks/" + week + "/check");
            check = answer.asString();
            consistent = answer.statusCode() == 200 && Boolean.TRUE.equals(answer.path("consistent"))
                    && ((Number) answer.path("pendingEntries")).longValue() == 0;
            if (!Boolean.TRUE.equals(consistent)) {
                Thread.sleep(500);
            }
        }
        assertTrue(Boolean.TRUE.equals(consistent), "standings equal the ledger within 60 s: " + check);
        assertEquals(single("select count(*) from ledger_entry"), single("select applied from standings_position"),
                "every ledger entry taken into the standings exactly once, across the kills");

        Path serverLog = dataDirectory.resolve(EmbeddedDatabase.SERVER_LOG);
        Files.copy(serverLog, Path.of("target", "crash-recovery-postgres.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long recoveries = Files.readAllLines(serverLog).stream()
                .filter(l -> l.contains("database system was interrupted")).count();
        assertEquals(kills, recoveries, "PostgreSQL recovered from its write-ahead log after each kill");
        System.out.printf("Crash recovery: %d kills of the service with its PostgreSQL in %d s, %d recoveries from the "
                + "write-ahead log; %d check-ins acknowledged, %d keys sent again (%d requests cut by a kill), "
                + "%d stored (%d credited), %d replayed after the kills; standings consistent with the "
                + "ledger%n", kills, seconds, recoveries, acknowledged.size(), retried.get(), unanswered.get(),
                stored.size(), credited, replayed);
    }

    /** Opens the material, then checks in with the work's key until the service answers 201. */
    private static void checkIn(Work work, Map<String, String> acknowledged, List<String> problems,
            AtomicInteger retried, AtomicInteger unanswered) throws InterruptedException {
        boolean opened = false;
        int attempts = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (!opened) {
                    HttpResponse<String> open = HTTP.send(request(work.member(), "/v1/study-materials/"
                            + work.material() + "/open").POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    opened = open.statusCode() == 200;
                    if (!opened) {
                        Thread.sleep(100);
                    }
                    continue;
                }
                if (attempts++ == 1) {
                    retried.incrementAndGet();
                }
                HttpResponse<String> answer = post(work);
                if (answer.statusCode() == 201) {
                    acknowledged.put(work.key(), JSON.readTree(answer.body()).path("checkIn").path("id").asText());
                    return;
                }
                JsonNode body = answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
                if (answer.statusCode() == 409 && "CHECK_IN_EXISTS".equals(body.path("code").asText())) {
                    problems.add("key " + work.key() + " answered CHECK_IN_EXISTS instead of its replay: "
                            + answer.body());
                    return;
                }
                Thread.sleep(100); // busy (409), not ready (503), or an answer cut by the kill: again with the key
            } catch (java.net.ConnectException down) {
                Thread.sleep(200); // killed, not started again yet
            } catch (IOException cut) {
                if (opened && attempts > 0) {
                    unanswered.incrementAndGet(); // sent, and the answer was lost in the kill
                }
                Thread.sleep(200);
            }
        }
        problems.add("key " + work.key() + " got no 201 in 2 minutes");
    }

    private static HttpResponse<String> post(Work work) throws IOException, InterruptedException {
        return HTTP.send(request(work.member(), "/v1/check-ins").header("Idempotency-Key", work.key())
                .POST(HttpRequest.BodyPublishers.ofString("{\"materialId\":\"" + work.material() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(Member member, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + member.accessToken()).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /** Starts the packaged service on the embedded default in {@link #dataDirectory}; waits until it is ready. */
    private static void start(Path jar) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort, "-Dzhibu.embedded-db.dir=" + dataDirectory, "-jar",
                jar.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        log.toFile()));
        builder.environment().put("ZHIBU_ADMIN_INITIAL_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("ZHIBU_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000");
        builder.environment().put("ZHIBU_CHECK_INS_BURST_COUNT", "100000");
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        service = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped:\n" + tail());
            }
            try {
                if (given().baseUri("http://localhost:" + managementPort).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListening) { // RestAssured throws ConnectException unchecked
                // not yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service was not ready in 3 minutes:\n" + tail());
    }

    /**
     * SIGKILL to the service, its children and every PostgreSQL process of the data directory (the postmaster is
     * not a descendant of the service: pg_ctl starts it in a session of its own), all at once.
     */
    private static void killAll() throws Exception {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(service.toHandle());
        service.descendants().forEach(victims::add);
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle.of(postmaster).ifPresent(p -> {
            victims.add(p);
            p.descendants().forEach(victims::add);
        });
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            try {
                victim.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillThere) {
                // ended but not collected yet by its parent: it holds nothing
            }
        }
    }

    private static String signInAdmin() {
        String once = api().body(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .post("/v1/sessions/password").then().statusCode(200).extract().path("accessToken");
        api(once).body(Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/v1/me/password").then().statusCode(204);
        return api().body(Map.of("username", "admin", "password", NEW_PASSWORD)).post("/v1/sessions/password")
                .then().statusCode(200).extract().path("accessToken");
    }

    private static Member member(String admin, String branch, int i) {
        String personId = create(admin, "/v1/people", OrgFixtures.personBody("党员" + (char) ('甲' + i), branch));
        String username = "member" + i;
        String oneTime = api(admin).body(Map.of("username", username, "personId", personId)).post("/v1/accounts")
                .then().statusCode(201).extract().path("oneTimePassword");
        String first = api().body(Map.of("username", username, "password", oneTime)).post("/v1/sessions/password")
                .then().statusCode(200).extract().path("accessToken");
        api(first).body(Map.of("currentPassword", oneTime, "newPassword", NEW_PASSWORD)).post("/v1/me/password")
                .then().statusCode(204);
        String token = api().body(Map.of("username", username, "password", NEW_PASSWORD))
                .post("/v1/sessions/password").then().statusCode(200).extract().path("accessToken");
        return new Member(personId, token);
    }


    private static RequestSpecification api() {
        return given().baseUri("http://localhost:" + port).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static RequestSpecification api(String token) {
        return api().auth().oauth2(token);
    }

    private static String create(String token, String path, Map<String, Object> body) {
        String id = api(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path)
                .then().statusCode(201).extract().path("id");
        assertNotNull(id, path);
        return id;
    }

    /** The embedded server of the current start, as its log line names it. */
    private static Connection connect() throws Exception {
        Matcher found = DB_PORT.matcher(Files.readString(log));
        String dbPort = null;
        while (found.find()) {
            dbPort = found.group(1);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/" + EmbeddedDatabase.DATABASE,
                EmbeddedDatabase.USER, "");
    }

    private static long single(String sql) throws Exception {
        return Sql.single(connect(), sql);
    }

    private static List<String> rows(String sql) throws Exception {
        return Sql.rows(connect(), sql);
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
