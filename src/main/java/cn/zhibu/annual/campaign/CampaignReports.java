package cn.zhibu.annual.campaign;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reports of a report review (述职报告): written by each reporter while REPORTING is open, read by every member. */
@ApplicationScoped
public class CampaignReports {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final CampaignRatees ratees;
    private final CampaignAccess reader;

    CampaignReports(EntityManager em, BusinessCalendar calendar, CampaignRatees ratees, CampaignAccess reader) {
        this.em = em;
        this.calendar = calendar;
        this.ratees = ratees;
        this.reader = reader;
    }

    /** Writes (or replaces) the reporter's report: {@code author} must be that reporter. */
    @Transactional
    public CampaignBallotViews.Report write(UUID campaignId, UUID reporter, UUID author,
            CampaignBallotViews.ReportWrite request) {
        Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_READ);
        if (campaign == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        if (!reporter.equals(author)) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_NOT_THE_REPORTER);
        }
        Instant now = calendar.now();
        if (!campaign.isOpen(StageKind.REPORTING, now)) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_STAGE_NOT_OPEN, StageKind.REPORTING.name());
        }
        if (!ratees.contains(campaignId, reporter)) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_NOT_THE_REPORTER);
        }
        String[] links = request.links() == null ? new String[0]
                : request.links().stream().distinct().toArray(String[]::new);
        em.createNativeQuery("""
                insert into campaign_report (campaign_id, person_id, body, links, submitted_at, updated_at)
                values (:campaign, :person, :body, cast(:links as text[]), :at, :at)
                on conflict (campaign_id, person_id)
                do update set body = excluded.body, links = excluded.links, updated_at = excluded.updated_at""")
                .setParameter("campaign", campaignId).setParameter("person", reporter)
                .setParameter("body", request.text()).setParameter("links", links).setParameter("at", now)
                .executeUpdate();
        return list(campaignId).stream().filter(r -> r.personId().equals(reporter)).findFirst().orElseThrow();
    }

    /** The reports submitted, in the reporters' order. */
    @Transactional
    public List<CampaignBallotViews.Report> list(UUID campaignId) {
        List<CampaignBallotViews.Report> reports = new ArrayList<>();
        for (Tuple row : tuples(em.createNativeQuery("""
                select r.person_id as person_id, p.name as name, r.body as body, array_to_string(r.links, ' ') as links,
                       r.submitted_at as submitted_at, r.updated_at as updated_at
                from campaign_report r join campaign_ratee e on e.campaign_id = r.campaign_id and e.person_id = r.person_id
                join person p on p.id = r.person_id
                where r.campaign_id = :campaign order by e.added_at, r.person_id""", Tuple.class)
                .setParameter("campaign", campaignId).getResultList())) {
            // links are ASCII without spaces (CampaignLink): joined by a space, split back
            String links = Rows.string(row, "links");
            List<String> list = links == null || links.isEmpty() ? List.of() : Arrays.asList(links.split(" "));
            reports.add(new CampaignBallotViews.Report(Rows.uuid(row, "person_id"), Rows.string(row, "name"),
                    Rows.string(row, "body"), list, reader.at(Rows.instant(row, "submitted_at")),
                    reader.at(Rows.instant(row, "updated_at"))));
        }
        return reports;
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Tuple> tuples(java.util.List<?> rows) {
        return (java.util.List<Tuple>) rows;
    }
}
