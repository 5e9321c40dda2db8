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

/** A person's check-in (学习打卡) on a business day: on a material, or general daily study with a note. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The person's branch when they checked in: its rules credit it, its reviewers review it. */
    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Column(name = "material_id")
    public UUID materialId;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(length = 200)
    public String note;

    @Column(name = "study_seconds")
    public Integer studySeconds;

    /** The opening it was measured from, if any. */
    @Column(name = "opened_at")
    public Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CheckInStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "flag_reason", length = 32)
    public FlagReason flagReason;

    @Column(name = "make_up_id")
    public UUID makeUpId;

    @Column(name = "ledger_entry_id")
    public UUID ledgerEntryId;

    @Column(name = "reviewed_by", length = 80)
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_reason", length = 200)
    public String reviewReason;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
