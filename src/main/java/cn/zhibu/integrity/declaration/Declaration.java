package cn.zhibu.integrity.declaration;

import cn.zhibu.integrity.entry.EntryType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a cadre declared themself (a personal matters report, a gift), its content sealed, on its way
 * through the unit head's and then an integrity officer's review into the cadre's file.
 */
@Entity
@Table(name = "integrity_declaration")
public class Declaration extends PanacheEntityBase {

    /** Where a declaration is in its review. */
    @Schema(name = "IntegrityDeclarationState", description = "Where a declaration is in its review")
    public enum State {
        /** Submitted; the head of the cadre's unit reviews it first. */
        AWAITING_UNIT,
        /** Approved by the unit head; an integrity officer reviews it next. */
        AWAITING_OFFICER,
        /** Approved by the officer and added to the file. */
        ACCEPTED,
        /** Sent back at either stage, with a note; the cadre declares again. */
        RETURNED
    }

    @Id
    public UUID id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public EntryType type;

    /** The year a personal matters report reports on. */
    @Column(name = "report_year")
    public Integer reportYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public State state;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** The cadre's account. */
    @Column(name = "submitted_by", nullable = false)
    public UUID submittedBy;

    @Column(name = "unit_reviewed_by")
    public UUID unitReviewedBy;

    @Column(name = "unit_reviewed_at")
    public Instant unitReviewedAt;

    @Column(name = "unit_note", length = 500)
    public String unitNote;

    @Column(name = "officer_reviewed_by")
    public UUID officerReviewedBy;

    @Column(name = "officer_reviewed_at")
    public Instant officerReviewedAt;

    @Column(name = "officer_note", length = 500)
    public String officerNote;

    /** The file's entry it became, once accepted. */
    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "key_id", nullable = false, length = 32)
    public String keyId;

    /** The content, sealed under {@link #context}. */
    @Column(nullable = false)
    public byte[] sealed;

    @Version
    public long version;

    /** What the content is sealed to: a sealed value copied to another declaration does not open. */
    static String context(UUID id) {
        return cn.zhibu.integrity.crypto.Sealer.declarationContext(id);
    }

    boolean decided() {
        return state == State.ACCEPTED || state == State.RETURNED;
    }
}
