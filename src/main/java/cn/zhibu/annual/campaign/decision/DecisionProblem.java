package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of nominations, decisions, objections and the closing checks of campaigns. */
public enum DecisionProblem implements ProblemKind {
    /** Nominations are made and withdrawn while a star selection's NOMINATION stage is open. */
    NOMINATION_CLOSED(409),
    /** A person is nominated once per campaign. */
    NOMINATION_EXISTS(409),
    /** A self-nomination states a self-evaluation and deeds. */
    NOMINATION_SELF_TEXT_REQUIRED(422),
    /** Nominating someone else takes a nominating unit. */
    NOMINATION_NEEDS_UNIT(422),
    /** The nominating unit is the campaign's unit or a unit below it. */
    NOMINATING_UNIT_INVALID(422),
    /** The nominee is a current member of the campaign unit's subtree. */
    NOMINEE_NOT_MEMBER(422),
    /** Eligibility: the year's points earn a band below the one the settings name. */
    NOMINEE_BAND_TOO_LOW(422),
    /** Eligibility: a disciplinary entry was recorded in the year. */
    NOMINEE_DISCIPLINED(422),
    /** Only the nominee or a manager of the nominating unit withdraws a nomination. */
    NOMINATION_NOT_YOURS(403),
    /** Nominating oneself and objecting are a person's own: a staff account without a person cannot. */
    PARTICIPANT_NOT_A_PERSON(403),
    /** Decisions are made while the campaign's DECISION stage is open. */
    DECISION_CLOSED(409),
    /** Decisions are for the campaign's ratees. */
    DECISION_NOT_A_RATEE(422),
    /** The outcome is a grade of the campaign's scale (member appraisal) or SELECTED / NOT_SELECTED. */
    DECISION_OUTCOME_INVALID(422),
    /** The best grade (or SELECTED) is given at most as often as the quota allows. */
    DECISION_QUOTA_EXCEEDED(422),
    /** Members see the decisions once publicity opens (star selection) or the campaign is closed. */
    DECISIONS_NOT_PUBLISHED(403),
    /** Objections are raised while a star selection's PUBLICITY stage is open. */
    OBJECTION_CLOSED(409),
    /** An objection names a candidate of the campaign. */
    OBJECTION_NOT_A_CANDIDATE(422),
    /** Objections are answered while the campaign is open. */
    OBJECTION_ANSWER_CLOSED(409),
    /** A star selection closes once every objection is answered. */
    CAMPAIGN_OBJECTION_UNANSWERED(409),
    /** A star selection closes once its publicity is over. */
    CLOSING_PUBLICITY_NOT_OVER(409),
    /** A member appraisal closes once every ratee has a decision. */
    CLOSING_DECISIONS_MISSING(409);

    private final int status;

    DecisionProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
