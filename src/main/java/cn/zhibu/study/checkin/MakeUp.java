package cn.zhibu.study.checkin;

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

/** A member's request to check in a missed day (补卡), approved or rejected by a reviewer. */
@Entity
@Table(name = "make_up")
public class MakeUp extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Column(name = "material_id")
    public UUID materialId;

    /** The missed day. */
    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(nullable = false, length = 200)
    public String reason;

    @Column(length = 200)
    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MakeUpStatus status;

    @Column(name = "check_in_id")
    public UUID checkInId;

    @Column(name = "decided_by", length = 80)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason", length = 200)
    public String decisionReason;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
