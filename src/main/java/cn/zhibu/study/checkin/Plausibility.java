package cn.zhibu.study.checkin;

import cn.zhibu.study.StudyMaterialViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a check-in is plausible. On a material: it was opened (today, or yesterday in the first two hours
 * after midnight), at least the material's minimum study time has passed since, and the study time claimed is no more than has passed.
 * Any check-in: the member made fewer than {@code zhibu.check-ins.burst-count} check-ins in the
 * {@code burst-window} before it. The first failed test names the flag.
 */
@ApplicationScoped
public class Plausibility {

    private final CheckInSettings settings;
    private final EntityManager em;

    Plausibility(CheckInSettings settings, EntityManager em) {
        this.settings = settings;
        this.em = em;
    }

    /** Why the check-in is implausible, if it is. Call with the person's check-ins held (no parallel check-in). */
    Optional<FlagReason> judge(UUID personId, StudyMaterialViews.View material, Optional<Instant> opened,
            Integer studySeconds, Instant now) {
        if (material != null) {
            if (opened.isEmpty()) {
                return Optional.of(FlagReason.NOT_OPENED);
            }
            long elapsed = Math.max(0, Duration.between(opened.get(), now).toSeconds());
            if (elapsed < material.minStudySeconds()) {
                return Optional.of(FlagReason.BELOW_MINIMUM_TIME);
            }
            if (studySeconds != null && studySeconds > elapsed) {
                return Optional.of(FlagReason.CLAIM_EXCEEDS_ELAPSED);
            }
        }
        long recent = em.createQuery("select count(c) from CheckIn c where c.personId = :person and c.makeUpId is null "
                + "and c.createdAt > :since", Long.class).setParameter("person", personId)
                .setParameter("since", now.minus(settings.burstWindow())).getSingleResult();
        if (recent >= settings.burstCount()) {
            return Optional.of(FlagReason.BURST);
        }
        return Optional.empty();
    }
}
