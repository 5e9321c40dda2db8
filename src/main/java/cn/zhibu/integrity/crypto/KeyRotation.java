package cn.zhibu.integrity.crypto;

import cn.zhibu.integrity.audit.IntegrityAudit;
import cn.zhibu.platform.db.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Re-seals integrity content under the current key: every entry payload and declaration sealed under another
 * configured key is opened and sealed again with the same plaintext bytes and the same context, so entries'
 * hashes still hold. A batch per transaction; values under keys no longer configured, or that do not open,
 * are left as they are and counted.
 */
@ApplicationScoped
public class KeyRotation {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    private final EntityManager em;
    private final IntegrityKeys keys;
    private final Sealer sealer;
    private final IntegrityAudit audit;

    KeyRotation(EntityManager em, IntegrityKeys keys, Sealer sealer, IntegrityAudit audit) {
        this.em = em;
        this.keys = keys;
        this.sealer = sealer;
        this.audit = audit;
    }

    /** What a table of sealed values is: its name, key column and how its values are bound. */
    private record Sealed(String table, String idColumn, Function<UUID, String> context, String alsoSet) {
    }

    private static final Sealed ENTRIES = new Sealed("integrity_entry_payload", "entry_id", Sealer::entryContext, "");
    /** A declaration's version moves on, so that a review holding the old row fails instead of writing it back. */
    private static final Sealed DECLARATIONS = new Sealed("integrity_declaration", "id",
            Sealer::declarationContext, ", version = version + 1");

    /** The current key and the counts of values per key id; audited. */
    @Transactional
    public KeyViews.Status status() {
        Map<String, long[]> counts = new TreeMap<>();
        countByKey(ENTRIES).forEach((key, n) -> counts.computeIfAbsent(key, k -> new long[2])[0] = n);
        countByKey(DECLARATIONS).forEach((key, n) -> counts.computeIfAbsent(key, k -> new long[2])[1] = n);
        Set<String> configured = keys.ids();
        List<KeyViews.Sealed> sealed = new ArrayList<>();
        counts.forEach((key, n) -> sealed.add(new KeyViews.Sealed(key, configured.contains(key), n[0], n[1])));
        audit.allowed(IntegrityAudit.Subject.none(), 200);
        return new KeyViews.Status(keys.currentId(), sealed);
    }

    /** Re-seals everything that opens under the current key; audited in the last transaction. */
    public KeyViews.Rotation rotate() {
        String current = keys.currentId();
        String[] older = keys.ids().stream().filter(id -> !id.equals(current)).sorted().toArray(String[]::new);
        long entries = older.length == 0 ? 0 : reseal(ENTRIES, older);
        long declarations = older.length == 0 ? 0 : reseal(DECLARATIONS, older);
        return QuarkusTransaction.requiringNew().call(() -> {
            long remaining = notUnder(ENTRIES, current) + notUnder(DECLARATIONS, current);
            audit.allowed(IntegrityAudit.Subject.none().purpose(null, "re-sealed under key " + current + ": "
                    + entries + " entries, " + declarations + " declarations; " + remaining + " remaining"), 200);
            return new KeyViews.Rotation(current, entries, declarations, remaining);
        });
    }

    /** Re-seals a table's values under these keys, a batch per transaction, in id order; how many. */
    private long reseal(Sealed table, String[] older) {
        long resealed = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> resealBatch(table, older, from));
            resealed += batch.resealed();
            if (batch.seen() < BATCH) {
                return resealed;
            }
            after = batch.last();
        }
    }

    private record Batch(int seen, int resealed, UUID last) {
    }

    private Batch resealBatch(Sealed table, String[] older, UUID after) {
        String id = table.idColumn();
        var query = em.createNativeQuery("select " + id + " as row_id, key_id as key_id, sealed as sealed from "
                + table.table() + " where key_id = any (cast(?1 as text[]))" + (after == null ? "" : " and " + id + " > ?2")
                + " order by " + id + " limit " + BATCH + " for update", Tuple.class).setParameter(1, older);
        if (after != null) {
            query.setParameter(2, after);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        int resealed = 0;
        for (Tuple row : rows) {
            UUID rowId = Rows.uuid(row, "row_id");
            String context = table.context().apply(rowId);
            byte[] plain;
            try {
                plain = sealer.open(Rows.string(row, "key_id"), Rows.bytes(row, "sealed"), context);
            } catch (Sealer.Unreadable e) {
                LOG.warnf("%s %s under key %s does not open (%s); left as it is", table.table(), rowId, Rows.string(row, "key_id"),
                        e.getMessage());
                continue;
            }
            Sealer.Sealed sealed = sealer.seal(plain, context);
            em.createNativeQuery("update " + table.table() + " set key_id = ?1, sealed = ?2" + table.alsoSet()
                    + " where " + id + " = ?3").setParameter(1, sealed.keyId()).setParameter(2, sealed.bytes())
                    .setParameter(3, rowId).executeUpdate();
            resealed++;
        }
        return new Batch(rows.size(), resealed, rows.isEmpty() ? after : Rows.uuid(rows.get(rows.size() - 1), "row_id"));
    }

    private Map<String, Long> countByKey(Sealed table) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select key_id as key_id, count(*) as sealed_rows from " + table.table()
                + " group by key_id", Tuple.class).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.put(Rows.string(r, "key_id"), Rows.longValue(r, "sealed_rows")));
        return counts;
    }

    private long notUnder(Sealed table, String current) {
        return ((Number) em.createNativeQuery("select count(*) from " + table.table() + " where key_id <> ?1")
                .setParameter(1, current).getSingleResult()).longValue();
    }
}
