package cn.zhibu.platform.idempotency;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Idempotency records in PostgreSQL. A claim inserts the (caller, key) row inside the caller's
 * transaction: a concurrent request with the same key blocks on the primary key until the first
 * commits (then it replays) or rolls back (then it runs); if the first is still running after
 * {@code zhibu.idempotency.wait}, the second gets a 409.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration wait;
    private final Duration retention;

    IdempotencyStore(EntityManager em, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "zhibu.idempotency.wait", defaultValue = "PT5S") Duration wait,
            @ConfigProperty(name = "zhibu.idempotency.retention", defaultValue = "PT24H") Duration retention) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.wait = wait;
        this.retention = retention;
    }

    /**
     * Claims the key for this request, or returns the stored response of the request that claimed
     * it first. Must run in the transaction that does the work.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<StoredResponse> claim(String caller, String key, String requestHash) {
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
                .setParameter(1, wait.toMillis() + "ms").getSingleResult();
        int inserted;
        try {
            inserted = em.createNativeQuery("""
                    insert into idempotency_record (caller, idempotency_key, request_hash, created_at)
                    values (?1, ?2, ?3, ?4) on conflict do nothing""")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash)
                    .setParameter(4, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (LOCK_NOT_AVAILABLE.equals(sqlState(e))) {
                throw new ProblemException(ProblemCode.IDEMPOTENCY_REQUEST_IN_PROGRESS);
            }
            throw e;
        }
        em.createNativeQuery("select set_config('lock_timeout', '0', true)").getSingleResult();
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                select request_hash, status_code, response_body, cast(response_headers as text)
                from idempotency_record where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REUSED);
        }
        return Optional.of(new StoredResponse((Integer) row[1], (String) row[2], headers((String) row[3])));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void complete(String caller, String key, StoredResponse response) {
        try {
            em.createNativeQuery("""
                    update idempotency_record
                    set status_code = ?3, response_body = ?4, response_headers = cast(?5 as jsonb)
                    where caller = ?1 and idempotency_key = ?2""")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, response.status())
                    .setParameter(4, response.body()).setParameter(5, json.writeValueAsString(response.headers()))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets keys older than {@code zhibu.idempotency.retention} (24 hours by default). */
    @Scheduled(every = "{zhibu.idempotency.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void cleanUp() {
        removeExpiredRecords();
    }

    /** Forgets keys older than the retention now; answers how many. */
    @Transactional
    public int removeExpired() {
        return removeExpiredRecords();
    }

    private int removeExpiredRecords() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention).withOffsetSameInstant(ZoneOffset.UTC);
        int removed = em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
        if (removed > 0) {
            LOG.infof("Removed %d idempotency records older than %s", removed, retention);
        }
        return removed;
    }

    private Map<String, String> headers(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

}
