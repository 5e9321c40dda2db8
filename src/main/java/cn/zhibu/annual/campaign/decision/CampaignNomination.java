package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A candidate of a star selection (组工之星): nominated by themself or by a unit of the campaign's subtree. */
@Entity
@Table(name = "campaign_nomination")
public class CampaignNomination extends VersionedEntity {

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The unit that nominated the person; null when they nominated themself. */
    @Column(name = "nominated_by_unit_id")
    public UUID nominatedByUnitId;

    @Column(name = "self_evaluation", length = 2000)
    public String selfEvaluation;

    @Column(length = 5000)
    public String deeds;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;
}
