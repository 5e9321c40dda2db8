package cn.zhibu.annual.plan;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A branch's plan of a year (年度计划): its own (no owner) or a committee member's. Its version is the ETag of the
 * plan with its items: every change of an item moves it.
 */
@Entity
@Table(name = "annual_plan")
public class AnnualPlan extends VersionedEntity {

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false)
    public int year;

    /** The committee member whose plan it is; null for the branch's own plan. */
    @Column(name = "owner_id")
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PlanState state;

    /** The year-end summary (年度总结). */
    @Column(length = 10000)
    public String summary;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by", length = 80)
    public String submittedBy;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;
}
