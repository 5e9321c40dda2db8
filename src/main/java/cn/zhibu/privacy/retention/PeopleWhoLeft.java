package cn.zhibu.privacy.retention;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * People who left ({@code person.left_on}) longer ago than the retention, not named by any integrity file: their
 * contact fields are erased (see {@link LeaverErasure}) and so are their personal fields: the name becomes
 * {@value LeaverErasure#ERASED_NAME}, the external id, job title and party joining date are cleared, and the birth
 * date keeps its year only (January 1st; the column may not be empty). Their points history (ledger, week scores,
 * published weeks) stays as numbers.
 */
@Singleton
class PeopleWhoLeft extends LeaverErasure {

    PeopleWhoLeft(EntityManager em, BusinessCalendar calendar, RetentionSettings settings) {
        super(em, calendar, settings.peopleWhoLeft(), false, "PEOPLE_WHO_LEFT");
    }
}
