package cn.zhibu.privacy.retention;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * People who left longer ago than the retention and are named by an integrity file (the file's cadre, or a
 * relative the cadre declared): the file must still name them, so they keep their name and other fields; only
 * their contact fields are erased (see {@link LeaverErasure}). Counted apart from other people who left. Integrity
 * files and their audit are never touched.
 */
@ApplicationScoped
class PeopleNamedInIntegrityFiles implements RetainedData {

    private final LeaverErasure erasure;

    PeopleNamedInIntegrityFiles(EntityManager em, BusinessCalendar calendar, RetentionSettings settings) {
        this.erasure = new LeaverErasure(em, calendar, settings.peopleWhoLeft(), true);
    }

    @Override
    public String name() {
        return "PEOPLE_WHO_LEFT_NAMED_IN_INTEGRITY_FILES";
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
