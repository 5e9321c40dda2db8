package cn.zhibu.study.checkin;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a member that a reviewer decided their flagged check-in or their make-up (CHECK_IN_REVIEWED), in the
 * transaction of the decision: what it was on (the material's title, or 学习打卡 for general study), its day, and
 * whether it passed. Never the reviewer's reason: the member reads that on the check-in itself.
 */
@ApplicationScoped
class CheckInReviewNotices {

    static final String PASSED = "已通过";
    static final String FAILED = "未通过";
    static final String GENERAL_STUDY = "学习打卡";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Notices notices;

    CheckInReviewNotices(EntityManager em, BusinessCalendar calendar, Notices notices) {
        this.em = em;
        this.calendar = calendar;
        this.notices = notices;
    }

    /** A flagged check-in was cleared or rejected. */
    void reviewed(CheckIn checkIn) {
        raise("check-in:" + checkIn.id + ":reviewed", checkIn.personId, checkIn.materialId, checkIn.businessDate,
                checkIn.status != CheckInStatus.REJECTED, "/v1/check-ins/" + checkIn.id);
    }

    /** A make-up was approved or rejected. */
    void decided(MakeUp makeUp) {
        raise("make-up:" + makeUp.id + ":reviewed", makeUp.personId, makeUp.materialId, makeUp.businessDate,
                makeUp.status == MakeUpStatus.APPROVED, "/v1/check-ins/make-ups/" + makeUp.id);
    }

    private void raise(String subject, UUID personId, UUID materialId, LocalDate day, boolean passed, String link) {
        notices.raise(new Notice(NoticeKind.CHECK_IN_REVIEWED, subject, Set.of(personId), calendar.now(),
                Map.of(NoticeField.TITLE, title(materialId), NoticeField.TIME, day.toString(),
                        NoticeField.STATE, passed ? PASSED : FAILED), link));
    }

    private String title(UUID materialId) {
        if (materialId == null) {
            return GENERAL_STUDY;
        }
        return em.createQuery("select m.title from StudyMaterial m where m.id = :id", String.class)
                .setParameter("id", materialId).getResultStream().findFirst().orElse(GENERAL_STUDY);
    }
}
