package cn.zhibu.points.file;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.AnnualRecords;
import cn.zhibu.points.LedgerViews;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.points.Streaks;
import cn.zhibu.points.StudyHours;
import cn.zhibu.points.file.MemberFileViews.ActivityTotal;
import cn.zhibu.points.file.MemberFileViews.MonthTotal;
import cn.zhibu.points.file.MemberFileViews.WeekTotal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The member file (一人一档): a person's totals for a year, summed in SQL over the ledger entries dated
 * in that year (reversals are negative entries on the original's date, so they count where it did),
 * the rating band of the branch that the total earns, study streaks (from the study capability, when
 * it is there), study hours (from the lecture capability, when it is there) and the year's timeline.
 */
@ApplicationScoped
public class MemberFileService {

    /** The label of every rating band: a reference, never a verdict. */
    static final String REFERENCE = "参考";

    private static final String YEAR =
            "from ledger_entry where person_id = :person and business_date between :from and :to";

    private final EntityManager em;
    private final PointsLedger ledger;
    private final RatingBandService bands;
    private final Instance<Streaks> streaks;
    private final Instance<StudyHours> studyHours;
    private final Instance<AnnualRecords> annualRecords;

    MemberFileService(EntityManager em, PointsLedger ledger, RatingBandService bands, Instance<Streaks> streaks,
            Instance<StudyHours> studyHours, Instance<AnnualRecords> annualRecords) {
        this.em = em;
        this.ledger = ledger;
        this.bands = bands;
        this.streaks = streaks;
        this.studyHours = studyHours;
        this.annualRecords = annualRecords;
    }

    /**
     * What the file says of the person, who belongs (or last belongs) to {@code branchId}: read in one
     * read-only transaction at REPEATABLE READ (its own: resources call it outside any), so its parts (all sums come from one statement, the first page
     * of the timeline from another) agree however the ledger grows meanwhile.
     */
    @Transactional
    public MemberFileViews.File file(UUID personId, String name, UUID branchId, String branchName, int year,
            PageRequest page, boolean annualInFull) {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        long total = 0;
        List<ActivityTotal> byActivity = new ArrayList<>();
        List<WeekTotal> byWeek = new ArrayList<>();
        long[] months = new long[12];
        // one statement, one scan: the year's total and its sums by activity, by week and by month
        for (Tuple row : rows("select activity_type as activity_type, iso_week as iso_week, "
                + "cast(extract(month from business_date) as integer) as month, coalesce(sum(points), 0) as points, "
                + "grouping(activity_type, iso_week, extract(month from business_date)) as grouping_set "
                + YEAR + " group by grouping sets ((), (activity_type), (iso_week), (extract(month from business_date))) "
                + "order by 5, 1, 2, 3", personId, year)) {
            long points = Rows.longValue(row, "points");
            int grouping = Rows.integer(row, "grouping_set");
            switch (grouping) {
                case 0b111 -> total = points;
                case 0b011 -> byActivity.add(new ActivityTotal(ActivityType.valueOf(Rows.string(row, "activity_type")),
                        points));
                case 0b101 -> byWeek.add(new WeekTotal(Rows.string(row, "iso_week"), points));
                case 0b110 -> months[Rows.integer(row, "month") - 1] = points;
                default -> throw new IllegalStateException("unexpected grouping " + grouping);
            }
        }
        List<MonthTotal> byMonth = new ArrayList<>(12);
        for (int month = 1; month <= 12; month++) {
            byMonth.add(new MonthTotal(month, months[month - 1]));
        }
        RatingBandViews.Effective effective = bands.effective(branchId);
        MemberFileViews.Rating rating = RatingBandService.band(effective.bands(), total)
                .map(band -> new MemberFileViews.Rating(REFERENCE, band.name(), band.minPoints(), effective.source(),
                        effective.sourceUnitId())).orElse(null);
        Streaks.Streak streak = streaks.isResolvable() ? streaks.get().of(personId) : Streaks.Streak.NONE;
        MemberFileViews.StudyHours hours = studyHours.isResolvable() ? hours(studyHours.get().of(personId, year)) : null;
        MemberFileViews.Annual annual = annualRecords.isResolvable()
                ? annual(annualRecords.get().of(personId, year), annualInFull) : null;
        Page<LedgerViews.View> first = timeline(personId, year, page);
        return new MemberFileViews.File(personId, name, branchId, branchName, year, total, byActivity, byWeek, byMonth,
                rating, new MemberFileViews.Streak(streak.current(), streak.longest(), streak.lastDay()), hours, annual,
                new LedgerViews.Page(first.items(), first.nextCursor()));
    }

    /** The year's annual cycle; without {@code inFull}, no appraisal grade and no pledge comment. */
    private static MemberFileViews.Annual annual(AnnualRecords.Year year, boolean inFull) {
        return new MemberFileViews.Annual(inFull ? year.appraisalGrade() : null, year.star(), year.pledgeReviewed(),
                inFull ? year.pledgeComment() : null, year.honours().stream()
                        .map(honour -> new MemberFileViews.Honour(honour.title(), honour.level(), honour.awardedBy()))
                        .toList());
    }

    private static MemberFileViews.StudyHours hours(StudyHours.Year year) {
        return new MemberFileViews.StudyHours(year.earned(), year.required());
    }

    /** The person's entries dated in the year, the latest date first. */
    public Page<LedgerViews.View> timeline(UUID personId, int year, PageRequest page) {
        return ledger.timeline(personId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), page);
    }

    private jakarta.persistence.Query query(String sql, UUID personId, int year) {
        return em.createNativeQuery(sql, Tuple.class).setParameter("person", personId)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31));
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, UUID personId, int year) {
        return query(sql, personId, year).getResultList();
    }
}
