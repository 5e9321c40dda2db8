package cn.zhibu.integrity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A leading cadre's integrity file (廉政档案): the head of its chain of entries and its due dates. The
 * entries themselves never change; this row moves with them.
 */
@Entity
@Table(name = "integrity_file")
public class IntegrityFile extends PanacheEntityBase {

    /** Why a file was opened. */
    public enum OpenedReason {
        /** On appointment as a leading cadre: the first profile is due a month later. */
        APPOINTMENT,
        /** Opened by an integrity officer. */
        OFFICER
    }

    /** Whether entries may still be added. */
    public enum State {
        OPEN, CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false, unique = true)
    public UUID personId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "opened_reason", nullable = false, length = 16)
    public OpenedReason openedReason;

    @Column(name = "appointed_on")
    public LocalDate appointedOn;

    @Column(name = "profile_due")
    public LocalDate profileDue;

    @Column(name = "review_months", nullable = false)
    public int reviewMonths;

    @Column(name = "next_review_due", nullable = false)
    public LocalDate nextReviewDue;

    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;

    @Column(name = "last_report_year")
    public Integer lastReportYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    @Column(name = "head_hash")
    public byte[] headHash;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by")
    public UUID openedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
