package cn.zhibu.annual.campaign;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of campaigns, their reports, ballots and results. */
public enum CampaignProblem implements ProblemKind {
    /** The unit named in a request is unknown or out of sight. */
    CAMPAIGN_UNIT_NOT_FOUND(422),
    /** Campaigns are run by branches: their members are the raters and the rated. */
    CAMPAIGN_UNIT_KIND(422),
    /** A scale's grades are distinct. */
    CAMPAIGN_SCALE_INVALID(422),
    /** The timetable has the type's stages, in order, each closing after it opens and before the next opens. */
    CAMPAIGN_TIMETABLE_INVALID(422),
    /** A rule the campaign's type does not take (a quota, publicity, unit raters, reporters), or two quotas. */
    CAMPAIGN_RULE_NOT_ALLOWED(422),
    /** A stage that has not opened yet opens now or later; a publicity (公示) runs, it is not recorded afterwards. */
    CAMPAIGN_STAGE_IN_PAST(422),
    /** A star selection says how many working days its publicity lasts, and its PUBLICITY stage spans them. */
    CAMPAIGN_PUBLICITY_TOO_SHORT(422),
    /** A reporter is a current member of the campaign's unit. */
    CAMPAIGN_REPORTER_NOT_MEMBER(422),
    /** A campaign without anyone to rate. */
    CAMPAIGN_NO_RATEES(422),
    /** A closed stage never changes; an open one keeps its opening and does not close in the past. */
    CAMPAIGN_STAGE_CLOSED(409),
    /** The campaign is closed or cancelled. */
    CAMPAIGN_NOT_OPEN(409),
    /** A campaign closes once its last ballot-taking stage has closed. */
    CAMPAIGN_STILL_RATING(409),
    /** The stage takes no ballots (or reports), or is not open now. */
    CAMPAIGN_STAGE_NOT_OPEN(409),
    /** The grade is not on the campaign's scale. */
    CAMPAIGN_GRADE_NOT_IN_SCALE(422),
    /** The person is not rated in this campaign. */
    CAMPAIGN_NOT_A_RATEE(422),
    /** Nobody rates themself among peers. */
    CAMPAIGN_SELF_RATING(422),
    /** A self-evaluation is of oneself. */
    CAMPAIGN_SELF_EVALUATION_OF_OTHER(422),
    /** The unit named does not rate in this campaign, or the caller does not act for it. */
    CAMPAIGN_UNIT_RATER_INVALID(422),
    /** Taking part (reporting, rating) is for people's own accounts. */
    CAMPAIGN_NOT_A_PERSON(403),
    /** Only current members of the campaign's unit rate. */
    CAMPAIGN_NOT_A_RATER(403),
    /** Only the reporter writes their report. */
    CAMPAIGN_NOT_THE_REPORTER(403),
    /** Members see the results once the campaign is closed. */
    CAMPAIGN_RESULTS_NOT_PUBLISHED(409);

    private final int status;

    CampaignProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
