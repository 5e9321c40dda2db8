package cn.zhibu.study.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One question of an attempt, copied from the bank when the attempt started; the answer once submitted. */
@Entity
@Table(name = "quiz_attempt_question")
public class QuizAttemptQuestion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "attempt_id", nullable = false)
    public UUID attemptId;

    /** 1, 2, ... in the quiz's order. */
    @Column(nullable = false)
    public int position;

    @Column(name = "question_id", nullable = false)
    public UUID questionId;

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

    /** The keys chosen, as "AC" ("" when left unanswered); null until submitted. */
    @Column(name = "chosen_keys", length = 6)
    public String chosenKeys;

    public Boolean correct;

    static QuizAttemptQuestion copyOf(QuizQuestion question, UUID attemptId, int position) {
        QuizAttemptQuestion copy = new QuizAttemptQuestion();
        copy.id = UUID.randomUUID();
        copy.attemptId = attemptId;
        copy.position = position;
        copy.questionId = question.id;
        copy.kind = question.kind;
        copy.text = question.text;
        copy.options = question.options.clone();
        copy.correctKeys = question.correctKeys;
        copy.explanation = question.explanation;
        return copy;
    }
}
