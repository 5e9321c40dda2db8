package cn.zhibu.platform.idempotency;

import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Idempotency records in PostgreSQL. Requests with the same caller and key are serialised by a
 * transaction-scoped advisory lock; the record of the first successful answer is written in the
 * same transaction as its work, so a request that fails leaves no record and may be retried.
 * Needs READ COMMITTED (the default): a later holder of the lock must see the record committed
 * by the one before.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;

    IdempotencyStore(EntityManager em, ObjectMapper json, Clock clock, IdempotencySettings settings) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.retention = settings.retention();
    }

    /** Takes the key's lock for the rest of the transaction, unless another transaction holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean tryLock(String caller, String key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockId(caller, key)).getSingleResult();
    }

    /** The stored answer for this key, if any; 422 when the key was used for another request. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<StoredResponse> find(String caller, String key, String requestHash) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select request_hash as request_hash, status_code as status_code, response_body as response_body,
                    cast(response_headers as text) as response_headers
                from idempotency_record where caller = ?1 and idempotency_key = ?2""", Tuple.class)
                .setParameter(1, caller).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = rows.get(0);
        if (!requestHash.equals(Rows.string(row, "request_hash"))) {
            throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REUSED);
        }
        return Optional.of(new StoredResponse(Rows.integer(row, "status_code"), Rows.string(row, "response_body"),
                headers(Rows.string(row, "response_headers"))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void save(String caller, String key, String requestHash, StoredResponse response) {
        try {
            em.createNativeQuery("""
                    insert into idempotency_record (caller, idempotency_key, request_hash, status_code,
                        response_body, response_headers, created_at)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7)""")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash)
                    .setParameter(4, response.status()).setParameter(5, response.body())
                    .setParameter(6, json.writeValueAsString(response.headers()))
                    .setParameter(7, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Scheduled(identity = "idempotency-cleanup", every = "{zhibu.idempotency.cleanup-every:1h}", delayed = "1m",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
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

    /** The advisory lock id of a caller's key: 64 bits of its SHA-256. */
    static long lockId(String caller, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("idempotency\n" + caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headers(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
