package cn.zhibu.privacy.mydata;

import static cn.zhibu.platform.db.Rows.instant;
import static cn.zhibu.platform.db.Rows.integer;
import static cn.zhibu.platform.db.Rows.localDate;
import static cn.zhibu.platform.db.Rows.string;
import static cn.zhibu.platform.db.Rows.uuid;

import cn.zhibu.privacy.mydata.MyDataAnnualViews.AnnualPlan;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.AnnualPlanItem;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.AnnualPlanReview;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignBallot;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignDecision;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignNomination;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignObjection;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignRatee;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignReport;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.Honour;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.IntegrityDeclaration;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.PledgeAssessment;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.PledgeReview;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.PledgeSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The sections of a member's data about campaigns, the annual cycle and integrity declarations. */
@ApplicationScoped
class MyDataAnnualSections {

    private final MyDataQueries q;

    MyDataAnnualSections(MyDataQueries q) {
        this.q = q;
    }

    List<CampaignRatee> campaignRatees(UUID me) {
        return q.rows("select campaign_id as campaign_id, person_id as person_id, added_at as added_at "
                + "from campaign_ratee where person_id = :me order by added_at, campaign_id", me,
                r -> new CampaignRatee(uuid(r, "campaign_id"), uuid(r, "person_id"), instant(r, "added_at")));
    }

    List<CampaignReport> campaignReports(UUID me) {
        return q.rows("select campaign_id as campaign_id, person_id as person_id, body as body, links as links, "
                + "submitted_at as submitted_at, updated_at as updated_at from campaign_report where person_id = :me "
                + "order by submitted_at, campaign_id", me,
                r -> new CampaignReport(uuid(r, "campaign_id"), uuid(r, "person_id"), string(r, "body"),
                        MyDataQueries.texts(r, "links"), instant(r, "submitted_at"), instant(r, "updated_at")));
    }

    /** The ballots the person cast; never others' ballots about them. */
    List<CampaignBallot> campaignBallots(UUID me) {
        return q.rows("select campaign_id as campaign_id, stage as stage, rater_kind as rater_kind, "
                + "rater_id as rater_id, ratee_id as ratee_id, grade as grade, cast_by as cast_by, cast_at as cast_at "
                + "from campaign_ballot where cast_by = :me order by cast_at, campaign_id, ratee_id", me,
                r -> new CampaignBallot(uuid(r, "campaign_id"), string(r, "stage"), string(r, "rater_kind"),
                        uuid(r, "rater_id"), uuid(r, "ratee_id"), string(r, "grade"), uuid(r, "cast_by"),
                        instant(r, "cast_at")));
    }

    List<CampaignNomination> campaignNominations(UUID me) {
        return q.rows("select id as id, campaign_id as campaign_id, person_id as person_id, "
                + "nominated_by_unit_id as unit_id, self_evaluation as self_evaluation, deeds as deeds, "
                + "created_at as created_at from campaign_nomination where person_id = :me order by created_at, id", me,
                r -> new CampaignNomination(uuid(r, "id"), uuid(r, "campaign_id"), uuid(r, "person_id"),
                        uuid(r, "unit_id"), string(r, "self_evaluation"), string(r, "deeds"),
                        instant(r, "created_at")));
    }

    /** Decisions of closed campaigns only: results are published when a campaign closes. */
    List<CampaignDecision> campaignDecisions(UUID me) {
        return q.rows("select d.campaign_id as campaign_id, d.person_id as person_id, d.outcome as outcome, "
                + "d.reason as reason, d.updated_at as updated_at from campaign_decision d join campaign c on "
                + "c.id = d.campaign_id where d.person_id = :me and c.state = 'CLOSED' order by d.created_at, d.id",
                me, r -> new CampaignDecision(uuid(r, "campaign_id"), uuid(r, "person_id"), string(r, "outcome"),
                        string(r, "reason"), instant(r, "updated_at")));
    }

    List<CampaignObjection> campaignObjections(UUID me) {
        return q.rows("select id as id, campaign_id as campaign_id, person_id as candidate_id, "
                + "objector_id as objector_id, text as text, answer as answer, created_at as created_at, "
                + "answered_at as answered_at from campaign_objection where objector_id = :me "
                + "order by created_at, id", me,
                r -> new CampaignObjection(uuid(r, "id"), uuid(r, "campaign_id"), uuid(r, "candidate_id"),
                        uuid(r, "objector_id"), string(r, "text"), string(r, "answer"), instant(r, "created_at"),
                        instant(r, "answered_at")));
    }

    List<AnnualPlan> annualPlans(UUID me) {
        return q.rows("select id as id, unit_id as unit_id, owner_id as owner_id, year as year, state as state, "
                + "summary as summary, submitted_at as submitted_at, created_at as created_at, "
                + "updated_at as updated_at from annual_plan where owner_id = :me order by year, created_at, id", me,
                r -> new AnnualPlan(uuid(r, "id"), uuid(r, "unit_id"), uuid(r, "owner_id"), integer(r, "year"),
                        string(r, "state"), string(r, "summary"), instant(r, "submitted_at"), instant(r, "created_at"),
                        instant(r, "updated_at")));
    }

    List<AnnualPlanItem> annualPlanItems(UUID me) {
        return q.rows("select id as id, plan_id as plan_id, owner_id as owner_id, kind as kind, title as title, "
                + "target_count as target_count, target_date as target_date, done_at as done_at, "
                + "evidence as evidence from annual_plan_item where owner_id = :me order by created_at, id", me,
                r -> new AnnualPlanItem(uuid(r, "id"), uuid(r, "plan_id"), uuid(r, "owner_id"), string(r, "kind"),
                        string(r, "title"), integer(r, "target_count"), localDate(r, "target_date"),
                        instant(r, "done_at"), string(r, "evidence")));
    }

    List<AnnualPlanReview> annualPlanReviews(UUID me) {
        return q.rows("select id as id, plan_id as plan_id, reviewer_person_id as reviewer, decision as decision, "
                + "note as note, reviewed_at as reviewed_at from annual_plan_review where reviewer_person_id = :me "
                + "order by reviewed_at, id", me,
                r -> new AnnualPlanReview(uuid(r, "id"), uuid(r, "plan_id"), uuid(r, "reviewer"),
                        string(r, "decision"), string(r, "note"), instant(r, "reviewed_at")));
    }

    List<PledgeSignature> pledgeSignatures(UUID me) {
        return q.rows("select pledge_id as pledge_id, person_id as person_id, title as title, text as text, "
                + "standards as standards, sha256 as sha256, signed_at as signed_at from pledge_signature "
                + "where person_id = :me order by signed_at, pledge_id", me,
                r -> new PledgeSignature(uuid(r, "pledge_id"), uuid(r, "person_id"), string(r, "title"),
                        string(r, "text"), MyDataQueries.texts(r, "standards"), string(r, "sha256"),
                        instant(r, "signed_at")));
    }

    List<PledgeReview> pledgeReviews(UUID me) {
        return q.rows("select pledge_id as pledge_id, person_id as person_id, assessed_at as assessed_at, "
                + "comment as comment, commented_at as commented_at from pledge_review where person_id = :me "
                + "order by assessed_at, pledge_id", me,
                r -> new PledgeReview(uuid(r, "pledge_id"), uuid(r, "person_id"), instant(r, "assessed_at"),
                        string(r, "comment"), instant(r, "commented_at")));
    }

    List<PledgeAssessment> pledgeAssessments(UUID me) {
        return q.rows("select pledge_id as pledge_id, person_id as person_id, standard as standard, text as text, "
                + "grade as grade from pledge_assessment where person_id = :me order by pledge_id, standard", me,
                r -> new PledgeAssessment(uuid(r, "pledge_id"), uuid(r, "person_id"), integer(r, "standard"),
                        string(r, "text"), string(r, "grade")));
    }

    List<Honour> honours(UUID me) {
        return q.rows("select id as id, person_id as person_id, title as title, level as level, year as year, "
                + "awarded_by as awarded_by, campaign_id as campaign_id from honour where person_id = :me "
                + "order by year, created_at, id", me,
                r -> new Honour(uuid(r, "id"), uuid(r, "person_id"), string(r, "title"), string(r, "level"),
                        integer(r, "year"), string(r, "awarded_by"), uuid(r, "campaign_id")));
    }

    /** The person's own declarations, without the sealed content (read, and audited, at the declarations). */
    List<IntegrityDeclaration> integrityDeclarations(UUID me) {
        return q.rows("select id as id, person_id as person_id, type as type, report_year as report_year, "
                + "state as state, submitted_at as submitted_at, unit_reviewed_at as unit_reviewed_at, "
                + "unit_note as unit_note, officer_reviewed_at as officer_reviewed_at, officer_note as officer_note "
                + "from integrity_declaration where person_id = :me order by submitted_at, id", me,
                r -> new IntegrityDeclaration(uuid(r, "id"), uuid(r, "person_id"), string(r, "type"),
                        integer(r, "report_year"), string(r, "state"), instant(r, "submitted_at"),
                        instant(r, "unit_reviewed_at"), string(r, "unit_note"), instant(r, "officer_reviewed_at"),
                        string(r, "officer_note")));
    }
}
