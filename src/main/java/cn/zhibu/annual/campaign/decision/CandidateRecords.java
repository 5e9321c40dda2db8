package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.decision.DecisionViews.EligibilityRule;
import cn.zhibu.lecture.Audience;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.points.StudyHours;
import cn.zhibu.points.file.RatingBandService;
import cn.zhibu.points.file.RatingBandViews;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A candidate's year as the committee weighs it, one input among others: the year's points (ledger) and the band
 * they earn (for reference), lectures delivered, attendance and study hours; and the eligibility rules of the
 * settings. A disciplinary entry is read as a yes or no only, never its content.
 */
@ApplicationScoped
public class CandidateRecords {

    private final EntityManager em;
    private final RatingBandService bands;
    private final Instance<StudyHours> studyHours;
    private final StarSelectionSettings settings;
    private final BusinessCalendar calendar;

    CandidateRecords(EntityManager em, RatingBandService bands, Instance<StudyHours> studyHours,
            StarSelectionSettings settings, BusinessCalendar calendar) {
        this.em = em;
        this.bands = bands;
        this.studyHours = studyHours;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** The person's record of the year, with the bands of {@code unitId}. */
    public DecisionViews.YearRecord record(UUID personId, UUID unitId, int year) {
        long points = points(personId, year);
        String band = RatingBandService.band(bands.effective(unitId).bands(), points)
                .map(RatingBandViews.Band::name).orElse(null);
        Tuple attendance = (Tuple) em.createNativeQuery("select count(*) filter (where a.status = 'PRESENT') as present, "
                + "count(*) as expected from party_day d left join attendance a on a.party_day_id = d.id "
                + "and a.person_id = :person where d.state = 'HELD' and d.held_on between :from and :to "
                + "and (a.person_id is not null or :person in (" + Audience.expectedOf("d") + "))", Tuple.class)
                .setParameter("person", personId).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).getSingleResult();
        long lectures = ((Number) em.createNativeQuery("select count(*) from micro_lecture l "
                + "join party_day d on d.id = l.party_day_id where l.speaker_id = :person and l.outcome = 'DELIVERED' "
                + "and d.held_on between :from and :to").setParameter("person", personId)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .getSingleResult()).longValue();
        DecisionViews.StudyHours hours = null;
        if (studyHours.isResolvable()) {
            StudyHours.Year of = studyHours.get().of(personId, year);
            hours = new DecisionViews.StudyHours(of.earned(), of.required());
        }
        return new DecisionViews.YearRecord(year, points, band, (int) lectures,
                new DecisionViews.Attendance(Rows.longValue(attendance, "present").intValue(),
                        Rows.longValue(attendance, "expected").intValue()), hours);
    }

    /** The rules the person fails for a nomination in the unit's campaign of the year; empty: eligible. */
    public List<EligibilityRule> failed(UUID personId, UUID unitId, int year) {
        List<EligibilityRule> failed = new ArrayList<>();
        if (tooLow(personId, unitId, year).isPresent()) {
            failed.add(EligibilityRule.MINIMUM_BAND);
        }
        if (settings.noDisciplineInYear() && disciplined(personId, year)) {
            failed.add(EligibilityRule.NO_DISCIPLINE_IN_YEAR);
        }
        return failed;
    }

    /** The band the person's points earn (or "-"), when a minimum band is set and they earn less. */
    public Optional<String> tooLow(UUID personId, UUID unitId, int year) {
        if (settings.minimumBand().isEmpty()) {
            return Optional.empty();
        }
        String minimum = settings.minimumBand().get();
        List<RatingBandViews.Band> effective = bands.effective(unitId).bands();
        int required = indexOf(effective, minimum);
        if (required < 0) {
            return Optional.empty(); // a band the unit does not have: no rule to apply
        }
        Optional<RatingBandViews.Band> earned = RatingBandService.band(effective, points(personId, year));
        int index = earned.map(band -> indexOf(effective, band.name())).orElse(Integer.MAX_VALUE);
        return index <= required ? Optional.empty() : Optional.of(earned.map(RatingBandViews.Band::name).orElse("-"));
    }

    /** Whether a disciplinary entry was recorded in the person's integrity file in the year (yes or no only). */
    public boolean disciplined(UUID personId, int year) {
        return !em.createNativeQuery("select 1 from integrity_entry e join integrity_file f on f.id = e.file_id "
                + "where f.person_id = :person and e.type = 'DISCIPLINE' and e.recorded_at >= :from "
                + "and e.recorded_at < :to").setParameter("person", personId)
                .setParameter("from", LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone()).toInstant())
                .setParameter("to", LocalDate.of(year + 1, 1, 1).atStartOfDay(calendar.zone()).toInstant())
                .setMaxResults(1).getResultList().isEmpty();
    }

    private long points(UUID personId, int year) {
        return ((Number) em.createNativeQuery("select coalesce(sum(points), 0) from ledger_entry "
                + "where person_id = :person and business_date between :from and :to").setParameter("person", personId)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .getSingleResult()).longValue();
    }

    private static int indexOf(List<RatingBandViews.Band> bands, String name) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
