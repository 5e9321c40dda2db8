package cn.zhibu.study.quiz;

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

/** A question of a unit's bank. Options are in key order (A, B, ...); the correct keys are written as "AC". */
@Entity
@Table(name = "quiz_question")
public class QuizQuestion extends VersionedEntity {

    /** The unit whose bank holds it; quizzes of this unit and of the units under it may use it. */
    @Column(name = "org_unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public QuestionKind kind;

    @Column(nullable = false, length = 500)
    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(200)[]")
    public String[] options;

    @Column(name = "correct_keys", nullable = false, length = 6)
    public String correctKeys;

    @Column(length = 1000)
    public String explanation;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    public boolean retired() {
        return retiredAt != null;
    }
}
