package cn.zhibu.annual;

import cn.zhibu.annual.campaign.CampaignDemoData;
import cn.zhibu.annual.campaign.decision.StarSelectionDemoData;
import cn.zhibu.annual.honour.HonourDemoData;
import cn.zhibu.annual.plan.PlanDemoData;
import cn.zhibu.annual.pledge.PledgeDemoData;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The demo branch's annual cycle, after everything it reads (sessions, lectures, quizzes, integrity files): its
 * honours, this year's pledge signed by most members and last year's reviewed, last year's 述职评议 closed with
 * results and this year's 民主评议党员 open for mutual rating, last year's 组工之星 closed with two stars (whose
 * honours the closing enters), and the plans: this year's half done, last year's approved. Each part adds itself
 * only when it is not there yet.
 */
@ApplicationScoped
public class AnnualDemoData {

    private final HonourDemoData honours;
    private final PledgeDemoData pledges;
    private final CampaignDemoData campaigns;
    private final StarSelectionDemoData stars;
    private final PlanDemoData plans;

    AnnualDemoData(HonourDemoData honours, PledgeDemoData pledges, CampaignDemoData campaigns,
            StarSelectionDemoData stars, PlanDemoData plans) {
        this.honours = honours;
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.stars = stars;
        this.plans = plans;
    }

    public void load() {
        honours.load();
        pledges.load();
        // the campaigns' demo looks for a campaign of the branch to know it ran, so it goes before the star selection
        campaigns.load();
        stars.load();
        plans.load();
    }
}
