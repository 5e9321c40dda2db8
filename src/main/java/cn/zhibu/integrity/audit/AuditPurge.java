package cn.zhibu.integrity.audit;

import cn.zhibu.integrity.IntegrityProblem;
import cn.zhibu.integrity.IntegritySettings;
import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes access audit rows older than {@code zhibu.integrity.audit-retention}, never younger than 180 days
 * (the database refuses that too), in batches, every {@code zhibu.integrity.audit-purge-every}. Each purge
 * leaves one audit row of its own. A retention under 180 days keeps the service from starting.
 */
@ApplicationScoped
@Startup
public class AuditPurge {

    /** No audit row is deleted younger than this, whatever the setting. */
    public static final Duration MINIMUM = Duration.ofDays(180);
    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(AuditPurge.class);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final IntegrityAudit audit;
    private final Duration retention;

    AuditPurge(EntityManager em, BusinessCalendar calendar, IntegrityAudit audit,
            IntegritySettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.audit = audit;
        this.retention = checked(settings.auditRetention());
    }

    /** The retention, when it is at least {@link #MINIMUM}. */
    static Duration checked(Duration retention) {
        if (retention.compareTo(MINIMUM) < 0) {
            throw new IllegalStateException("zhibu.integrity.audit-retention is " + retention + ": access audit rows "
                    + "of integrity files are kept at least 180 days (P180D)");
        }
        return retention;
    }

    public Duration retention() {
        return retention;
    }

    @Scheduled(identity = "integrity-audit-purge", every = "{zhibu.integrity.audit-purge-every}", delayed = "10m",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        long deleted = purge(calendar.now().minus(retention));
        if (deleted > 0) {
            LOG.infof("Purged %d integrity audit rows older than %s", deleted, retention);
        }
    }

    /**
     * Deletes the audit rows recorded before {@code before}, a batch per transaction, and records the purge;
     * how many were deleted. 422 INTEGRITY_AUDIT_RETAINED when {@code before} is less than 180 days ago.
     */
    @ActivateRequestContext
    public long purge(Instant before) {
        if (before.isAfter(calendar.now().minus(MINIMUM))) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_AUDIT_RETAINED, MINIMUM.toDays());
        }
        long deleted = 0;
        int batch;
        do {
            // the database's own clock bounds it too, so a skewed service clock never trips the guard trigger
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from integrity_audit where id in (select id from integrity_audit
                        where at < ?1 and inserted_at < now() - interval '180 days' order by id limit ?2)""")
                    .setParameter(1, before).setParameter(2, BATCH).executeUpdate());
            deleted += batch;
        } while (batch == BATCH);
        long total = deleted;
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditAction.PURGE_AUDIT,
                IntegrityAudit.Subject.none().purpose(null, "deleted " + total + " rows recorded before " + before)));
        return total;
    }
}
