package cn.zhibu.privacy.mydata;

import cn.zhibu.platform.db.AdvisoryLocks;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The audit of exports (append-only {@code my_data_export}), which is also their limit: a person makes at most
 * {@code zhibu.my-data.per-hour} exports in any hour. Counted in the database under the person's advisory lock, so the
 * limit holds across replicas and for concurrent requests.
 */
@ApplicationScoped
class MyDataExports {

    static final Duration WINDOW = Duration.ofHours(1);
    /** How long a recording waits for another export of the same person being recorded. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final int BUSY_RETRY_SECONDS = 5;

    private final EntityManager em;
    private final AdvisoryLocks locks;
    private final MyDataSettings settings;

    MyDataExports(EntityManager em, AdvisoryLocks locks, MyDataSettings settings) {
        this.em = em;
        this.locks = locks;
        this.settings = settings;
    }

    /** 429 MY_DATA_EXPORTS_EXHAUSTED (with Retry-After) when the person has no export left in this hour. */
    @Transactional
    public void requireAllowed(UUID me, Instant now) {
        refuseIfExhausted(me, now);
    }

    /**
     * Records an export made at {@code at}, once the person's lock is had and the limit still allows it (a concurrent
     * export may have used the last one meanwhile: then 429 and nothing is recorded, nor served).
     */
    /** 429 {@code MY_DATA_EXPORT_BUSY}: another export of the person is under way. */
    ProblemException busy() {
        return new ProblemException(MyDataProblem.MY_DATA_EXPORT_BUSY, BUSY_RETRY_SECONDS)
                .header(RateLimiter.RETRY_AFTER, BUSY_RETRY_SECONDS);
    }

    @Transactional
    public void record(UUID me, String by, Instant at, int rows, long bytes) {
        locks.lock("my-data-export:" + me, LOCK_WAIT, this::busy);
        refuseIfExhausted(me, at);
        em.createNativeQuery("insert into my_data_export (id, person_id, exported_by, exported_at, row_count, "
                + "byte_count) values (:id, :me, :by, :at, :rows, :bytes)").setParameter("id", UUID.randomUUID())
                .setParameter("me", me).setParameter("by", by).setParameter("at", at.truncatedTo(ChronoUnit.MICROS))
                .setParameter("rows", rows).setParameter("bytes", bytes).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private void refuseIfExhausted(UUID me, Instant now) {
        int limit = settings.perHour();
        List<Object> recent = em.createNativeQuery("select exported_at from my_data_export where person_id = :me "
                + "and exported_at > :since order by exported_at").setParameter("me", me)
                .setParameter("since", now.minus(WINDOW)).getResultList();
        if (recent.size() < limit) {
            return;
        }
        // allowed again once enough of the oldest have left the window
        Instant frees = Rows.instant(recent.get(recent.size() - limit)).plus(WINDOW);
        long seconds = Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000);
        throw new ProblemException(MyDataProblem.MY_DATA_EXPORTS_EXHAUSTED, limit, seconds)
                .header(RateLimiter.RETRY_AFTER, seconds);
    }
}
