package cn.zhibu.study.quiz;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A quiz (一学一测): questions of the bank in order, a time limit, and who takes it when. Tied to a study
 * material (its audience and opening are the material's) or standing alone (its unit and its own window).
 */
@Entity
@Table(name = "quiz")
public class Quiz extends VersionedEntity {

    /** The audience: the unit whose subtree takes it (a material's unit for a quiz on a material). */
    @Column(name = "org_unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "material_id")
    public UUID materialId;

    @Column(nullable = false, length = 100)
    public String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "question_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] questionIds;

    @Column(name = "time_limit_seconds", nullable = false)
    public int timeLimitSeconds;

    @Column(name = "pass_score")
    public Integer passScore;

    @Column(name = "publish_from")
    public Instant publishFrom;

    @Column(name = "publish_until")
    public Instant publishUntil;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
