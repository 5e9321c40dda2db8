package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The committee's decision for one ratee of a campaign, with its reason: a grade of the campaign's scale (member
 * appraisal) or SELECTED / NOT_SELECTED (star selection). {@code createdAt} is when the ratee was first decided.
 */
@Entity
@Table(name = "campaign_decision")
public class CampaignDecision extends VersionedEntity {

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false, length = 16)
    public String outcome;

    @Column(nullable = false, length = 1000)
    public String reason;

    @Column(name = "decided_by", nullable = false, length = 80)
    public String decidedBy;
}
