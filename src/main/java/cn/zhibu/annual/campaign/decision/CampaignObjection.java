package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An objection to a candidate raised in publicity (公示), answered by the committee before the campaign closes. */
@Entity
@Table(name = "campaign_objection")
public class CampaignObjection extends VersionedEntity {

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    /** The candidate objected to. */
    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** Who objected: for the committee's follow-up only, never shown to other members. */
    @Column(name = "objector_id", nullable = false)
    public UUID objectorId;

    @Column(nullable = false, length = 2000)
    public String text;

    @Column(length = 2000)
    public String answer;

    @Column(name = "answered_by", length = 80)
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;
}
