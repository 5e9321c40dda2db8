package cn.zhibu.platform.crypto;

import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.db.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Re-encrypts every field value under a key other than the current one ({@link FieldCipher}), a batch per
 * transaction, once a day and shortly after every start ({@code zhibu.crypto.field-rotation-every}): rotating the
 * field key is adding a key, making it current, restarting, and dropping the old key once the log says it encrypts
 * nothing. Values that do not decrypt (their key is not configured, or they were altered) are left and counted.
 */
@ApplicationScoped
public class FieldKeyRotation {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(FieldKeyRotation.class);

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Instance<EncryptedColumns> holders;

    FieldKeyRotation(EntityManager em, FieldCipher cipher, Instance<EncryptedColumns> holders) {
        this.em = em;
        this.cipher = cipher;
        this.holders = holders;
    }

    /** What one rotation did: values re-encrypted, and values left under another key, per table and column. */
    public record Outcome(Map<String, Long> reencrypted, Map<String, Long> left) {
    }

    @Scheduled(identity = "field-key-rotation", every = "{zhibu.crypto.field-rotation-every}", delayed = "1m",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rotateOnSchedule() {
        Outcome outcome = rotate();
        long done = outcome.reencrypted().values().stream().mapToLong(Long::longValue).sum();
        long left = outcome.left().values().stream().mapToLong(Long::longValue).sum();
        if (done > 0 || left > 0) {
            LOG.infof("Field key %s: re-encrypted %s; left under other keys %s%s", cipher.currentKeyId(),
                    outcome.reencrypted(), outcome.left(), left == 0 ? " (older field keys may be dropped now)" : "");
        }
    }

    /** Re-encrypts under the current key whatever decrypts, in every encrypted column. */
    public Outcome rotate() {
        Map<String, Long> reencrypted = new TreeMap<>();
        Map<String, Long> left = new TreeMap<>();
        for (EncryptedColumns holder : holders) {
            for (EncryptedColumns.Column column : holder.encryptedColumns()) {
                String name = column.table() + "." + column.column();
                long[] counts = new long[2];
                String after = null;
                while (true) {
                    String from = after;
                    Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(column, from));
                    counts[0] += batch.reencrypted();
                    counts[1] += batch.seen() - batch.reencrypted();
                    if (batch.seen() < BATCH) {
                        break;
                    }
                    after = batch.last();
                }
                reencrypted.put(name, counts[0]);
                left.put(name, counts[1]);
            }
        }
        return new Outcome(reencrypted, left);
    }

    private record Batch(int seen, int reencrypted, String last) {
    }

    /** The next batch of values not under the current key, after {@code after} (null: from the start) by key. */
    private Batch batch(EncryptedColumns.Column column, String after) {
        String id = column.idColumn();
        String value = column.column();
        var query = em.createNativeQuery("select cast(" + id + " as text) as row_key, " + value + " as cipher from "
                + column.table()
                + " where " + value + " is not null and not (get_byte(" + value + ", 0) = 2 and substring(" + value
                + " from 3 for get_byte(" + value + ", 1)) = ?1)"
                + (after == null ? "" : " and " + id + " > cast(?2 as " + column.idType() + ")")
                + " order by " + id + " limit " + BATCH + " for update skip locked", Tuple.class)
                .setParameter(1, cipher.currentKeyId().getBytes(StandardCharsets.US_ASCII));
        if (after != null) {
            query.setParameter(2, after);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        int done = 0;
        for (Tuple row : rows) {
            String key = Rows.string(row, "row_key");
            String context = column.context().apply(key);
            String plain;
            try {
                plain = cipher.decrypt(Rows.bytes(row, "cipher"), context);
            } catch (IllegalStateException e) {
                LOG.warnf("%s.%s of %s does not decrypt (%s); left as it is", column.table(), value, key,
                        e.getMessage());
                continue;
            }
            em.createNativeQuery("update " + column.table() + " set " + value + " = ?1" + column.alsoSet() + " where "
                    + id + " = cast(?2 as " + column.idType() + ")").setParameter(1, cipher.encrypt(plain, context)).setParameter(2, key)
                    .executeUpdate();
            done++;
        }
        return new Batch(rows.size(), done, rows.isEmpty() ? after : Rows.string(rows.get(rows.size() - 1), "row_key"));
    }
}
