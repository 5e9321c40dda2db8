package cn.zhibu.points;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One version of a unit's rule for one activity type. Versions are never changed: a change is a new version. */
@Entity
@Table(name = "scoring_rule")
public class ScoringRule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "org_unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "activity_type", nullable = false)
    public ActivityType activityType;

    @Column(nullable = false)
    public int version;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(nullable = false)
    public int points;

    @Column(name = "daily_cap")
    public Integer dailyCap;

    @Column(name = "weekly_cap")
    public Integer weeklyCap;

    @Column(name = "max_count")
    public Integer maxCount;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
