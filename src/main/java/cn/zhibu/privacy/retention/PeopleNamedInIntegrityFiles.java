package cn.zhibu.privacy.retention;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * People who left longer ago than the retention and are named by an integrity file (the file's cadre, or a
 * relative the cadre declared): the file must still name them, so they keep their name and other fields; only
 * their contact fields are erased (see {@link LeaverErasure}). Counted apart from other people who left. Integrity
 * files and their audit are never touched.
 */
@Singleton
class PeopleNamedInIntegrityFiles extends LeaverErasure {

    PeopleNamedInIntegrityFiles(EntityManager em, BusinessCalendar calendar, RetentionSettings settings) {
        super(em, calendar, settings.peopleWhoLeft(), true, "PEOPLE_WHO_LEFT_NAMED_IN_INTEGRITY_FILES");
    }
}
