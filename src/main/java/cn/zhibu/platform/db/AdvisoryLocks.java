package cn.zhibu.platform.db;

import cn.zhibu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * PostgreSQL's transaction-scoped advisory locks, the one way a capability makes its work run one at a time. A lock
 * is named by a number or by a text (hashed by the database). {@link #lock} waits in the database's queue for at
 * most the given time (PostgreSQL's {@code lock_timeout}, for that one statement); a lock not had by then (SQL state
 * 55P03, lock_not_available) is answered with the caller's own problem, and the transaction rolls back.
 * {@link #tryLock} never joins the queue, for a lock whose queue must stay empty.
 */
@ApplicationScoped
public class AdvisoryLocks {

    /** PostgreSQL's lock_not_available: the lock was not had within lock_timeout. */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    /** The pause between two tries of {@link #tryLock(long, Duration, Supplier)}. */
    private static final long TRY_PAUSE_MILLIS = 50;

    private final EntityManager em;

    AdvisoryLocks(EntityManager em) {
        this.em = em;
    }

    /** The exclusive lock named {@code name} for the rest of the transaction, if free now; never waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String name) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, name).getSingleResult();
    }

    /** The exclusive lock {@code key} for the rest of the transaction, if free now; never waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(long key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key)
                .getSingleResult();
    }

    /**
     * The exclusive lock {@code key} for the rest of the transaction, tried again for at most {@code within} without
     * ever joining the lock's queue (so no one queues behind this request); then {@code busy}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tryLock(long key, Duration within, Supplier<ProblemException> busy) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!tryLock(key)) {
            if (System.nanoTime() > deadline) {
                throw busy.get();
            }
            try {
                Thread.sleep(TRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy.get();
            }
        }
    }

    /**
     * The exclusive lock named {@code name} for the rest of the transaction, waiting for it in the database's queue
     * for at most {@code wait}; then {@code busy} (the transaction can only roll back).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String name, Duration wait, Supplier<ProblemException> busy) {
        if (tryLock(name)) {
            return;
        }
        waiting(wait, busy, () -> em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, name).getSingleResult());
    }

    /** The shared lock {@code key} for the rest of the transaction, waiting for it as any statement does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShared(long key) {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, key).getSingleResult();
    }

    /** Runs {@code take} under {@code lock_timeout = wait}, then puts the transaction's lock_timeout back. */
    private void waiting(Duration wait, Supplier<ProblemException> busy, Runnable take) {
        String before = (String) em.createNativeQuery("select current_setting('lock_timeout')").getSingleResult();
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
                .setParameter(1, Math.max(1, wait.toMillis()) + "ms").getSingleResult();
        try {
            take.run();
        } catch (PersistenceException e) {
            if (lockNotAvailable(e)) {
                throw busy.get();
            }
            throw e;
        }
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)").setParameter(1, before).getSingleResult();
    }

    private static boolean lockNotAvailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
