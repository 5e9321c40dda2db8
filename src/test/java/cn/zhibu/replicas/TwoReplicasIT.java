package cn.zhibu.replicas;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.db.EmbeddedDatabase;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestFiles;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ADMIN_PASSWORD = "first-admin-Passw0rd!";
    private static final String NEW_PASSWORD = "a-long-and-new-Passw0rd!";
    private static final int MEMBERS = 8;
    private static final int MATERIALS = 6;
    private static final int WORKERS = 4;
    private static final int OPERATIONS_PER_WORKER = 60;

    private static Path root;
    private static EmbeddedDatabase database;
    private static final List<Replica> replicas = new ArrayList<>();

    /** One service process: its port, its management interface's (health, metrics) and its log. */
    record Replica(String name, int port, int managementPort, Process process, Path log) {

        RequestSpecification api() {
            return given().baseUri("http://localhost:" + port).contentType(ContentType.JSON).accept(ContentType.JSON);
        }

        RequestSpecification management() {
            return given().baseUri("http://localhost:" + managementPort);
        }

        RequestSpecification api(String token) {
            return api().auth().oauth2(token);
        }
    }

    /** A member: person, user name, and the tokens of their current session. */
    record Member(String personId, String username, String accessToken, String refreshToken) {
    }

    @BeforeAll
    static void startTwoReplicasAtOnce() throws Exception {
        Path jar = Path.of(System.getProperty("zhibu.runnable-jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(jar), jar + " is missing: package the service first (./mvnw package -DskipTests)");
        root = Files.createTempDirectory("zhibu-replicas");
        database = EmbeddedDatabase.startThrowaway(root.resolve("pg"));
        Map<String, String> env = new HashMap<>();
        // two roles, as in production: the replicas as the service's role, their migrations as the owner
        database.datasourceSettings().forEach((name, value) -> env.put(name.toUpperCase(java.util.Locale.ROOT)
                .replace('.', '_').replace('-', '_'), value));
        env.putAll(cn.zhibu.testing.ServiceKeys.environment(root.resolve("checkpoints")));
        env.put("ZHIBU_ADMIN_INITIAL_PASSWORD", ADMIN_PASSWORD);
        env.put("ZHIBU_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000");
        env.put("ZHIBU_CHECK_INS_BURST_COUNT", "1000");
        for (String name : List.of("a", "b")) {
            int port = freePort();
            int managementPort = freePort();
            Path log = Path.of("target", "replica-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + managementPort, "-jar", jar.toString())
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            replicas.add(new Replica(name, port, managementPort, builder.start(), log));
        }
        for (Replica replica : replicas) {
            awaitReady(replica);
        }
    }

    @AfterAll
    static void stop() {
        for (Replica replica : replicas) {
            replica.process().destroy();
        }
        for (Replica replica : replicas) {
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
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        assertEquals(0L, single("select count(*) from org_unit"), "an empty tree at first");
        assertEquals(0L, single("select count(*) from flyway_schema_history where not success"),
                "both replicas migrated the same empty database at once; no migration failed");
        assertEquals(single("select count(distinct version) from flyway_schema_history where version is not null"),
                single("select count(*) from flyway_schema_history where version is not null"),
                "each migration ran once");
        assertEquals(1L, single("select count(*) from role_grant where role = 'ORG_ADMIN' and org_unit_id is null"),
                "one first admin, though both replicas started on an empty database");

        String admin = signInAdmin(a, b);
        String committee = create(a, admin, "/v1/org-units", Map.of("kind", "COMMITTEE", "name", "示范区委组织部",
                "shortName", "区委组织部"));
        String branch = create(b, admin, "/v1/org-units", Map.of("kind", "BRANCH", "name", "机关党支部",
                "shortName", "机关党支部", "parentId", committee));
        String today = LocalDate.now(ZONE).toString();
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
            materials.add(create(i % 2 == 0 ? a : b, admin, "/v1/study-materials", StudyFixtures.materialBody(branch)));
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
                    Replica one = replicas.get(random.nextInt(2));
                    Replica other = one == a ? b : a;
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
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (b.api(admin).get("/v1/leaderboards/weeks/" + week + "/check").then().statusCode(200).extract()
                .<Integer>path("pendingEntries") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
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
        for (Replica replica : replicas) {
            List<Map<String, Object>> items = replica.api(admin).queryParam("limit", 100)
                    .get("/v1/leaderboards/" + branch + "/people").then().statusCode(200).extract().path("items");
            Map<String, Integer> shown = new HashMap<>();
            items.stream().filter(row -> ((Number) row.get("points")).intValue() > 0)
                    .forEach(row -> shown.put((String) row.get("personId"), ((Number) row.get("points")).intValue()));
            assertEquals(ledger, shown, "the board on replica " + replica.name());
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
        for (Replica replica : replicas) {
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

    private static void checkIn(Replica one, Replica other, Member member, int m, String material,
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

    private static String quiz(Replica one, Replica other, Member member, String quiz, String question,
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

    /** Signs in as the first admin (made once by whichever replica came first), changes the one-time password. */
    private static String signInAdmin(Replica a, Replica b) {
        String once = a.api().body(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .post("/v1/sessions/password").then().statusCode(200).extract().path("accessToken");
        b.api(once).body(Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/v1/me/password").then().statusCode(204);
        return b.api().body(Map.of("username", "admin", "password", NEW_PASSWORD)).post("/v1/sessions/password")
                .then().statusCode(200).extract().path("accessToken");
    }

    /** A member of the branch with an account: made on one replica, signed in on the other. */
    private static Member member(Replica one, Replica other, String admin, String branch, int i) {
        Map<String, Object> person = cn.zhibu.testing.OrgFixtures.personBody("党员" + (char) ('甲' + i), branch);
        String personId = create(one, admin, "/v1/people", person);
        String username = "member" + i;
        String oneTime = one.api(admin).body(Map.of("username", username, "personId", personId)).post("/v1/accounts")
                .then().statusCode(201).extract().path("oneTimePassword");
        String first = other.api().body(Map.of("username", username, "password", oneTime))
                .post("/v1/sessions/password").then().statusCode(200).extract().path("accessToken");
        one.api(first).body(Map.of("currentPassword", oneTime, "newPassword", NEW_PASSWORD)).post("/v1/me/password")
                .then().statusCode(204);
        Response session = other.api().body(Map.of("username", username, "password", NEW_PASSWORD))
                .post("/v1/sessions/password");
        session.then().statusCode(200);
        return new Member(personId, username, session.path("accessToken"), session.path("refreshToken"));
    }


    private static String create(Replica replica, String token, String path, Map<String, Object> body) {
        String id = replica.api(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path)
                .then().statusCode(201).extract().path("id");
        assertNotNull(id, path);
        return id;
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

    private static void awaitReady(Replica replica) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!replica.process().isAlive()) {
                throw new IllegalStateException("replica " + replica.name() + " stopped:\n" + tail(replica.log()));
            }
            try {
                if (replica.management().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) { // not listening yet (RestAssured throws ConnectException unchecked)
                if (!(notYet instanceof java.net.ConnectException) && !(notYet instanceof RuntimeException)) {
                    throw notYet;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("replica " + replica.name() + " not ready in 3 minutes:\n" + tail(replica.log()));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
