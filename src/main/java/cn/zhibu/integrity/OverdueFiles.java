package cn.zhibu.integrity;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * What is overdue in the integrity files on a day: a profile not filled in by its due day, a conduct review past its
 * due day, or last year's annual report not in after its day of the year ({@code zhibu.integrity.annual-report-due}).
 * The officers' overdue list and their weekly digest both ask here.
 */
@ApplicationScoped
public class OverdueFiles {

    private final BusinessCalendar calendar;
    private final MonthDay annualReportDue;

    OverdueFiles(BusinessCalendar calendar, IntegritySettings settings) {
        this.calendar = calendar;
        this.annualReportDue = MonthDay.parse("--" + settings.annualReportDue());
    }

    /** The day of {@code today}'s year by which last year's annual report is due. */
    public LocalDate reportDue(LocalDate today) {
        return annualReportDue.atYear(today.getYear());
    }

    /** The open files that may have something overdue on {@code today} (then ask {@link #reasons}). */
    public List<IntegrityFile> candidates(LocalDate today) {
        return IntegrityFile.list("state = ?1 and (profileDue < ?2 or nextReviewDue < ?2 or "
                + "(?3 = true and (lastReportYear is null or lastReportYear < ?4)))", IntegrityFile.State.OPEN, today,
                today.isAfter(reportDue(today)), today.getYear() - 1);
    }

    /** What is overdue in the file on {@code today}; empty when nothing is. */
    public List<IntegrityViews.OverdueReason> reasons(IntegrityFile file, LocalDate today) {
        List<IntegrityViews.OverdueReason> reasons = new ArrayList<>();
        if (file.profileDue != null && file.profileDue.isBefore(today)) {
            reasons.add(IntegrityViews.OverdueReason.PROFILE);
        }
        if (file.nextReviewDue.isBefore(today)) {
            reasons.add(IntegrityViews.OverdueReason.REVIEW);
        }
        // a cadre reports on a year they were a cadre in: appointed (or filed) before this year began
        LocalDate since = file.appointedOn != null ? file.appointedOn : calendar.dateOf(file.openedAt);
        if (today.isAfter(reportDue(today)) && since.getYear() < today.getYear()
                && (file.lastReportYear == null || file.lastReportYear < today.getYear() - 1)) {
            reasons.add(IntegrityViews.OverdueReason.ANNUAL_REPORT);
        }
        return reasons;
    }
}
