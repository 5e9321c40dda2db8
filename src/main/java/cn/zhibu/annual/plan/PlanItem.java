package cn.zhibu.annual.plan;

import cn.zhibu.lecture.PartyDayKind;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An item of an annual plan; changed only under its plan's lock, whose version it moves. */
@Entity
@Table(name = "annual_plan_item")
public class PlanItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ItemKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "session_kind", length = 24)
    public PartyDayKind sessionKind;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "target_count")
    public Integer targetCount;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by", length = 80)
    public String doneBy;

    @Column(length = 2000)
    public String evidence;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "evidence_links", nullable = false, columnDefinition = "varchar(2048)[]")
    public String[] evidenceLinks;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
