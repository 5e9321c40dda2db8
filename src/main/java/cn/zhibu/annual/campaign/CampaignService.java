package cn.zhibu.annual.campaign;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Campaigns: made with their timetable and ratees, their timetable changed, cancelled or closed. */
@ApplicationScoped
public class CampaignService {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final CampaignTimetable timetable;
    private final CampaignRaters raters;
    private final CampaignRatees ratees;
    private final CampaignAccess reader;
    private final Event<CampaignClosing> closing;
    private final CampaignStageNotices notices;

    CampaignService(EntityManager em, BusinessCalendar calendar, CampaignTimetable timetable, CampaignRaters raters,
            CampaignRatees ratees, CampaignAccess reader, Event<CampaignClosing> closing,
            CampaignStageNotices notices) {
        this.em = em;
        this.calendar = calendar;
        this.timetable = timetable;
        this.raters = raters;
        this.ratees = ratees;
        this.reader = reader;
        this.closing = closing;
        this.notices = notices;
    }

    @Transactional
    public CampaignViews.View create(CampaignViews.Create request, String by) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(request.unitId())
                .orElseThrow(() -> new ProblemException(CampaignProblem.CAMPAIGN_UNIT_NOT_FOUND,
                        request.unitId().toString()));
        if (unit.kind != OrgUnitKind.BRANCH || unit.archived()) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_UNIT_KIND, unit.kind.name());
        }
        if (new HashSet<>(request.scale()).size() != request.scale().size()) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_SCALE_INVALID, String.join(", ", request.scale()));
        }
        rules(request);
        List<CampaignViews.StageTimes> stages = CampaignTimetable.stored(request.stages());
        timetable.check(request.type(), stages, request.publicityWorkingDays());
        Instant now = calendar.now();
        timetable.checkPublicityAhead(stages, now);
        List<UUID> rated = ratees(request, unit);
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.unitId = unit.id;
        campaign.year = request.year();
        campaign.type = request.type();
        campaign.title = request.title();
        campaign.scale = request.scale().toArray(String[]::new);
        campaign.quotaCount = request.quotaCount();
        campaign.quotaShare = request.quotaShare();
        campaign.publicityWorkingDays = request.publicityWorkingDays();
        campaign.unitRaters = Boolean.TRUE.equals(request.unitRaters());
        campaign.state = CampaignState.OPEN;
        campaign.createdBy = by;
        campaign.createdAt = now;
        campaign.updatedAt = now;
        stages.forEach(s -> campaign.stages.add(new Campaign.Stage(s.kind(), s.opensAt(), s.closesAt())));
        campaign.persistAndFlush();
        // the order of adding is the order shown: a microsecond apart, as the column keeps them
        for (int i = 0; i < rated.size(); i++) {
            ratees.add(campaign.id, rated.get(i), now.plusNanos(1000L * i));
        }
        notices.scheduled(campaign);
        return reader.view(campaign);
    }

    /** The rules the type takes: quotas, publicity and unit raters, reporters. */
    private static void rules(CampaignViews.Create request) {
        CampaignType type = request.type();
        boolean quota = request.quotaCount() != null || request.quotaShare() != null;
        boolean star = type == CampaignType.STAR_SELECTION;
        if (request.quotaCount() != null && request.quotaShare() != null) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_RULE_NOT_ALLOWED, "quotaShare", type.name());
        }
        if (quota && type == CampaignType.REPORT_REVIEW) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_RULE_NOT_ALLOWED,
                    request.quotaCount() != null ? "quotaCount" : "quotaShare", type.name());
        }
        if (!star && request.publicityWorkingDays() != null) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_RULE_NOT_ALLOWED, "publicityWorkingDays", type.name());
        }
        if (!star && Boolean.TRUE.equals(request.unitRaters())) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_RULE_NOT_ALLOWED, "unitRaters", type.name());
        }
        if (type != CampaignType.REPORT_REVIEW && request.reporters() != null) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_RULE_NOT_ALLOWED, "reporters", type.name());
        }
        if (star && request.publicityWorkingDays() == null) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_PUBLICITY_TOO_SHORT, 1, 0);
        }
    }

    /** The named reporters, the members at creation, or nobody yet (nominations add candidates). */
    private List<UUID> ratees(CampaignViews.Create request, OrgUnit unit) {
        switch (request.type()) {
            case REPORT_REVIEW -> {
                if (request.reporters() == null) {
                    List<UUID> reporters = raters.defaultReporters(unit.id, calendar.today());
                    if (reporters.isEmpty()) {
                        throw new ProblemException(CampaignProblem.CAMPAIGN_NO_RATEES, unit.id.toString());
                    }
                    return reporters;
                }
                List<UUID> members = raters.members(unit.id, calendar.today());
                List<UUID> reporters = request.reporters().stream().distinct().toList();
                for (UUID reporter : reporters) {
                    if (!members.contains(reporter)) {
                        throw new ProblemException(CampaignProblem.CAMPAIGN_REPORTER_NOT_MEMBER, reporter.toString());
                    }
                }
                return reporters;
            }
            case MEMBER_APPRAISAL -> {
                List<UUID> members = raters.members(unit.id, calendar.today());
                if (members.isEmpty()) {
                    throw new ProblemException(CampaignProblem.CAMPAIGN_NO_RATEES, unit.id.toString());
                }
                return members;
            }
            default -> {
                return List.of();
            }
        }
    }

    /** The campaign's unit, if it exists. */
    public Optional<UUID> unitOf(UUID id) {
        return em.createQuery("select c.unitId from Campaign c where c.id = :id", UUID.class).setParameter("id", id)
                .getResultStream().findFirst();
    }

    public Campaign require(UUID id) {
        return Campaign.<Campaign>findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    @Transactional
    public CampaignViews.View view(UUID id) {
        return reader.view(require(id));
    }

    /** A unit's campaigns (of a year, or all), latest year first. */
    @Transactional
    public Page<CampaignViews.Summary> list(UUID unitId, Integer year, PageRequest page) {
        StringBuilder query = new StringBuilder("from Campaign where unitId = :unit");
        if (year != null) {
            query.append(" and year = :year");
        }
        Optional<List<String>> after = page.after();
        after.ifPresent(a -> query.append(" and (year < :afterYear or (year = :afterYear and id > :afterId))"));
        var typed = em.createQuery(query + " order by year desc, id", Campaign.class).setParameter("unit", unitId);
        if (year != null) {
            typed.setParameter("year", year);
        }
        after.ifPresent(a -> typed.setParameter("afterYear", Integer.parseInt(a.get(0)))
                .setParameter("afterId", UUID.fromString(a.get(1))));
        List<Campaign> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        return page.page(rows, c -> List.of(Integer.toString(c.year), c.id.toString()), reader::summary);
    }

    @Transactional
    public CampaignViews.View change(UUID id, IfMatch precondition, CampaignViews.Change request) {
        Campaign campaign = lock(id);
        precondition.check(campaign.version);
        requireOpen(campaign);
        Instant now = calendar.now();
        List<CampaignViews.StageTimes> stages = CampaignTimetable.stored(request.stages());
        timetable.check(campaign.type, stages, campaign.publicityWorkingDays);
        timetable.checkChange(campaign, stages, now);
        campaign.title = request.title();
        for (CampaignViews.StageTimes next : stages) {
            Campaign.Stage stage = campaign.stage(next.kind()).orElseThrow();
            stage.opensAt = next.opensAt();
            stage.closesAt = next.closesAt();
        }
        campaign.updatedAt = now;
        em.flush();
        notices.scheduled(campaign);
        return reader.view(campaign);
    }

    @Transactional
    public CampaignViews.View cancel(UUID id, IfMatch precondition) {
        Campaign campaign = lock(id);
        precondition.check(campaign.version);
        requireOpen(campaign);
        Instant now = calendar.now();
        campaign.state = CampaignState.CANCELLED;
        campaign.closedAt = now;
        campaign.updatedAt = now;
        em.flush();
        notices.ended(campaign);
        return reader.view(campaign);
    }

    /**
     * Closes a campaign whose last ballot-taking stage has closed: its row locked, {@link CampaignClosing} fired
     * (an observer may refuse, rolling everything back, or store what the closing decides), then CLOSED.
     */
    @Transactional
    public CampaignViews.View close(UUID id, IfMatch precondition) {
        Campaign campaign = lock(id);
        precondition.check(campaign.version);
        requireOpen(campaign);
        Instant now = calendar.now();
        for (Campaign.Stage stage : campaign.stages) {
            if (stage.kind.takesBallots() && now.isBefore(stage.closesAt)) {
                throw new ProblemException(CampaignProblem.CAMPAIGN_STILL_RATING, stage.kind.name(),
                        stage.closesAt.toString());
            }
        }
        closing.fire(new CampaignClosing(campaign.id, campaign.unitId, campaign.year, campaign.type, campaign.title,
                now));
        campaign.state = CampaignState.CLOSED;
        campaign.closedAt = now;
        campaign.updatedAt = now;
        em.flush();
        notices.ended(campaign);
        return reader.view(campaign);
    }

    private Campaign lock(UUID id) {
        Campaign campaign = em.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return campaign;
    }

    private static void requireOpen(Campaign campaign) {
        if (campaign.state != CampaignState.OPEN) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_NOT_OPEN, campaign.state.name());
        }
    }
}
