package cn.zhibu.annual.honour;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A title won (荣誉) by a unit or a person: exactly one of them. */
@Entity
@Table(name = "honour")
public class Honour extends VersionedEntity {

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(nullable = false, length = 100)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public HonourLevel level;

    @Column(nullable = false)
    public int year;

    @Column(name = "awarded_by", nullable = false, length = 100)
    public String awardedBy;

    @Column(name = "evidence_url", length = 2048)
    public String evidenceUrl;

    @Column(length = 1000)
    public String note;

    /** The star selection (组工之星) that entered it, if any. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;
}
