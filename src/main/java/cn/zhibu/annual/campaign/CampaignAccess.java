package cn.zhibu.annual.campaign;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Campaigns as the API shows them: their timetable's stages where they stand now, and their ratees by name.
 */
@ApplicationScoped
public class CampaignAccess {

    private final BusinessCalendar calendar;
    private final CampaignRatees ratees;
    private final CampaignRaters raters;

    CampaignAccess(BusinessCalendar calendar, CampaignRatees ratees, CampaignRaters raters) {
        this.calendar = calendar;
        this.ratees = ratees;
        this.raters = raters;
    }

    public CampaignViews.View view(Campaign c) {
        List<UUID> rated = ratees.of(c.id);
        List<String> names = raters.names(rated);
        List<CampaignViews.Ratee> list = new ArrayList<>();
        for (int i = 0; i < rated.size(); i++) {
            list.add(new CampaignViews.Ratee(rated.get(i), names.get(i)));
        }
        return new CampaignViews.View(c.id, c.unitId, c.year, c.type, c.title, List.of(c.scale), stages(c),
                c.quotaCount, c.quotaShare, c.publicityWorkingDays, c.unitRaters, c.state, at(c.closedAt), list,
                c.version);
    }

    public CampaignViews.Summary summary(Campaign c) {
        return new CampaignViews.Summary(c.id, c.unitId, c.year, c.type, c.title, c.state, stages(c), c.version);
    }

    /** The stages in the type's order, each NOT_YET_OPEN, OPEN or CLOSED by the clock (all CLOSED once ended). */
    List<CampaignViews.Stage> stages(Campaign c) {
        Instant now = calendar.now();
        List<Campaign.Stage> ordered = new ArrayList<>(c.stages);
        ordered.sort(Comparator.comparingInt(s -> c.type.stages().indexOf(s.kind)));
        List<CampaignViews.Stage> stages = new ArrayList<>();
        for (Campaign.Stage s : ordered) {
            CampaignViews.StageState state = c.state != CampaignState.OPEN || !now.isBefore(s.closesAt)
                    ? CampaignViews.StageState.CLOSED
                    : now.isBefore(s.opensAt) ? CampaignViews.StageState.NOT_YET_OPEN : CampaignViews.StageState.OPEN;
            stages.add(new CampaignViews.Stage(s.kind, at(s.opensAt), at(s.closesAt), state));
        }
        return stages;
    }

    OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
