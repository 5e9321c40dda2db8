package cn.zhibu.privacy.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Demo data ({@code zhibu.demo=true}): the purge log starts with one run, made at load time as the nightly job would
 * make it (it purges only what has really expired, which in fresh demo data is nothing), so that
 * {@code GET /v1/retention/purges} shows what a run records. Added once: nothing happens when the log has a run.
 */
@ApplicationScoped
public class RetentionDemoData {

    private final EntityManager em;
    private final RetentionPurge purge;

    RetentionDemoData(EntityManager em, RetentionPurge purge) {
        this.em = em;
        this.purge = purge;
    }

    @Transactional
    public void load() {
        Number runs = (Number) em.createNativeQuery("select count(*) from retention_purge").getSingleResult();
        if (runs.longValue() == 0) {
            purge.purge(purge.now());
        }
    }
}
