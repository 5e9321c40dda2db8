package cn.zhibu.lecture;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.UUID;

/** What a session's kind asks of its details, and what its kind holds it to once it has records of that kind. */
final class SessionRules {

    private SessionRules() {
    }

    /** A session's own study hours: whole or half hours, not more than it lasts (rounded up to the half hour). */
    static BigDecimal studyHours(BigDecimal hours, Duration length) {
        if (hours == null) {
            return null;
        }
        BigDecimal most = BigDecimal.valueOf((length.toMinutes() + 29) / 30).divide(BigDecimal.valueOf(2));
        boolean halves = hours.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0;
        if (hours.signum() < 0 || hours.compareTo(most) > 0 || !halves) {
            throw new ProblemException(LectureProblem.PARTY_DAY_STUDY_HOURS_INVALID, hours.toPlainString(),
                    most.stripTrailingZeros().toPlainString());
        }
        return hours.setScale(1, RoundingMode.UNNECESSARY);
    }

    /** A party group meeting's group: an active party group of the branch; other kinds have none. */
    static UUID partyGroup(UUID branchId, PartyDayKind kind, UUID groupId) {
        if (kind != PartyDayKind.PARTY_GROUP_MEETING) {
            if (groupId != null) {
                throw new ProblemException(LectureProblem.PARTY_DAY_GROUP_INVALID, kind.name());
            }
            return null;
        }
        boolean fits = groupId != null && OrgUnit.<OrgUnit>findByIdOptional(groupId).filter(u -> branchId.equals(
                u.parentId) && u.kind == OrgUnitKind.PARTY_GROUP && !u.archived()).isPresent();
        if (!fits) {
            throw new ProblemException(LectureProblem.PARTY_DAY_GROUP_INVALID, String.valueOf(groupId));
        }
        return groupId;
    }

    /** Whether the session has records that belong to its kind: a meeting's problems and rectifications, lecturers. */
    static boolean listed(EntityManager em, PartyDay day) {
        return ((Number) em.createNativeQuery("select (select count(*) from org_life_problem where party_day_id = :d)"
                + " + (select count(*) from rectification where party_day_id = :d)"
                + " + (select count(*) from party_lecturer where party_day_id = :d)").setParameter("d", day.id)
                .getSingleResult()).longValue() > 0;
    }
}
