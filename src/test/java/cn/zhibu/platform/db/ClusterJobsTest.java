package cn.zhibu.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A scheduled job's run is claimed by one replica: the claim is a row in the database, not memory. */
@QuarkusTest
class ClusterJobsTest {

    @Inject
    ClusterJobs jobs;

    @Inject
    EntityManager em;

    @Test
    void aRunIsClaimedOnceWithinItsSpacingAndAgainAfterIt() {
        String job = "test-" + UUID.randomUUID();
        assertTrue(jobs.claim(job, Duration.ofHours(1)), "the first run of a job is claimed");
        assertFalse(jobs.claim(job, Duration.ofHours(1)), "a second run within the spacing is not");
        // the claims are on the database's clock: the last run is moved back rather than waited for
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update scheduled_job set last_run_at = last_run_at - interval '61 minutes' where name = ?1")
                .setParameter(1, job).executeUpdate());
        assertFalse(jobs.claim(job, Duration.ofHours(2)), "a run within a longer spacing is still not");
        assertTrue(jobs.claim(job, Duration.ofHours(1)), "a run after the spacing is claimed again");
        assertFalse(jobs.claim(job, Duration.ofHours(1)), "and that claim counts from now");
        assertTrue(jobs.claim("other-" + job, Duration.ofHours(1)), "jobs are claimed apart from each other");
    }

    @Test
    void ofManyReplicasRacingForTheSameRunOneClaimsIt() throws Exception {
        int replicas = 8;
        for (int round = 0; round < 5; round++) {
            String job = "race-" + UUID.randomUUID();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(replicas);
            try {
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < replicas; i++) {
                    Callable<Boolean> claim = () -> {
                        start.await();
                        return jobs.claim(job, Duration.ofMinutes(10));
                    };
                    claims.add(pool.submit(claim));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> claim : claims) {
                    won += claim.get() ? 1 : 0;
                }
                assertEquals(1, won, "round " + round + ": replicas that claimed the run");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
