package cn.zhibu.lecture.orglife;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An item of an organisational life meeting's rectification list (整改清单), followed until it is DONE. */
@Entity
@Table(name = "rectification")
public class Rectification extends VersionedEntity {

    @Column(name = "party_day_id", nullable = false)
    public UUID partyDayId;

    /** The session's branch. */
    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    /** The problem of the session it rectifies, if any. */
    @Column(name = "problem_id")
    public UUID problemId;

    @Column(nullable = false, length = 500)
    public String item;

    @Column(length = 2000)
    public String measures;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public RectificationState state;

    @Column(length = 2000)
    public String evidence;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "evidence_links", nullable = false, columnDefinition = "varchar(2048)[]")
    public String[] evidenceLinks;

    @Column(name = "closed_by", length = 80)
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;
}
