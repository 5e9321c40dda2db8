package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.Campaign;
import cn.zhibu.annual.campaign.CampaignClosing;
import cn.zhibu.annual.campaign.CampaignRatees;
import cn.zhibu.annual.campaign.CampaignState;
import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): last year's star selection (组工之星) of the demo branch, its timetable wholly
 * in last year: a self-nomination and three by units, two stars and two not selected (each with its reason), an
 * objection answered, then closed as the campaign engine closes (CampaignClosing fired, CLOSED), so the stars
 * stand (StarsSelected). Added once; runs after the people and org units of the demo branch are loaded.
 */
@ApplicationScoped
public class StarSelectionDemoData {

    private static final Logger LOG = Logger.getLogger(StarSelectionDemoData.class);
    private static final String BY = "system:demo";

    private final EntityManager em;
    private final CampaignRatees ratees;
    private final Event<CampaignClosing> closing;
    private final BusinessCalendar calendar;

    StarSelectionDemoData(EntityManager em, CampaignRatees ratees, Event<CampaignClosing> closing,
            BusinessCalendar calendar) {
        this.em = em;
        this.ratees = ratees;
        this.closing = closing;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        Optional<UUID> found = OrgDemoData.branch();
        int year = calendar.today().getYear() - 1;
        if (found.isEmpty() || Campaign.count("unitId = ?1 and year = ?2 and type = ?3", found.get(), year,
                CampaignType.STAR_SELECTION) > 0) {
            return;
        }
        UUID branch = found.get();
        List<UUID> members = em.createNativeQuery("select p.id from person p join membership m on m.person_id = p.id "
                + "where m.org_unit_id = :branch and m.is_branch and m.end_date is null and p.political_status = 'FULL' "
                + "order by p.external_id nulls last, p.id limit 6").setParameter("branch", branch).getResultList();
        List<UUID> groups = em.createNativeQuery("select id from org_unit where parent_id = :branch "
                + "and kind = 'PARTY_GROUP' order by name").setParameter("branch", branch).getResultList();
        if (members.size() < 6 || groups.isEmpty()) {
            return;
        }
        Campaign campaign = campaign(branch, year);
        Instant nominated = at(year, 11, 5);
        nominate(campaign.id, members.get(0), null, nominated, "牢记初心，认真履行组工干部职责，积极参加组织生活和学习。",
                "牵头完成全区干部人事档案专项审核，整理档案四百余卷；结对帮扶两户困难群众。");
        nominate(campaign.id, members.get(1), branch, nominated.plusSeconds(60), null,
                "在年度考核工作中统筹协调，按期完成全区考核数据汇总，工作细致，群众评价好。");
        nominate(campaign.id, members.get(2), groups.get(0), nominated.plusSeconds(120), null,
                "主动承担党员教育培训任务，组织微型党课十二次。");
        nominate(campaign.id, members.get(3), groups.get(groups.size() - 1), nominated.plusSeconds(180), null,
                "坚持每周学习打卡，带动小组学习氛围。");
        Instant decided = at(year, 11, 25);
        decide(campaign.id, members.get(0), Quotas.SELECTED, "事迹突出，档案审核成效显著，群众公认度高。", decided);
        decide(campaign.id, members.get(1), Quotas.SELECTED, "年度考核组织有力，工作成效明显。", decided.plusSeconds(60));
        decide(campaign.id, members.get(2), Quotas.NOT_SELECTED, "表现良好，但受名额所限，未当选。", decided.plusSeconds(120));
        decide(campaign.id, members.get(3), Quotas.NOT_SELECTED, "学习积极，事迹尚需进一步积累。", decided.plusSeconds(180));
        CampaignObjection objection = new CampaignObjection();
        objection.id = UUID.randomUUID();
        objection.campaignId = campaign.id;
        objection.personId = members.get(1);
        objection.objectorId = members.get(5);
        objection.text = "该同志年中曾两次请假未参加主题党日，是否影响评选？";
        objection.createdAt = at(year, 12, 2);
        objection.answer = "经核实，两次请假均因公出差并按规定履行请假手续，不影响评选。";
        objection.answeredBy = BY;
        objection.answeredAt = at(year, 12, 3);
        objection.updatedAt = objection.answeredAt;
        objection.persist();
        em.flush();
        // closed as the engine closes: the row locked, the closing fired in the transaction, then CLOSED
        em.createNativeQuery("select id from campaign where id = :id for update").setParameter("id", campaign.id)
                .getResultList();
        Instant closedAt = at(year, 12, 10);
        closing.fire(new CampaignClosing(campaign.id, branch, year, CampaignType.STAR_SELECTION, campaign.title,
                closedAt));
        campaign.state = CampaignState.CLOSED;
        campaign.closedAt = closedAt;
        campaign.updatedAt = closedAt;
        campaign.persistAndFlush();
        LOG.infof("Demo data: the %d star selection of the demo branch, closed with two stars", year);
    }

    private Campaign campaign(UUID branch, int year) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.unitId = branch;
        campaign.year = year;
        campaign.type = CampaignType.STAR_SELECTION;
        campaign.title = year + "年度“组工之星”";
        campaign.scale = new String[] {"好", "较好", "一般", "差"};
        campaign.quotaCount = 2;
        campaign.publicityWorkingDays = 5;
        campaign.unitRaters = true;
        campaign.state = CampaignState.OPEN;
        campaign.createdBy = BY;
        campaign.createdAt = at(year, 10, 28);
        campaign.updatedAt = campaign.createdAt;
        campaign.stages.add(new Campaign.Stage(StageKind.NOMINATION, at(year, 11, 1), at(year, 11, 11)));
        campaign.stages.add(new Campaign.Stage(StageKind.PEER_EVALUATION, at(year, 11, 11), at(year, 11, 21)));
        campaign.stages.add(new Campaign.Stage(StageKind.DECISION, at(year, 11, 21), at(year, 12, 1)));
        campaign.stages.add(new Campaign.Stage(StageKind.PUBLICITY, at(year, 12, 1), at(year, 12, 8)));
        campaign.persistAndFlush();
        return campaign;
    }

    private void nominate(UUID campaignId, UUID person, UUID unit, Instant at, String selfEvaluation, String deeds) {
        CampaignNomination nomination = new CampaignNomination();
        nomination.id = UUID.randomUUID();
        nomination.campaignId = campaignId;
        nomination.personId = person;
        nomination.nominatedByUnitId = unit;
        nomination.selfEvaluation = selfEvaluation;
        nomination.deeds = deeds;
        nomination.createdBy = BY;
        nomination.createdAt = at;
        nomination.updatedAt = at;
        nomination.persist();
        ratees.add(campaignId, person, at);
    }

    private void decide(UUID campaignId, UUID person, String outcome, String reason, Instant at) {
        CampaignDecision decision = new CampaignDecision();
        decision.id = UUID.randomUUID();
        decision.campaignId = campaignId;
        decision.personId = person;
        decision.outcome = outcome;
        decision.reason = reason;
        decision.decidedBy = BY;
        decision.createdAt = at;
        decision.updatedAt = at;
        decision.persist();
        em.flush();
    }

    private Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(9, 0).atZone(calendar.zone()).toInstant();
    }
}
