package cn.zhibu.points;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the points ledger. Never updated nor deleted (the database refuses both, V24): a correction is a
 * reversal entry, which the database checks negates one entry of the same person and activity.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "activity_type", nullable = false)
    public ActivityType activityType;

    @Column(nullable = false)
    public int points;

    @Column(name = "source_type", nullable = false)
    public String sourceType;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(name = "iso_week", nullable = false)
    public String isoWeek;

    public UUID reverses;

    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
