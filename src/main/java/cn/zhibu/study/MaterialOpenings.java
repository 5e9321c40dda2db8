package cn.zhibu.study;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * When people opened materials, on the server's clock: the first opening of each business day is kept.
 * A check-in on a material is judged against it (see the check-ins' plausibility).
 */
@ApplicationScoped
public class MaterialOpenings {

    /** How long after midnight a check-in may still be measured from the day before's opening. */
    public static final Duration ACROSS_MIDNIGHT = Duration.ofHours(2);

    private final EntityManager em;
    private final BusinessCalendar calendar;

    MaterialOpenings(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /** Records that the person opens the material now, unless they opened it earlier today; answers today's first opening. */
    @Transactional
    public StudyMaterialViews.Opening open(UUID personId, StudyMaterialViews.View material) {
        LocalDate today = calendar.today();
        em.createNativeQuery("insert into material_opening (person_id, material_id, business_date, opened_at) "
                + "values (:person, :material, :day, :now) on conflict do nothing")
                .setParameter("person", personId).setParameter("material", material.id()).setParameter("day", today)
                .setParameter("now", calendar.now()).executeUpdate();
        Instant opened = first(personId, material.id(), today, today).orElseThrow();
        return new StudyMaterialViews.Opening(material.id(), personId, today, opened,
                opened.plusSeconds(material.minStudySeconds()));
    }

    /**
     * The opening a check-in made at the instant is measured from: the person's first opening of the material
     * on the check-in's business day or, for a check-in within {@link #ACROSS_MIDNIGHT} after midnight
     * (studying across midnight), on the day before. An opening never serves a check-in of the next day
     * beyond that: each day's check-in needs that day's opening.
     */
    public Optional<Instant> forCheckIn(UUID personId, UUID materialId, Instant at) {
        LocalDate day = calendar.dateOf(at);
        boolean justAfterMidnight = at.isBefore(day.atStartOfDay(calendar.zone()).toInstant().plus(ACROSS_MIDNIGHT));
        return first(personId, materialId, justAfterMidnight ? day.minusDays(1) : day, day);
    }

    private Optional<Instant> first(UUID personId, UUID materialId, LocalDate from, LocalDate to) {
        return em.createNativeQuery("select opened_at from material_opening where person_id = :person and "
                + "material_id = :material and business_date between :from and :to order by opened_at limit 1")
                .setParameter("person", personId).setParameter("material", materialId)
                .setParameter("from", from).setParameter("to", to).getResultList().stream().findFirst()
                .map(Rows::instant);
    }
}
