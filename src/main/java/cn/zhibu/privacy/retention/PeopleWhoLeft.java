package cn.zhibu.privacy.retention;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * People who left ({@code person.left_on}) longer ago than the retention, not named by any integrity file: their
 * contact fields are erased (see {@link LeaverErasure}) and so are their personal fields: the name becomes
 * {@value LeaverErasure#ERASED_NAME}, the external id, job title and party joining date are cleared, and the birth
 * date keeps its year only (January 1st; the column may not be empty). Their points history (ledger, week scores,
 * published weeks) stays as numbers.
 */
@ApplicationScoped
class PeopleWhoLeft implements RetainedData {

    private final LeaverErasure erasure;

    PeopleWhoLeft(EntityManager em, BusinessCalendar calendar, RetentionSettings settings) {
        this.erasure = new LeaverErasure(em, calendar, settings.peopleWhoLeft(), false);
    }

    @Override
    public String name() {
        return "PEOPLE_WHO_LEFT";
    }

    @Override
    public Duration retention() {
        return erasure.retention();
    }

    @Override
    public Instant cutoff(Instant now) {
        return erasure.cutoff(now);
    }

    @Override
    public int purgeBatch(Instant cutoff, Instant now, int limit) {
        return erasure.eraseBatch(cutoff, now, limit);
    }
}
