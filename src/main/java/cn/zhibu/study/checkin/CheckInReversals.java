package cn.zhibu.study.checkin;

import cn.zhibu.points.ActivityType;
import cn.zhibu.points.LedgerChanged;
import cn.zhibu.points.LedgerEntry;
import cn.zhibu.points.PointsLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * When a check-in's own ledger entry (CHECK_IN, or MAKE_UP_CHECK_IN) is reversed, the check-in becomes
 * {@link CheckInStatus#REVERSED} and its STUDY_TIME entry, if it earned points, is reversed too, with the same reason
 * and by the same person, in the reversal's transaction: the ledger and the check-ins (and so the streaks) never
 * disagree. A STUDY_TIME entry reversed on its own leaves the check-in credited.
 */
@ApplicationScoped
public class CheckInReversals {

    private final EntityManager em;
    private final PointsLedger ledger;

    CheckInReversals(EntityManager em, PointsLedger ledger) {
        this.em = em;
        this.ledger = ledger;
    }

    void onLedgerChanged(@Observes LedgerChanged change) {
        if (!change.reversal() || !CheckInService.SOURCE.equals(change.sourceType())
                || change.activityType() == ActivityType.STUDY_TIME) {
            return;
        }
        em.createQuery("update CheckIn c set c.status = :reversed where c.id = :id and c.status = :credited")
                .setParameter("reversed", CheckInStatus.REVERSED).setParameter("credited", CheckInStatus.CREDITED)
                .setParameter("id", UUID.fromString(change.sourceId())).executeUpdate();
        LedgerEntry reversal = LedgerEntry.findById(change.entryId());
        LedgerEntry.<LedgerEntry>find("from LedgerEntry e where e.sourceType = ?1 and e.sourceId = ?2 and e.personId = ?3 "
                + "and e.activityType = ?4 and e.reverses is null and e.points <> 0 and not exists "
                + "(select 1 from LedgerEntry r where r.reverses = e.id)", CheckInService.SOURCE, change.sourceId(),
                change.personId(), ActivityType.STUDY_TIME).firstResultOptional()
                .ifPresent(studyTime -> ledger.reverse(studyTime.id, reversal.reason, reversal.createdBy));
    }
}
