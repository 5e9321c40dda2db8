package cn.zhibu.annual;

import cn.zhibu.annual.campaign.decision.DecisionRecords;
import cn.zhibu.annual.honour.HonourRecords;
import cn.zhibu.annual.pledge.PledgeRecords;
import cn.zhibu.points.AnnualRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The member file's view of a person's year in the annual cycle, gathered from the parts that keep it. */
@ApplicationScoped
public class AnnualFileRecords implements AnnualRecords {

    private final DecisionRecords decisions;
    private final PledgeRecords pledges;
    private final HonourRecords honours;

    AnnualFileRecords(DecisionRecords decisions, PledgeRecords pledges, HonourRecords honours) {
        this.decisions = decisions;
        this.pledges = pledges;
        this.honours = honours;
    }

    @Override
    public Year of(UUID personId, int year) {
        PledgeRecords.Review review = pledges.reviewOf(personId, year);
        return new Year(decisions.appraisalGradeOf(personId, year), decisions.starOf(personId, year),
                review.reviewed(), review.comment(), honours.ofPerson(personId, year));
    }
}
