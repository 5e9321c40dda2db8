package cn.zhibu.points.imports;

import cn.zhibu.testing.Sql;
import java.sql.Connection;
import static cn.zhibu.points.PointsFixtures.today;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Points imports under contention: an import that waits too long for another, the same records with other points
 * sent in parallel, the same import sent in parallel, and a large file credited whole.
 */
@QuarkusTest
class PointsImportConcurrencyTest extends PointsImportTests {

    @Test
    void anImportThatWaitsTooLongForAnotherIsRefusedAndChecksDoNotWait() throws Exception {
        LocalDate day = today().minusDays(3);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("items", List.of(item("l-" + tag, "personId", zhang, 2, day)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement s = holder.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended('points-import', 0))")) {
                s.execute(); // another import that writes is running
            }
            Response bad;
            Response refused;
            try {
                // records with problems and dry runs are answered without waiting for it
                bad = pool.submit(() -> json(secretary(), List.of(item("l-" + tag, "personId", zhang, 2,
                        today().plusDays(1))))).get(30, java.util.concurrent.TimeUnit.SECONDS);
                secretary().header("Idempotency-Key", UUID.randomUUID().toString()).queryParam("dryRun", "true")
                        .body(body).post(IMPORTS).then().statusCode(200).body("credited", equalTo(1));
                // one that writes waits a few seconds, then is refused
                refused = pool.submit(() -> secretary().header("Idempotency-Key", key)
                        .header("Accept-Language", "en").body(body).post(IMPORTS))
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                holder.rollback();
            }
            problem(bad.then(), 422, "POINTS_IMPORT_INVALID")
                    .body("errors[0].code", equalTo("POINTS_IMPORT_DATE_IN_FUTURE"));
            problem(refused.then(), 409, "POINTS_IMPORT_BUSY").header("Retry-After", "10")
                    .body("detail", equalTo("Another points import is running; nothing was imported. Retry in 10 "
                            + "seconds."));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, imported("l-" + tag));
        // the key was not spent: the same request, retried, imports
        secretary().header("Idempotency-Key", key).body(body).post(IMPORTS).then().statusCode(200)
                .body("credited", equalTo(1)).header("Idempotent-Replayed", "false");
        assertEquals(1, imported("l-" + tag));
    }

    @Test
    void importsOfTheSameRecordsWithOtherPointsSentInParallelCreditOneOfThem() throws Exception {
        LocalDate day = today().minusDays(5);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int points = i + 1;
                futures.add(pool.submit(() -> json(secretary(), List.of(item("q-" + tag + "-1", "personId", zhang,
                        points, day), item("q-" + tag + "-2", "personId", li, points, day)))));
            }
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Response> credited = answers.stream().filter(a -> a.statusCode() == 200).toList();
        assertEquals(1, credited.size(), "one import credits, the others conflict with it");
        for (Response answer : answers) {
            if (answer.statusCode() != 200) {
                problem(answer.then(), 422, "POINTS_IMPORT_INVALID")
                        .body("errors.code", contains("POINTS_IMPORT_CONFLICT", "POINTS_IMPORT_CONFLICT"));
            }
        }
        int points = credited.get(0).path("lines[0].points");
        assertEquals(2, imported("q-" + tag));
        assertEquals(points, sum(zhang));
        assertEquals(points, sum(li));
    }

    @Test
    void aLargeFileIsCreditedWhole() throws Exception {
        List<String> lines = new ArrayList<>(List.of("externalId,personId,points,date"));
        int records = 450;
        for (int i = 0; i < records; i++) {
            lines.add("big-" + tag + "-" + i + "," + (i % 2 == 0 ? zhang : li) + ",1," + today().minusDays(i % 300));
        }
        byte[] file = bytes(StandardCharsets.UTF_8, false, lines.toArray(String[]::new));
        csv(secretary(), file, "text/csv").then().statusCode(200).body("credited", equalTo(records))
                .body("lines", hasSize(records)).body("lines.entryId", everyItem(notNullValue()));
        assertEquals(records, imported("big-" + tag));
        assertEquals(records, (int) Sql.count("select count(*) from points_import_record where external_id like ?",
                "big-" + tag + "%"));
        assertEquals(records, sum(zhang) + sum(li), "one point each: no weekly cap of 30 is reached");
        csv(secretary(), file, "text/csv").then().statusCode(200).body("credited", equalTo(0))
                .body("unchanged", equalTo(records));
    }

    @Test
    void theSameImportSentInParallelCreditsEachRecordOnce() throws Exception {
        LocalDate day = today().minusDays(4);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("p-" + tag + "-" + i, "personId", i % 2 == 0 ? zhang : li, 1, day.minusDays(i % 5)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> credited = new ArrayList<>();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> json(secretary(), items)));
            }
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertEquals(200, response.statusCode(), response.asString());
                credited.add(response.path("credited"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, credited.stream().mapToInt(Integer::intValue).sum(), "each record credited by one import");
        assertEquals(20, imported("p-" + tag));
        assertEquals(10, sum(zhang));
        assertEquals(10, sum(li));
    }
}
