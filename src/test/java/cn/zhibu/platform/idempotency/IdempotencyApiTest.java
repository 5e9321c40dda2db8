package cn.zhibu.platform.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.Await;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestDates;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key semantics over HTTP, with requests really running in parallel. */
@QuarkusTest
class IdempotencyApiTest {

    private static final String DAYS = "/v1/calendar-days";

    @Inject
    MeterRegistry metrics;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IdempotencyStore store;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response post(String caller, String key, Map<String, String> body) {
        return Api.as(caller, Roles.ORG_ADMIN).header(IdempotencyInterceptor.HEADER, key).body(body).post(DAYS);
    }

    private static Map<String, String> day(LocalDate date, String name) {
        return Map.of("date", date.toString(), "kind", "HOLIDAY", "name", name);
    }

    private long storedDays(LocalDate date) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from calendar_day where day = ?")) {
            s.setObject(1, date);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void twentyParallelRequestsWithOneKeyHaveOneEffectAndIdenticalAnswers() throws Exception {
        parallelRequestsWithOneKey(20);
    }

    @Test
    void theSameBodyWithOtherSpacingIsAnotherRequest() throws Exception {
        LocalDate date = TestDates.unique();
        String key = UUID.randomUUID().toString();
        String body = "{\"date\":\"" + date + "\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}";
        Api.as("idem-admin", Roles.ORG_ADMIN).header(IdempotencyInterceptor.HEADER, key).body(body).post(DAYS)
                .then().statusCode(201);
        Api.as("idem-admin", Roles.ORG_ADMIN).header(IdempotencyInterceptor.HEADER, key).body(body).post(DAYS)
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        Api.as("idem-admin", Roles.ORG_ADMIN).header(IdempotencyInterceptor.HEADER, key).body(body + " ").post(DAYS)
                .then().statusCode(422);
    }

    @Test
    void waitingDuplicatesHoldNoDatabaseConnection() throws Exception {
        // While the key is busy, more duplicates wait than the pool has connections (30). Because
        // they wait without one, other requests still get connections, and all duplicates get
        // the one answer once the key is free.
        LocalDate date = TestDates.unique();
        String key = UUID.randomUUID().toString();
        String caller = "subject:https://zhibu.cn|" + TestAccounts.account("idem-admin", null, Roles.ORG_ADMIN);
        int parallel = 45;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, IdempotencyStore.lockId(caller, key));
                s.execute();
            }
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> post("idem-admin", key, day(date, "重阳节"))));
            }
            Await.until("all " + parallel + " duplicates are in flight", Duration.ofSeconds(30),
                    () -> requestsInFlight() >= parallel);
            for (int i = 0; i < 3; i++) {
                Api.as("someone-else", Roles.MEMBER).get(DAYS).then().statusCode(200);
            }
            assertEquals(0, answers.stream().filter(Future::isDone).count(), "the duplicates are still waiting");
            c.rollback();
            Set<String> bodies = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertEquals(201, response.statusCode());
                bodies.add(response.asString());
            }
            assertEquals(1, bodies.size());
            assertEquals(1, storedDays(date));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The HTTP requests the service is answering now. */
    private long requestsInFlight() {
        long active = 0; // a gauge, or a long task timer, depending on the version: either measures the count
        for (Meter meter : metrics.find("http.server.active.requests").meters()) {
            for (Measurement m : meter.measure()) {
                if (m.getStatistic() == Statistic.VALUE || m.getStatistic() == Statistic.ACTIVE_TASKS) {
                    active += (long) m.getValue();
                }
            }
        }
        return active;
    }

    private void parallelRequestsWithOneKey(int parallel) throws Exception {
        LocalDate date = TestDates.unique();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return post("idem-admin", key, day(date, "劳动节"));
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            Set<Integer> statuses = responses.stream().map(Response::statusCode).collect(Collectors.toSet());
            Set<String> bodies = responses.stream().map(Response::asString).collect(Collectors.toSet());
            Set<String> locations = responses.stream().map(r -> r.header("Location")).collect(Collectors.toSet());
            long firsts = responses.stream().filter(r -> "false".equals(r.header("Idempotent-Replayed"))).count();
            assertEquals(Set.of(201), statuses);
            assertEquals(1, bodies.size(), "every answer has the same body");
            assertEquals(1, locations.size());
            assertEquals(1, firsts, "one request did the work, the others were replays");
            assertEquals(1, storedDays(date));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryReplaysTheFirstAnswer() throws Exception {
        LocalDate date = TestDates.unique();
        String key = UUID.randomUUID().toString();
        Response first = post("idem-admin", key, day(date, "清明节"));
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        Response again = post("idem-admin", key, day(date, "清明节"));
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"));
        assertEquals(first.asString(), again.asString());
        assertEquals(1, storedDays(date));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndChangesNothing() throws Exception {
        LocalDate date = TestDates.unique();
        LocalDate other = TestDates.unique();
        String key = UUID.randomUUID().toString();
        post("idem-admin", key, day(date, "端午节")).then().statusCode(201);
        post("idem-admin", key, day(other, "端午节")).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(0, storedDays(other));
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        LocalDate date = TestDates.unique();
        post("idem-admin-a", key, day(date, "中秋节")).then().statusCode(201);
        // another caller with the same key is a new request: it runs, and meets the stored day
        post("idem-admin-b", key, day(date, "中秋节")).then().statusCode(409)
                .body("code", equalTo("CALENDAR_DAY_EXISTS"));
        LocalDate fresh = TestDates.unique();
        post("idem-admin-b", UUID.randomUUID().toString(), day(fresh, "x")).then().statusCode(201);
    }

    @Test
    void aFailedRequestLeavesNoKeySoItsRetryRuns() throws Exception {
        LocalDate date = TestDates.unique();
        String blocker = create(date);
        String key = UUID.randomUUID().toString();
        post("idem-admin", key, day(date, "重试")).then().statusCode(409).body("code", equalTo("CALENDAR_DAY_EXISTS"));
        Api.as("idem-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").delete(DAYS + "/" + blocker)
                .then().statusCode(204);
        post("idem-admin", key, day(date, "重试")).then().statusCode(201).header("Idempotent-Replayed", "false");
        post("idem-admin", key, day(date, "重试")).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    private static String create(LocalDate date) {
        return post("idem-admin", UUID.randomUUID().toString(), day(date, "占用")).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aMissingOrMalformedKeyIsA400() {
        Map<String, String> body = day(TestDates.unique(), "x");
        Api.as("idem-admin", Roles.ORG_ADMIN).body(body).post(DAYS).then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        post("idem-admin", "has spaces in it", body).then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        post("idem-admin", "k".repeat(129), body).then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    }

    @Test
    void whileTheFirstRequestStillRunsTheSecondIsA409() throws Exception {
        String key = UUID.randomUUID().toString();
        LocalDate date = TestDates.unique();
        // hold the key's lock in an open transaction, as a slow first request would
        String caller = "subject:https://zhibu.cn|" + TestAccounts.account("idem-slow", null, Roles.ORG_ADMIN);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, IdempotencyStore.lockId(caller, key));
                s.execute();
            }
            long started = System.nanoTime();
            post("idem-slow", key, day(date, "x")).then().statusCode(409)
                    .body("code", equalTo("IDEMPOTENCY_REQUEST_IN_PROGRESS"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 2_500,
                    "the second request waits for the first before giving up");
            c.rollback();
        }
        assertEquals(0, storedDays(date));
        post("idem-slow", key, day(date, "x")).then().statusCode(201);
    }

    @Test
    void keysAreForgottenAfterTheRetention() throws Exception {
        String key = UUID.randomUUID().toString();
        LocalDate date = TestDates.unique();
        post("idem-old", key, day(date, "x")).then().statusCode(201);
        clock.set(OffsetDateTime.now(ZoneOffset.UTC).plusHours(23).toInstant());
        store.removeExpired();
        post("idem-old", key, day(date, "x")).then().statusCode(201).header("Idempotent-Replayed", "true");
        clock.set(OffsetDateTime.now(ZoneOffset.UTC).plusHours(25).toInstant());
        assertTrue(store.removeExpired() >= 1);
        // the key is free again: the same request runs anew and meets the day it made before
        post("idem-old", key, day(date, "x")).then().statusCode(409).body("code", equalTo("CALENDAR_DAY_EXISTS"));
    }
}
