package cn.zhibu.study.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    /** Who approved or rejected it, when, why; null while pending. */
    @Embedded
    @AttributeOverride(name = "by", column = @Column(name = "decided_by", length = 80))
    @AttributeOverride(name = "at", column = @Column(name = "decided_at"))
    @AttributeOverride(name = "reason", column = @Column(name = "decision_reason", length = 200))
    public Review decision;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A pending request of the person to check in {@code day}, made by {@code createdBy} at {@code at}. */
    static MakeUp request(UUID personId, UUID branchId, UUID materialId, LocalDate day, String reason, String note,
            String createdBy, Instant at) {
        MakeUp makeUp = new MakeUp();
        makeUp.id = UUID.randomUUID();
        makeUp.personId = personId;
        makeUp.branchId = branchId;
        makeUp.materialId = materialId;
        makeUp.businessDate = day;
        makeUp.reason = reason;
        makeUp.note = note;
        makeUp.status = MakeUpStatus.PENDING;
        makeUp.createdBy = createdBy;
        makeUp.createdAt = at;
        return makeUp;
    }

    /** Approved by {@code reviewer} at {@code at}, with the check-in it made. */
    void approve(UUID madeCheckInId, String reviewer, Instant at) {
        status = MakeUpStatus.APPROVED;
        checkInId = madeCheckInId;
        decision = new Review(reviewer, at, null);
    }

    /** Rejected by {@code reviewer} at {@code at}, for {@code reason}. */
    void reject(String reviewer, Instant at, String reason) {
        status = MakeUpStatus.REJECTED;
        decision = new Review(reviewer, at, reason);
    }
}
