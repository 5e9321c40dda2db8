package cn.zhibu.study;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A study material (学习资料) for the members of a unit's subtree, open within its publishing window. */
@Entity
@Table(name = "study_material")
public class StudyMaterial extends VersionedEntity {

    /** The audience: the unit whose subtree the material is for. */
    @Column(name = "org_unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MaterialKind kind;

    @Column(nullable = false, length = 100)
    public String title;

    @Column(length = 1000)
    public String summary;

    @Column(nullable = false, length = 2048)
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(16)[]")
    public String[] tags;

    @Column(name = "min_study_seconds", nullable = false)
    public int minStudySeconds;

    /** Study hours (学时) a member earns by studying it; null: none. */
    @Column(name = "study_hours", precision = 3, scale = 1)
    public java.math.BigDecimal studyHours;

    @Column(name = "publish_from", nullable = false)
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
