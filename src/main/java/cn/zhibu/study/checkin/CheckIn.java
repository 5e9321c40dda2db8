package cn.zhibu.study.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    /** Who cleared or rejected it, when, why; null while not reviewed. */
    @Embedded
    public Review review;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A new check-in of the person on {@code day}, made by {@code createdBy} at {@code at}: not yet credited or flagged. */
    static CheckIn of(UUID personId, UUID branchId, UUID materialId, LocalDate day, String note, String createdBy,
            Instant at) {
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.personId = personId;
        checkIn.branchId = branchId;
        checkIn.materialId = materialId;
        checkIn.businessDate = day;
        checkIn.note = note;
        checkIn.createdBy = createdBy;
        checkIn.createdAt = at;
        return checkIn;
    }

    /** Held back from credit until a reviewer looks at it. */
    void flag(FlagReason reason) {
        status = CheckInStatus.FLAGGED;
        flagReason = reason;
    }

    /** Credited by the ledger entry. */
    void credit(UUID entryId) {
        ledgerEntryId = entryId;
        status = CheckInStatus.CREDITED;
    }

    /** A reviewer's decision on it: cleared (credited, no reason) or, with a reason, rejected (never credited). */
    void review(String reviewer, Instant at, String rejectedFor) {
        if (rejectedFor != null) {
            status = CheckInStatus.REJECTED;
        }
        review = new Review(reviewer, at, rejectedFor);
    }
}
