package cn.zhibu.privacy.retention;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * The evidence a rejected check-in kept for its review ({@code check_in}): the member's note, the study time they
 * claimed and when they had opened the material. Cleared (set to null) once the check-in is older than the
 * retention; a flagged one still waiting for its review keeps it (its reviewer needs it, and clearing it credits the
 * study time it states). What the check-in is stays: its person, branch, material, business date, status, flag reason and
 * the reviewer's decision (who, when, why), so that the day counts as checked in, the constraints hold and the ledger
 * (which a flagged or rejected check-in has no entry in) is untouched. Credited and reversed check-ins keep theirs.
 */
@Singleton
class CheckInEvidence extends RowsKeptFor {

    CheckInEvidence(EntityManager em, RetentionSettings settings) {
        super(em, "CHECK_IN_EVIDENCE", settings.checkInEvidence());
    }

    @Override
    public int purgeBatch(Instant cutoff, Instant now, int limit) {
        // cleared rows no longer match, so each batch takes new ones (no order: the scan stops at the limit)
        return em.createNativeQuery("""
                update check_in set note = null, study_seconds = null, opened_at = null where id in (
                    select id from check_in where status = 'REJECTED'
                        and (note is not null or study_seconds is not null or opened_at is not null)
                        and created_at < ?1
                    limit ?2 for update skip locked)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }
}
