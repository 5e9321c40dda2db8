package cn.zhibu.annual.campaign;

import java.util.List;

/** What a campaign evaluates, and the stages it runs through, in order. */
public enum CampaignType {
    /** 述职评议: the named reporters report, members rate each reporter. */
    REPORT_REVIEW(List.of(StageKind.REPORTING, StageKind.PEER_EVALUATION)),
    /** 民主评议党员: self-appraisal, members' mutual appraisal, then the branch's grade for each member. */
    MEMBER_APPRAISAL(List.of(StageKind.SELF_EVALUATION, StageKind.PEER_EVALUATION, StageKind.DECISION)),
    /** 组工之星: nominations, mutual evaluation (组织互评), the committee's decision, then publicity (公示). */
    STAR_SELECTION(List.of(StageKind.NOMINATION, StageKind.PEER_EVALUATION, StageKind.DECISION,
            StageKind.PUBLICITY));

    private final List<StageKind> stages;

    CampaignType(List<StageKind> stages) {
        this.stages = stages;
    }

    /** The stages a campaign of this type has, in the order they run. */
    public List<StageKind> stages() {
        return stages;
    }
}
