package cn.zhibu.integrity.checkpoint;

import cn.zhibu.integrity.IntegrityProblem;
import cn.zhibu.integrity.audit.IntegrityAudit;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints of integrity files' heads: written with every append (a row in the append's transaction, and a
 * line forced to disk in the checkpoint directory just before it commits), looked up when a chain is verified, and
 * listed for copying to write-once storage.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    private static final Object PENDING = Checkpoints.class.getName() + ".pending";

    private final CheckpointKey key;
    private final CheckpointLog log;
    private final BusinessCalendar calendar;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final IntegrityAudit audit;

    Checkpoints(CheckpointKey key, CheckpointLog log, BusinessCalendar calendar, EntityManager em,
            TransactionSynchronizationRegistry transactions, IntegrityAudit audit) {
        this.audit = audit;
        this.key = key;
        this.log = log;
        this.calendar = calendar;
        this.em = em;
        this.transactions = transactions;
    }

    /** A checkpoint looked up for verification: whether its signature holds under the published keys. */
    public record Found(SignedCheckpoint checkpoint, boolean signed) {
    }

    /**
     * Signs the file's new head and keeps it: a row now, a line in this replica's checkpoint file when the
     * transaction is about to commit. When the line cannot be written the transaction rolls back (503).
     */
    public SignedCheckpoint record(UUID fileId, int entryCount, byte[] headHash) {
        java.time.Instant at = SignedCheckpoint.storable(calendar.now());
        byte[] signature = key.sign(SignedCheckpoint.message(fileId, entryCount, headHash, at, key.id()));
        SignedCheckpoint checkpoint = new SignedCheckpoint(fileId, entryCount, headHash, at, key.id(), signature);
        Checkpoint row = new Checkpoint();
        row.fileId = fileId;
        row.entryCount = entryCount;
        row.headHash = headHash;
        row.at = at;
        row.keyId = key.id();
        row.signature = signature;
        row.persist();
        pending().add(checkpoint);
        return checkpoint;
    }

    /**
     * The latest checkpoints of a file: the one with the most entries in the database and the one in the directory,
     * the one with more entries first (the database's first on a tie), each with whether its signature holds.
     */
    public List<Found> latest(UUID fileId) {
        Optional<SignedCheckpoint> stored = Checkpoint.<Checkpoint>find("fileId = ?1 order by entryCount desc",
                fileId).firstResultOptional().map(Checkpoint::signed);
        Optional<SignedCheckpoint> filed = log.latest(fileId);
        return Stream.concat(stored.stream(), filed.stream())
                .sorted(Comparator.comparingInt(SignedCheckpoint::entryCount).reversed())
                .map(c -> new Found(c, key.verify(c.keyId(), c.message(), c.signature()))).toList();
    }

    /** The checkpoints kept in the database, in the order they were written; audited. */
    @Transactional
    public Page<CheckpointViews.CheckpointView> list(PageRequest page) {
        long after = page.after().map(a -> Long.parseLong(a.get(0))).orElse(0L);
        List<Checkpoint> rows = Checkpoint.<Checkpoint>find("id > ?1 order by id", after).page(0, page.fetchSize())
                .list();
        audit.allowed(IntegrityAudit.Subject.none(), 200);
        return page.page(rows, row -> List.of(row.id.toString()), row -> CheckpointViews.view(row.signed()));
    }

    /** The public keys checkpoints are verified with; audited. */
    @Transactional
    public CheckpointViews.KeyList keys() {
        audit.allowed(IntegrityAudit.Subject.none(), 200);
        List<CheckpointViews.KeyView> keys = new ArrayList<>();
        for (Map.Entry<String, java.security.PublicKey> entry : key.published().entrySet()) {
            keys.add(new CheckpointViews.KeyView(entry.getKey(), CheckpointKey.ALGORITHM,
                    Base64.getEncoder().encodeToString(entry.getValue().getEncoded()), entry.getKey().equals(key.id())));
        }
        keys.sort(Comparator.comparing((CheckpointViews.KeyView k) -> !k.current()).thenComparing(
                CheckpointViews.KeyView::keyId));
        return new CheckpointViews.KeyList(keys);
    }

    /** The checkpoints of this transaction not yet in the directory: written just before it commits. */
    @SuppressWarnings("unchecked")
    private List<SignedCheckpoint> pending() {
        List<SignedCheckpoint> pending = (List<SignedCheckpoint>) transactions.getResource(PENDING);
        if (pending == null) {
            List<SignedCheckpoint> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                private boolean written;

                @Override
                public void beforeCompletion() {
                    if (transactions.getRollbackOnly()) {
                        return;
                    }
                    em.flush(); // what the database would refuse fails here, before any line is written
                    try {
                        log.write(created);
                        written = true;
                    } catch (IOException | RuntimeException e) {
                        LOG.errorf(e, "Integrity checkpoints could not be written to %s: the append is refused",
                                log.file());
                        transactions.setRollbackOnly();
                        throw new ProblemException(IntegrityProblem.INTEGRITY_CHECKPOINT_UNAVAILABLE).header("Retry-After", 5);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (written && status != Status.STATUS_COMMITTED) {
                        LOG.errorf("Integrity checkpoints were written to %s for a transaction that then did not "
                                + "commit: verification will report those files' entries missing (%s)", log.file(),
                                created.stream().map(c -> c.fileId() + "#" + c.entryCount()).toList());
                    }
                }
            });
            pending = created;
        }
        return pending;
    }
}
