package cn.zhibu.annual.campaign;

import cn.zhibu.platform.calendar.CalendarDayService;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The rules of a campaign's timetable: at creation, and when it changes. */
@ApplicationScoped
public class CampaignTimetable {

    private final CalendarDayService days;
    private final BusinessCalendar calendar;

    CampaignTimetable(CalendarDayService days, BusinessCalendar calendar) {
        this.days = days;
        this.calendar = calendar;
    }

    /** The stages with their times as the database keeps them (to the microsecond). */
    public static List<CampaignViews.StageTimes> stored(List<CampaignViews.StageTimes> stages) {
        return stages.stream().map(s -> new CampaignViews.StageTimes(s.kind(),
                s.opensAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                s.closesAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS))).toList();
    }

    /**
     * Exactly the type's stages in its order, each closing after it opens, the next opening at or after the one
     * before closes; a star selection's PUBLICITY spans at least {@code publicityWorkingDays} working days.
     */
    public void check(CampaignType type, List<CampaignViews.StageTimes> stages, Integer publicityWorkingDays) {
        List<StageKind> kinds = stages.stream().map(CampaignViews.StageTimes::kind).toList();
        if (!kinds.equals(type.stages())) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_TIMETABLE_INVALID, type.name(),
                    String.join(", ", type.stages().stream().map(Enum::name).toList()));
        }
        Instant previousClose = null;
        for (CampaignViews.StageTimes stage : stages) {
            if (!stage.closesAt().isAfter(stage.opensAt())
                    || previousClose != null && stage.opensAt().isBefore(previousClose)) {
                throw new ProblemException(CampaignProblem.CAMPAIGN_TIMETABLE_INVALID, type.name(),
                        String.join(", ", type.stages().stream().map(Enum::name).toList()));
            }
            previousClose = stage.closesAt();
        }
        if (publicityWorkingDays != null) {
            CampaignViews.StageTimes publicity = stages.get(stages.size() - 1);
            long spanned = workingDays(publicity.opensAt(), publicity.closesAt());
            if (spanned < publicityWorkingDays) {
                throw new ProblemException(CampaignProblem.CAMPAIGN_PUBLICITY_TOO_SHORT, publicityWorkingDays,
                        spanned);
            }
        }
    }

    /**
     * The working days a stage touches: from the day it opens to the day of its last open moment (it closes at
     * {@code closesAt}, exclusive), both in the business zone, by the platform's calendar of working days.
     */
    public long workingDays(Instant opensAt, Instant closesAt) {
        LocalDate first = calendar.dateOf(opensAt);
        LocalDate last = calendar.dateOf(closesAt.minusNanos(1));
        long count = 0;
        for (LocalDate day = first; !day.isAfter(last) && count < 400; day = day.plusDays(1)) {
            if (days.isWorkday(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * A new campaign's publicity (公示), if it has one, is still to run at {@code now}: members can object only to a
     * publicity that is open, so one wholly past (which closing would take as done) is refused. Past stages of
     * other kinds are a record of what was held on paper, harmless: they take no ballots now.
     */
    public void checkPublicityAhead(List<CampaignViews.StageTimes> stages, Instant now) {
        for (CampaignViews.StageTimes stage : stages) {
            if (stage.kind() == StageKind.PUBLICITY && !stage.closesAt().isAfter(now)) {
                throw new ProblemException(CampaignProblem.CAMPAIGN_STAGE_IN_PAST, stage.kind().name());
            }
        }
    }

    /**
     * A change of the timetable at {@code now}: a stage that has closed stays as it is; an open one keeps its
     * opening and closes no earlier than now; one not open yet opens now or later (never moved into the past,
     * where it would have taken no ballots, nominations or objections and yet count as held).
     */
    public void checkChange(Campaign campaign, List<CampaignViews.StageTimes> stages, Instant now) {
        for (CampaignViews.StageTimes next : stages) {
            Campaign.Stage before = campaign.stage(next.kind()).orElseThrow();
            boolean closed = !now.isBefore(before.closesAt);
            boolean open = before.isOpenAt(now);
            boolean same = before.opensAt.equals(next.opensAt()) && before.closesAt.equals(next.closesAt());
            if (closed && !same || open && (!before.opensAt.equals(next.opensAt()) || next.closesAt().isBefore(now))) {
                throw new ProblemException(CampaignProblem.CAMPAIGN_STAGE_CLOSED, next.kind().name());
            }
            if (!closed && !open && next.opensAt().isBefore(now)) {
                throw new ProblemException(CampaignProblem.CAMPAIGN_STAGE_IN_PAST, next.kind().name());
            }
        }
    }
}
