package cn.zhibu.study.quiz;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's attempt at a quiz: started, then submitted once and scored. Its questions are copied at the start. */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt extends VersionedEntity {

    @Column(name = "quiz_id", nullable = false)
    public UUID quizId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "question_count", nullable = false)
    public int questionCount;

    /** Correct answers needed to earn the QUIZ points, as the quiz said when the attempt started. */
    @Column(name = "pass_score", nullable = false)
    public int passScore;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The business day of the submission. */
    @Column(name = "business_date")
    public LocalDate businessDate;

    public Integer score;

    public Boolean late;

    /** Whether another attempt of the same quiz was scored that day before this one. */
    public Boolean practice;

    /** The points its ledger entries brought (none for practice). */
    public Integer points;

    @Column(name = "points_entry_id")
    public UUID pointsEntryId;

    @Column(name = "full_marks_entry_id")
    public UUID fullMarksEntryId;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    public boolean submitted() {
        return submittedAt != null;
    }
}
