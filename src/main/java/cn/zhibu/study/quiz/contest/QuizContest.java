package cn.zhibu.study.quiz.contest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A contest (趣味竞答): a quiz answered during one session of its branch. Written once, never changed. */
@Entity
@Table(name = "quiz_contest")
public class QuizContest extends PanacheEntityBase {

    @Id
    @Column(name = "quiz_id")
    public UUID quizId;

    @Column(name = "party_day_id", nullable = false)
    public UUID partyDayId;

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ContestMode mode;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
