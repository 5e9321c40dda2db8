package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.StarsSelected;
import cn.zhibu.annual.campaign.Campaign;
import cn.zhibu.annual.campaign.CampaignClosing;
import cn.zhibu.annual.campaign.CampaignRatees;
import cn.zhibu.annual.campaign.CampaignState;
import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Campaigns for the decision side's tests, written as the campaign engine writes them (the engine is built apart):
 * the campaign through its entity with a timetable where one stage is open now, ratees through CampaignRatees, and
 * closing as the engine closes (the row locked, CampaignClosing fired in the transaction, then CLOSED). Also keeps
 * the StarsSelected events fired.
 */
@ApplicationScoped
public class CampaignRows {

    static final Duration STAGE = Duration.ofDays(10);

    private final List<StarsSelected> stars = new CopyOnWriteArrayList<>();

    private final EntityManager em;
    private final CampaignRatees ratees;
    private final Event<CampaignClosing> closing;
    private final BusinessCalendar calendar;

    CampaignRows(EntityManager em, CampaignRatees ratees, Event<CampaignClosing> closing, BusinessCalendar calendar) {
        this.em = em;
        this.ratees = ratees;
        this.closing = closing;
        this.calendar = calendar;
    }

    /** A campaign of the unit in this year whose {@code open} stage is open now (null: every stage past). */
    @Transactional
    public UUID create(UUID unitId, CampaignType type, Integer quotaCount, BigDecimal quotaShare, StageKind open) {
        Instant now = calendar.now();
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.unitId = unitId;
        campaign.year = calendar.today().getYear();
        campaign.type = type;
        campaign.title = campaign.year + (type == CampaignType.STAR_SELECTION ? "年度“组工之星”" : "年度民主评议党员");
        campaign.scale = type == CampaignType.STAR_SELECTION ? new String[] {"好", "较好", "一般", "差"}
                : new String[] {"优秀", "合格", "基本合格", "不合格"};
        campaign.quotaCount = quotaCount;
        campaign.quotaShare = quotaShare;
        campaign.publicityWorkingDays = type == CampaignType.STAR_SELECTION ? 5 : null;
        campaign.state = CampaignState.OPEN;
        campaign.createdBy = "test";
        campaign.createdAt = now;
        campaign.updatedAt = now;
        campaign.stages.addAll(timetable(type, open, now));
        campaign.persistAndFlush();
        return campaign.id;
    }

    /** Moves the timetable so that {@code open} is open now (null: every stage past). */
    @Transactional
    public void open(UUID campaignId, StageKind open) {
        Campaign campaign = em.find(Campaign.class, campaignId);
        campaign.stages.clear();
        campaign.stages.addAll(timetable(campaign.type, open, calendar.now()));
        campaign.updatedAt = calendar.now();
        campaign.persistAndFlush();
    }

    @Transactional
    public void addRatee(UUID campaignId, UUID personId) {
        ratees.add(campaignId, personId, calendar.now());
    }

    /** A nomination of the person by the unit, straight in the tables (as the API stores one). */
    @Transactional
    public UUID nominate(UUID campaignId, UUID personId, UUID unitId) {
        UUID id = UUID.randomUUID();
        Instant now = calendar.now();
        em.createNativeQuery("insert into campaign_nomination (id, campaign_id, person_id, nominated_by_unit_id, "
                + "created_by, version, created_at, updated_at) values (:id, :campaign, :person, :unit, 'test', 0, "
                + ":now, :now)").setParameter("id", id).setParameter("campaign", campaignId)
                .setParameter("person", personId).setParameter("unit", unitId).setParameter("now", now)
                .executeUpdate();
        ratees.add(campaignId, personId, now);
        return id;
    }

    /** An objection to the person by the objector, straight in the table. */
    @Transactional
    public UUID object(UUID campaignId, UUID personId, UUID objectorId) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into campaign_objection (id, campaign_id, person_id, objector_id, text, version, "
                + "created_at, updated_at) values (:id, :campaign, :person, :objector, '异议。', 0, :now, :now)")
                .setParameter("id", id).setParameter("campaign", campaignId).setParameter("person", personId)
                .setParameter("objector", objectorId).setParameter("now", calendar.now()).executeUpdate();
        return id;
    }

    /** Closes the campaign as the engine does: any observer's refusal rolls everything back. */
    @Transactional
    public void close(UUID campaignId) {
        em.createNativeQuery("select id from campaign where id = :id for update").setParameter("id", campaignId)
                .getResultList();
        Campaign campaign = em.find(Campaign.class, campaignId);
        Instant now = calendar.now();
        closing.fire(new CampaignClosing(campaign.id, campaign.unitId, campaign.year, campaign.type, campaign.title,
                now));
        campaign.state = CampaignState.CLOSED;
        campaign.closedAt = now;
        campaign.updatedAt = now;
        campaign.persistAndFlush();
    }

    /** The StarsSelected events fired so far. */
    public List<StarsSelected> stars() {
        return List.copyOf(stars);
    }

    void onStars(@Observes StarsSelected selected) {
        stars.add(selected);
    }

    static List<Campaign.Stage> timetable(CampaignType type, StageKind open, Instant now) {
        List<StageKind> kinds = type.stages();
        int at = open == null ? kinds.size() : kinds.indexOf(open);
        return kinds.stream().map(kind -> {
            Instant opens = now.minus(Duration.ofDays(1)).plus(STAGE.multipliedBy(kinds.indexOf(kind) - at));
            return new Campaign.Stage(kind, opens, opens.plus(STAGE));
        }).toList();
    }
}
