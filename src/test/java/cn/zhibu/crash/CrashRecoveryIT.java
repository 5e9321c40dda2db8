package cn.zhibu.crash;

import static cn.zhibu.testing.ServiceFixtures.branch;
import static cn.zhibu.testing.ServiceFixtures.committee;
import static cn.zhibu.testing.ServiceFixtures.create;
import static cn.zhibu.testing.ServiceFixtures.signInAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.db.EmbeddedDatabase;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Await;
import cn.zhibu.testing.ServiceFixtures;
import cn.zhibu.testing.ServiceFixtures.Member;
import cn.zhibu.testing.ServiceProcess;
import cn.zhibu.testing.ServiceProcess.BusinessTime;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicReference;
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

    private static final int KILLS = Integer.getInteger("zhibu.crash.kills", 10);
    private static final int MEMBERS = 16;
    private static final int MATERIALS = 60;
    private static final int CLIENTS = 12;
    private static final Pattern DB_PORT = Pattern.compile("Embedded PostgreSQL is running on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path root;
    private static Path dataDirectory;
    /** The service on the embedded default in {@link #dataDirectory}, started again on the same ports after a kill. */
    private static ServiceProcess service;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** One check-in a client makes: who, which material, with which key. */
    record Work(Member member, String material, String key) {
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.stop();
        }
        if (root != null) {
            TestFiles.deleteTree(root);
        }
    }

    @Test
    void everyAcknowledgedCheckInSurvivesKillsOfTheServiceAndItsDatabase() throws Exception {
        ServiceProcess.jar();
        root = Files.createTempDirectory("zhibu-crash");
        dataDirectory = root.resolve("data").resolve("postgres");
        Map<String, String> env = ServiceProcess.settings(100000);
        env.put("ZHIBU_EMBEDDED_DB_DIR", dataDirectory.toString());
        service = new ServiceProcess("the service", "crash-recovery", root, env).start();

        // the embedded default flushes: as the service sees it on its own connection, and as the server answers
        String durability = "Database durability: fsync=on, synchronous_commit=on, full_page_writes=on";
        assertTrue(Files.readString(service.log()).contains(durability), "the start-up line says: " + durability);
        assertEquals(List.of("on", "on", "on"), rows("select current_setting('fsync') union all "
                + "select current_setting('synchronous_commit') union all select current_setting('full_page_writes')"));

        String admin = signInAdmin(service, service);
        String branch = branch(service, admin, committee(service, admin));
        BusinessTime time = service.businessTime(); // the service's today, not the test's
        service.api(admin).body(Map.of("unitId", branch, "activityType", "CHECK_IN", "effectiveFrom",
                time.date().toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < MATERIALS; i++) {
            materials.add(create(service, admin, "/v1/study-materials", StudyFixtures.materialBody(branch,
                    time.now())));
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(ServiceFixtures.member(service, service, admin, branch, i));
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
            // chaos on purpose: the kill comes at a random moment of the load, whatever is in flight then
            Thread.sleep(ThreadLocalRandom.current().nextLong(500, 2500));
            killAll();
            service.start();
        }
        int beforeLastStart = acknowledged.size();
        Await.until("a check-in acknowledged after the last start", Duration.ofSeconds(60),
                () -> acknowledged.size() > beforeLastStart || queue.isEmpty());
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
        String week = service.api(admin).get("/v1/meta").then().statusCode(200).extract().path("isoWeek");
        AtomicReference<String> check = new AtomicReference<>("");
        Await.value("standings equal the ledger", Duration.ofSeconds(60), () -> {
            Response answer = service.api(admin).get("/v1/leaderboards/weeks/" + week + "/check");
            check.set(answer.statusCode() + " " + answer.asString());
            return answer;
        }, answer -> answer.statusCode() == 200 && Boolean.TRUE.equals(answer.path("consistent"))
                && ((Number) answer.path("pendingEntries")).longValue() == 0, () -> check.get());
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
                        Thread.sleep(100); // not ready yet, or busy: again, until the deadline above
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
                // busy (409), not ready (503), or an answer cut by the kill: again with the key, until the deadline
                // (past it, a problem the test reports); the pauses spare a machine the service is starting on
                Thread.sleep(100);
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
        return HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + member.accessToken()).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /**
     * SIGKILL to the service, its children and every PostgreSQL process of the data directory (the postmaster is
     * not a descendant of the service: pg_ctl starts it in a session of its own), all at once.
     */
    private static void killAll() throws Exception {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(service.process().toHandle());
        service.process().descendants().forEach(victims::add);
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

    /** The embedded server of the current start, as its log line names it. */
    private static Connection connect() throws Exception {
        Matcher found = DB_PORT.matcher(Files.readString(service.log()));
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
}
