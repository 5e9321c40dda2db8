package cn.zhibu.lecture.rotation;

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

/** An exemption from lecturing (leave, illness, other) or days a member cannot lecture, inclusive. */
@Entity
@Table(name = "speaker_absence")
public class SpeakerAbsence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AbsenceKind kind;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    public LocalDate toDate;

    @Column(length = 200)
    public String reason;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
