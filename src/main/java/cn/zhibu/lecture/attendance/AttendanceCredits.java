package cn.zhibu.lecture.attendance;

import cn.zhibu.lecture.PartyDay;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.LedgerEntry;
import cn.zhibu.points.PointsLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The points of attendance (PARTY_DAY_ATTENDANCE), through the ledger: credited when a member becomes
 * PRESENT, reversed when a secretary changes PRESENT to LEAVE or ABSENT. The first credit's source is the
 * session ({@code PARTY_DAY}, its id); a credit after a reversal gets the next source of the session
 * ({@code <id>/2}, {@code <id>/3}, ...), as the ledger credits a source once. Callers hold the member's
 * attendance lock of the session, so at most one credit of a session is ever standing.
 */
@ApplicationScoped
class AttendanceCredits {

    static final String SOURCE = "PARTY_DAY";

    private final PointsLedger ledger;

    AttendanceCredits(PointsLedger ledger) {
        this.ledger = ledger;
    }

    /** Credits the member's attendance of the session unless a credit of it stands already. */
    @Transactional(Transactional.TxType.MANDATORY)
    void credit(PartyDay day, UUID personId, String createdBy) {
        List<LedgerEntry> credits = credits(day.id, personId);
        if (standing(credits).isPresent()) {
            return;
        }
        String sourceId = credits.isEmpty() ? day.id.toString() : day.id + "/" + (credits.size() + 1);
        ledger.creditOrRecordZero(new PointsLedger.Credit(personId, day.branchId, ActivityType.PARTY_DAY_ATTENDANCE,
                SOURCE, sourceId, day.heldOn, null, null, createdBy));
    }

    /** Reverses the standing credit of the member's attendance, if it gave points. */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdraw(PartyDay day, UUID personId, AttendanceStatus now, String createdBy) {
        standing(credits(day.id, personId)).filter(e -> e.points != 0).ifPresent(entry -> ledger.reverse(entry.id,
                now == AttendanceStatus.LEAVE ? "出席改为请假" : "出席改为缺席", createdBy));
    }

    private static List<LedgerEntry> credits(UUID dayId, UUID personId) {
        return LedgerEntry.list("personId = ?1 and activityType = ?2 and sourceType = ?3 and (sourceId = ?4 "
                + "or sourceId like ?5) and reverses is null order by createdAt", personId,
                ActivityType.PARTY_DAY_ATTENDANCE, SOURCE, dayId.toString(), dayId + "/%");
    }

    private static Optional<LedgerEntry> standing(List<LedgerEntry> credits) {
        if (credits.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> reversed = LedgerEntry.<LedgerEntry>list("reverses in ?1",
                credits.stream().map(e -> e.id).toList()).stream().map(e -> e.reverses).collect(Collectors.toSet());
        return credits.stream().filter(e -> !reversed.contains(e.id)).findFirst();
    }
}
