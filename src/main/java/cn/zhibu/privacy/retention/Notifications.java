package cn.zhibu.privacy.retention;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Notices ({@code notification}) due longer ago than the retention, with their WeChat delivery and its attempts:
 * deleted, whatever became of the delivery (one still waiting after a year is stale, for instance when sending was
 * turned off).
 */
@Singleton
class Notifications extends RowsKeptFor {

    Notifications(EntityManager em, RetentionSettings settings) {
        super(em, "NOTIFICATIONS", settings.notifications());
    }

    @Override
    public int purgeBatch(Instant cutoff, Instant now, int limit) {
        // the foreign keys are checked at the end of the statement, when the three deletes are all done
        return em.createNativeQuery("""
                with doomed as (
                    select n.id from notification n where n.due_at < ?1 limit ?2 for update skip locked),
                attempts as (delete from notification_attempt where notification_id in (select id from doomed)),
                deliveries as (delete from notification_delivery where notification_id in (select id from doomed))
                delete from notification where id in (select id from doomed)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }
}
