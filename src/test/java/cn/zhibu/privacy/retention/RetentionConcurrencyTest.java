package cn.zhibu.privacy.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two purges at once (two replicas, or a run and a test) erase each person once, however many batches it takes. */
@QuarkusTest
class RetentionConcurrencyTest {

    @Inject
    RetentionPurge purge;

    @Test
    void twoPurgesAtOnceEraseEachPersonOnce() throws Exception {
        Instant now = TestTime.calendar().now();
        LocalDate leftOn = TestTime.calendar().dateOf(now).minusDays(2000);
        String marker = "并发" + UUID.randomUUID().toString().substring(0, 8);
        int people = 1000 + 300; // more than one batch
        Sql.execute("insert into person (id, external_id, name, gender, birth_date, political_status, leading_cadre, "
                + "active, left_on, version, created_at, updated_at) select gen_random_uuid(), ?1 || '-' || i, ?1, "
                + "'FEMALE', date '1975-08-09', 'FULL', false, false, ?2, 0, now(), now() from generate_series(1, ?3) i",
                marker, leftOn, people);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<RetentionPurge.Run>> runs = List.of(pool.submit(() -> {
                go.await();
                return purge.purge(now);
            }), pool.submit(() -> {
                go.await();
                return purge.purge(now);
            }));
            go.countDown();
            long erased = 0;
            for (Future<RetentionPurge.Run> run : runs) {
                RetentionPurge.Run done = run.get(120, TimeUnit.SECONDS);
                assertTrue(done.outcomes().stream().allMatch(RetentionPurge.Outcome::complete));
                erased += done.purged("PEOPLE_WHO_LEFT");
            }
            assertTrue(erased >= people, "erased " + erased);
        } finally {
            pool.shutdownNow();
        }

        // every one erased, each exactly once (one version step), none left with a personal field
        assertEquals(people, Sql.count("select count(*) from person where erased_at = ?1 and version = 1 and name = ?2 "
                + "and external_id is null and birth_date = date '1975-01-01' and left_on = ?3", now,
                LeaverErasure.ERASED_NAME, leftOn));
        assertEquals(0, Sql.count("select count(*) from person where erased_at = ?1 and version <> 1", now));
        assertEquals(0, Sql.count("select count(*) from person where name = ?1", marker));
    }
}
