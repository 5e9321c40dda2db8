package cn.zhibu.study.checkin;

import cn.zhibu.points.LedgerChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * When a check-in's ledger entry is reversed, the check-in becomes {@link CheckInStatus#REVERSED}, in the
 * reversal's transaction: the ledger and the check-ins (and so the streaks) never disagree.
 */
@ApplicationScoped
public class CheckInReversals {

    private final EntityManager em;

    CheckInReversals(EntityManager em) {
        this.em = em;
    }

    void onLedgerChanged(@Observes LedgerChanged change) {
        if (!change.reversal() || !CheckInService.SOURCE.equals(change.sourceType())) {
            return;
        }
        em.createQuery("update CheckIn c set c.status = :reversed where c.id = :id and c.status = :credited")
                .setParameter("reversed", CheckInStatus.REVERSED).setParameter("credited", CheckInStatus.CREDITED)
                .setParameter("id", UUID.fromString(change.sourceId())).executeUpdate();
    }
}
