package cn.zhibu.replicas;

import static cn.zhibu.testing.ServiceFixtures.branch;
import static cn.zhibu.testing.ServiceFixtures.committee;
import static cn.zhibu.testing.ServiceFixtures.create;
import static cn.zhibu.testing.ServiceFixtures.member;
import static cn.zhibu.testing.ServiceFixtures.signInAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.db.EmbeddedDatabase;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Await;
import cn.zhibu.testing.ServiceFixtures.Member;
import cn.zhibu.testing.ServiceKeys;
import cn.zhibu.testing.ServiceProcess;
import cn.zhibu.testing.ServiceProcess.BusinessTime;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestFiles;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two processes of the packaged service on one PostgreSQL, started at the same moment on an empty database (both
 * migrate it), driven through both at random: check-ins and quiz submissions, some retried with the same
 * Idempotency-Key on the other replica, board reads; a sign-out on one and the refresh token used on the other; both
 * racing to publish the week. Then: no credit twice, no acknowledged write lost, one snapshot, revoked tokens refused
 * everywhere. Runs after packaging ({@code ./mvnw verify}); alone: see the README.
 */
class TwoReplicasIT {

    private static final int MEMBERS = 8;
    private static final int MATERIALS = 6;
    private static final int WORKERS = 4;
    private static final int OPERATIONS_PER_WORKER = 60;

    private static Path root;
    private static EmbeddedDatabase database;
    /** The two service processes, replicas a and b. */
    private static final List<ServiceProcess> replicas = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicasAtOnce() throws Exception {
        ServiceProcess.jar();
        root = Files.createTempDirectory("zhibu-replicas");
        database = EmbeddedDatabase.startThrowaway(root.resolve("pg"));
        Map<String, String> env = ServiceProcess.settings(1000);
        // two roles, as in production: the replicas as the service's role, their migrations as the owner
        database.datasourceSettings().forEach((name, value) -> env.put(name.toUpperCase(Locale.ROOT)
                .replace('.', '_').replace('-', '_'), value));
        env.putAll(ServiceKeys.environment(root.resolve("checkpoints")));
        for (String name : List.of("a", "b")) {
            replicas.add(new ServiceProcess("replica " + name, "replica-" + name, root, env).launch());
        }
        for (ServiceProcess replica : replicas) {
            replica.awaitReady();
        }
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : replicas) {
            replica.process().destroy();
        }
        for (ServiceProcess replica : replicas) {
            try {
                replica.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.close();
        }
        if (root != null) {
            TestFiles.deleteTree(root);
        }
    }

    @Test
    void writesThroughEitherReplicaAreKeptOnceAndSessionsEndEverywhere() throws Exception {
        ServiceProcess a = replicas.get(0);
        ServiceProcess b = replicas.get(1);
        assertEquals(0L, single("select count(*) from org_unit"), "an empty tree at first");
        assertEquals(0L, single("select count(*) from flyway_schema_history where not success"),
                "both replicas migrated the same empty database at once; no migration failed");
        assertEquals(single("select count(distinct version) from flyway_schema_history where version is not null"),
                single("select count(*) from flyway_schema_history where version is not null"),
                "each migration ran once");
        assertEquals(1L, single("select count(*) from role_grant where role = 'ORG_ADMIN' and org_unit_id is null"),
                "one first admin, though both replicas started on an empty database");

        String admin = signInAdmin(a, b);
        String committee = committee(a, admin);
        String branch = branch(b, admin, committee);
        a.api(admin).body(Map.of("personBoards", "PUBLISHED", "unitBoards", "PUBLISHED", "weeklyPublication", true))
                .put("/v1/leaderboards/" + committee + "/visibility").then().statusCode(200); // named boards
        BusinessTime time = a.businessTime(); // the service's today, not the test's
        String today = time.date().toString();
        for (Object[] rule : new Object[][] {{"CHECK_IN", 1}, {"QUIZ", 3}, {"QUIZ_FULL_MARKS", 1}}) {
            a.api(admin).body(Map.of("unitId", branch, "activityType", rule[0], "effectiveFrom", today,
                    "points", rule[1])).post("/v1/scoring-rules").then().statusCode(201);
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(member(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, admin, branch, i));
        }
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < MATERIALS; i++) {
            materials.add(create(i % 2 == 0 ? a : b, admin, "/v1/study-materials", StudyFixtures.materialBody(branch,
                    time.now())));
        }
        String question = create(a, admin, "/v1/quiz-questions", Map.of("unitId", branch, "kind", "TRUE_FALSE",
                "text", "党小组会一般每季度召开一次。", "correctKeys", List.of("B"), "explanation", "每月一次。"));
        String quiz = create(b, admin, "/v1/quizzes", Map.of("title", "党章党规知识一测", "unitId", branch,
                "questionIds", List.of(question), "timeLimitSeconds", 300));

        // at random, through both replicas
        Map<String, String> checkIns = new ConcurrentHashMap<>(); // member|material -> the acknowledged check-in
        Map<String, String> attempts = new ConcurrentHashMap<>(); // member -> the submitted attempt
        // member|material -> opened: the first worker opens it; another one waits for that answer before it checks in
        Map<String, Boolean> opened = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            work.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int op = 0; op < OPERATIONS_PER_WORKER; op++) {
                    ServiceProcess one = replicas.get(random.nextInt(2));
                    ServiceProcess other = one == a ? b : a;
                    int m = random.nextInt(MEMBERS);
                    Member member = members.get(m);
                    int dice = random.nextInt(100);
                    if (dice < 50) {
                        String material = materials.get(random.nextInt(MATERIALS));
                        opened.computeIfAbsent(m + "|" + material, k -> {
                            one.api(member.accessToken()).post("/v1/study-materials/" + material + "/open")
                                    .then().statusCode(200);
                            return true;
                        });
                        checkIn(one, other, member, m, material, checkIns, problems, replays, random.nextBoolean());
                    } else if (dice < 65) {
                        if (attempts.putIfAbsent(String.valueOf(m), "") == null) {
                            attempts.put(String.valueOf(m), quiz(one, other, member, quiz, question, problems, replays));
                        }
                    } else {
                        Response board = one.api(member.accessToken()).get("/v1/leaderboards/" + branch + "/people");
                        if (board.statusCode() != 200) {
                            problems.add("board read on " + one.name() + ": " + board.statusCode());
                        }
                        reads.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();
        assertEquals(List.of(), problems);

        // no acknowledged write lost, none credited twice
        for (Map.Entry<String, String> made : checkIns.entrySet()) {
            assertEquals(1L, single("select count(*) from check_in where id = '" + made.getValue()
                    + "' and status = 'CREDITED'"), "check-in " + made.getKey() + " was acknowledged, so it is kept");
            assertEquals(1L, single("select count(*) from ledger_entry where source_type = 'CHECK_IN' and source_id = '"
                    + made.getValue() + "'"), "check-in " + made.getKey() + " credited once");
        }
        assertEquals((long) checkIns.size(), single("select count(*) from check_in"),
                "every check-in stored was acknowledged to its caller");
        long submitted = attempts.values().stream().filter(id -> !id.isEmpty()).count();
        assertEquals(submitted, single("select count(*) from quiz_attempt where submitted_at is not null"));
        assertEquals(List.of(), rows("select source_type || ' ' || source_id || ' ' || activity_type || ' x' || count(*) "
                + "from ledger_entry group by person_id, source_type, source_id, activity_type having count(*) > 1"),
                "no source credited twice");
        long expected = checkIns.size() + submitted * 4;
        assertEquals(expected, single("select coalesce(sum(points), 0) from ledger_entry"),
                "a point per check-in, 3 + 1 per full-marks quiz");

        // both replicas show the same board, equal to the week's ledger, and the standings agree with the ledger
        String week = a.api(admin).get("/v1/meta").then().statusCode(200).extract().path("isoWeek");
        // the standings take the ledger in a moment after (one replica's applier at a time): wait until none is pending
        Await.until("no ledger entry pending for the standings", Duration.ofSeconds(30), () -> b.api(admin)
                .get("/v1/leaderboards/weeks/" + week + "/check").then().statusCode(200).extract()
                .<Integer>path("pendingEntries") == 0);
        b.api(admin).get("/v1/leaderboards/weeks/" + week + "/check").then().statusCode(200)
                .body("consistent", org.hamcrest.Matchers.equalTo(true))
                .body("pendingEntries", org.hamcrest.Matchers.equalTo(0));
        assertEquals(single("select count(*) from ledger_entry"), single("select applied from standings_position"),
                "every ledger entry taken into the standings once, whichever replica's applier took it");
        Map<String, Integer> ledger = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select person_id, sum(points) from ledger_entry where iso_week = '"
                        + week + "' group by 1")) {
            while (rows.next()) {
                ledger.put(rows.getString(1), rows.getInt(2));
            }
        }
        for (ServiceProcess replica : replicas) {
            List<Map<String, Object>> items = replica.api(admin).queryParam("limit", 100)
                    .get("/v1/leaderboards/" + branch + "/people").then().statusCode(200).extract().path("items");
            Map<String, Integer> shown = new HashMap<>();
            items.stream().filter(row -> ((Number) row.get("points")).intValue() > 0)
                    .forEach(row -> shown.put((String) row.get("personId"), ((Number) row.get("points")).intValue()));
            assertEquals(ledger, shown, "the board on " + replica.name());
        }

        // both race to publish the week: one snapshot
        for (String unit : List.of(branch, committee)) {
            List<Response> answers = race(List.of(
                    () -> a.api(admin).post("/v1/leaderboards/" + unit + "/weeks/" + week + "/publish"),
                    () -> b.api(admin).post("/v1/leaderboards/" + unit + "/weeks/" + week + "/publish")));
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 201), statuses, "publishing " + unit + " on both replicas at once");
            assertEquals(answers.get(0).jsonPath().getString("publishedAt"),
                    answers.get(1).jsonPath().getString("publishedAt"), "both answer the same snapshot");
            assertEquals(1L, single("select count(*) from published_week where unit_id = '" + unit + "'"));
        }

        // a session ended on one replica ends on both
        Member leaving = members.get(0);
        a.api(leaving.accessToken()).post("/v1/sessions/sign-out").then().statusCode(204);
        b.api().body(Map.of("refreshToken", leaving.refreshToken())).post("/v1/sessions/refresh").then()
                .statusCode(401);
        for (ServiceProcess replica : replicas) {
            replica.api(leaving.accessToken()).get("/v1/me").then().statusCode(401);
        }
        Member staying = members.get(1);
        String refreshed = b.api().body(Map.of("refreshToken", staying.refreshToken())).post("/v1/sessions/refresh")
                .then().statusCode(200).extract().path("accessToken");
        a.api(refreshed).get("/v1/me").then().statusCode(200);
        a.api().body(Map.of("refreshToken", staying.refreshToken())).post("/v1/sessions/refresh").then()
                .statusCode(401); // a refresh token is used once, on whichever replica

        System.out.printf("Two replicas: %d check-ins, %d quiz submissions, %d idempotent replays on the other replica, "
                + "%d board reads; %d ledger points; 2 units published once each%n", checkIns.size(), submitted,
                replays.get(), reads.get(), expected);
    }

    private static void checkIn(ServiceProcess one, ServiceProcess other, Member member, int m, String material,
            Map<String, String> checkIns, List<String> problems, AtomicInteger replays, boolean retryElsewhere) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("materialId", material);
        Response first = one.api(member.accessToken()).header("Idempotency-Key", key).body(body).post("/v1/check-ins");
        if (first.statusCode() == 201) {
            String id = first.path("checkIn.id");
            String before = checkIns.putIfAbsent(m + "|" + material, id);
            if (before != null) {
                problems.add("a second check-in acknowledged for " + m + "|" + material + ": " + before + ", " + id);
            }
            if (retryElsewhere) { // the client lost the answer and retries on the other replica
                Response again = other.api(member.accessToken()).header("Idempotency-Key", key).body(body)
                        .post("/v1/check-ins");
                if (again.statusCode() != 201 || !id.equals(again.path("checkIn.id"))
                        || !"true".equals(again.header("Idempotent-Replayed"))) {
                    problems.add("replay on " + other.name() + ": " + again.statusCode() + " " + again.asString());
                }
                replays.incrementAndGet();
            }
        } else if (first.statusCode() != 409) { // 409: made before (or a moment ago by another request)
            problems.add("check-in on " + one.name() + ": " + first.statusCode() + " " + first.asString());
        }
    }

    private static String quiz(ServiceProcess one, ServiceProcess other, Member member, String quiz, String question,
            List<String> problems, AtomicInteger replays) {
        Response started = one.api(member.accessToken()).post("/v1/quizzes/" + quiz + "/attempts");
        if (started.statusCode() != 201) {
            problems.add("quiz start on " + one.name() + ": " + started.statusCode() + " " + started.asString());
            return "";
        }
        String attempt = started.path("id");
        String key = UUID.randomUUID().toString();
        Map<String, Object> answers = Map.of("answers", List.of(Map.of("questionId", question, "keys", List.of("B"))));
        // submitted on the other replica, then retried with the same key on the first
        Response submitted = other.api(member.accessToken()).header("Idempotency-Key", key).body(answers)
                .post("/v1/quiz-attempts/" + attempt + "/submission");
        Response again = one.api(member.accessToken()).header("Idempotency-Key", key).body(answers)
                .post("/v1/quiz-attempts/" + attempt + "/submission");
        replays.incrementAndGet();
        if (submitted.statusCode() != 200 || again.statusCode() != 200
                || !"true".equals(again.header("Idempotent-Replayed"))
                || !Integer.valueOf(4).equals(again.path("result.points"))) {
            problems.add("quiz submission: " + submitted.statusCode() + " " + submitted.asString() + " / replay "
                    + again.statusCode() + " " + again.asString());
        }
        return attempt;
    }

    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (Callable<Response> call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> done = new ArrayList<>();
            for (Future<Response> answer : answers) {
                done.add(answer.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long single(String sql) throws SQLException {
        return Sql.single(connect(), sql);
    }

    private static List<String> rows(String sql) throws SQLException {
        return Sql.rows(connect(), sql);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
    }
}
