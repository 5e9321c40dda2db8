package cn.zhibu.annual.campaign;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells the people who take part in a campaign's stage that it opens and, a day before, that it closes
 * (CAMPAIGN_STAGE), subjects {@code campaign:<id>:<stage>:open} and {@code :close}. Raised when the campaign is made
 * and afresh whenever its timetable changes (what was not due yet is taken back and raised for the new times and
 * the people of today); taken back when it is cancelled or closed. A stage that has closed gets nothing; one open
 * already is told at once.
 *
 * <p>Who takes part: the unit's party members in a nomination, peer evaluation and publicity (they nominate
 * themselves, rate, object), and in a peer evaluation with unit raters whoever speaks for a child unit; the ratees
 * in reporting and self-evaluation; in the decision the people who manage the unit's annual cycle (secretaries and
 * org admins granted on it or a unit above; none granted everywhere).
 */
@ApplicationScoped
class CampaignStageNotices {

    static final String OPENS = "开始";
    static final String CLOSES = "截止";
    private static final Duration CLOSING_AHEAD = Duration.ofDays(1);

    private static final Map<StageKind, String> LABELS = Map.of(StageKind.NOMINATION, "提名",
            StageKind.REPORTING, "述职", StageKind.SELF_EVALUATION, "自评", StageKind.PEER_EVALUATION, "互评",
            StageKind.DECISION, "评定", StageKind.PUBLICITY, "公示");

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Notices notices;
    private final CampaignRaters raters;
    private final CampaignRatees ratees;

    CampaignStageNotices(EntityManager em, BusinessCalendar calendar, Notices notices, CampaignRaters raters,
            CampaignRatees ratees) {
        this.em = em;
        this.calendar = calendar;
        this.notices = notices;
        this.raters = raters;
        this.ratees = ratees;
    }

    static String subject(UUID campaignId, StageKind stage, String moment) {
        return "campaign:" + campaignId + ":" + stage.name() + ":" + moment;
    }

    /** The campaign was made or its timetable changed: each stage's notices as the timetable now says. */
    void scheduled(Campaign campaign) {
        Instant now = calendar.now();
        LocalDate today = calendar.dateOf(now);
        for (Campaign.Stage stage : campaign.stages) {
            withdraw(campaign.id, stage.kind);
            if (!stage.closesAt.isAfter(now)) {
                continue;
            }
            Set<UUID> people = participants(campaign, stage.kind, today);
            String link = "/v1/campaigns/" + campaign.id;
            notices.raise(new Notice(NoticeKind.CAMPAIGN_STAGE, subject(campaign.id, stage.kind, "open"), people,
                    latest(stage.opensAt, now), fields(campaign, stage.kind, OPENS, stage.opensAt), link));
            Instant closing = latest(latest(stage.closesAt.minus(CLOSING_AHEAD), stage.opensAt), now);
            notices.raise(new Notice(NoticeKind.CAMPAIGN_STAGE, subject(campaign.id, stage.kind, "close"), people,
                    closing, fields(campaign, stage.kind, CLOSES, stage.closesAt), link));
        }
    }

    /** The campaign was cancelled or closed: nothing more about its stages. */
    void ended(Campaign campaign) {
        campaign.stages.forEach(stage -> withdraw(campaign.id, stage.kind));
    }

    private void withdraw(UUID campaignId, StageKind stage) {
        notices.withdraw(NoticeKind.CAMPAIGN_STAGE, subject(campaignId, stage, "open"));
        notices.withdraw(NoticeKind.CAMPAIGN_STAGE, subject(campaignId, stage, "close"));
    }

    private static Map<String, String> fields(Campaign campaign, StageKind stage, String state, Instant at) {
        return Map.of(NoticeField.TITLE, campaign.title, NoticeField.NOTE, LABELS.get(stage), NoticeField.STATE, state,
                NoticeField.TIME, at.toString());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Set<UUID> participants(Campaign campaign, StageKind stage, LocalDate today) {
        Set<UUID> people = new LinkedHashSet<>();
        switch (stage) {
            case REPORTING, SELF_EVALUATION -> people.addAll(ratees.of(campaign.id));
            case DECISION -> people.addAll(managers(campaign.unitId));
            case PEER_EVALUATION -> {
                people.addAll(raters.members(campaign.unitId, today));
                if (campaign.unitRaters) {
                    people.addAll(speakers(raters.childUnits(campaign.unitId)));
                }
            }
            default -> people.addAll(raters.members(campaign.unitId, today));
        }
        return people;
    }

    /** Who manages the unit's annual cycle (ANNUAL_MANAGE): secretaries and org admins granted on it or above. */
    @SuppressWarnings("unchecked")
    private List<UUID> managers(UUID unitId) {
        return em.createNativeQuery("""
                select distinct a.person_id from role_grant g join account a on a.id = g.account_id
                join person p on p.id = a.person_id join org_unit u on u.id = g.org_unit_id
                where g.revoked_at is null and g.role in ('SECRETARY', 'ORG_ADMIN') and a.active and p.active
                  and (select path from org_unit where id = :unit) like u.path || '%'""")
                .setParameter("unit", unitId).getResultList();
    }

    /** Who speaks for these units in a unit ballot ({@link CampaignRaters#speaksFor}). */
    @SuppressWarnings("unchecked")
    private List<UUID> speakers(List<UUID> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("""
                select distinct a.person_id from role_grant g join account a on a.id = g.account_id
                join person p on p.id = a.person_id
                where g.revoked_at is null and g.role in ('SECRETARY', 'ORG_ADMIN', 'GROUP_LEADER') and a.active
                  and p.active and g.org_unit_id in (:units)""").setParameter("units", units)
                .getResultList();
    }
}
