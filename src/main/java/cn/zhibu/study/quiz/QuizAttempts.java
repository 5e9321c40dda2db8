package cn.zhibu.study.quiz;

import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.LedgerViews;
import cn.zhibu.points.PointsLedger;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Quiz attempts: starting one (its questions copied from the bank), submitting it once, scoring it, and
 * crediting the points of the day's scored attempt.
 *
 * <p>A submission locks its attempt row, so parallel submissions of one attempt score it once; the second
 * finds it submitted and answers the stored result. Which attempt of a quiz is a person's scored one for a
 * business day is decided under a transaction-scoped advisory lock on (quiz, person, day), and a unique index
 * keeps it to one even if that were bypassed: the first submitted is scored, later ones are practice.
 */
@ApplicationScoped
public class QuizAttempts {

    public static final String SOURCE_TYPE = "QUIZ";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final QuizService quizzes;
    private final PointsLedger ledger;
    private final PersonService people;
    private final Duration grace;

    QuizAttempts(EntityManager em, BusinessCalendar calendar, QuizService quizzes, PointsLedger ledger,
            PersonService people, QuizSettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.quizzes = quizzes;
        this.ledger = ledger;
        this.people = people;
        this.grace = settings.grace();
    }

    /** Starts an attempt of a quiz open to the person now: 404 when it is not theirs to take, 422 when closed. */
    @Transactional
    public AttemptViews.View start(UUID quizId, UUID personId, String createdBy) {
        Instant now = calendar.now();
        Quiz quiz = quizzes.requireOpen(personId, quizId, now);
        QuizAttempt attempt = begun(quiz, personId, now, createdBy);
        List<QuizAttemptQuestion> questions = questionsOf(quiz, attempt);
        attempt.persist();
        questions.forEach(q -> q.persist());
        return view(attempt, questions, quiz.title);
    }

    /**
     * Records an attempt taken earlier (demo data): started at {@code startedAt} on the quiz as it is now, submitted
     * at {@code submittedAt} with these keys chosen (per question id, as "AC"), scored and credited as a submission
     * at that instant would have been. Whether the quiz was open then is not checked.
     */
    @Transactional
    public AttemptViews.View recordTaken(UUID quizId, UUID personId, Instant startedAt, Instant submittedAt,
            Map<UUID, String> chosen, String createdBy) {
        Quiz quiz = Quiz.<Quiz>findByIdOptional(quizId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        QuizAttempt attempt = begun(quiz, personId, startedAt, createdBy);
        List<QuizAttemptQuestion> questions = questionsOf(quiz, attempt);
        score(attempt, questions, chosen, submittedAt, createdBy);
        attempt.persist();
        questions.forEach(q -> q.persist());
        return view(attempt, questions, quiz.title);
    }

    /** A new attempt of the quiz as it is now, started at {@code at}; not stored yet. */
    private static QuizAttempt begun(Quiz quiz, UUID personId, Instant at, String createdBy) {
        QuizAttempt attempt = new QuizAttempt();
        attempt.id = UUID.randomUUID();
        attempt.quizId = quiz.id;
        attempt.personId = personId;
        attempt.startedAt = at;
        attempt.deadline = at.plusSeconds(quiz.timeLimitSeconds);
        attempt.questionCount = quiz.questionIds.length;
        attempt.passScore = quiz.passScore == null ? 1 : quiz.passScore;
        attempt.createdBy = createdBy;
        attempt.createdAt = at;
        attempt.updatedAt = at;
        return attempt;
    }

    /** The attempt's own copies of the quiz's questions, in the quiz's order; not stored yet. */
    private static List<QuizAttemptQuestion> questionsOf(Quiz quiz, QuizAttempt attempt) {
        Map<UUID, QuizQuestion> bank = QuizQuestion.<QuizQuestion>list("id in ?1", List.of(quiz.questionIds)).stream()
                .collect(Collectors.toMap(q -> q.id, q -> q));
        List<QuizAttemptQuestion> questions = new ArrayList<>();
        for (int i = 0; i < quiz.questionIds.length; i++) {
            questions.add(QuizAttemptQuestion.copyOf(bank.get(quiz.questionIds[i]), attempt.id, i + 1));
        }
        return questions;
    }

    /** Whose attempt it is. */
    public Optional<UUID> ownerOf(UUID attemptId) {
        return em.createQuery("select a.personId from QuizAttempt a where a.id = :id", UUID.class)
                .setParameter("id", attemptId).getResultStream().findFirst();
    }

    /**
     * Submits the attempt once. Submitting a submitted attempt again (whatever the answers) answers its stored
     * result: it is never scored or credited twice. 400 for answers that do not fit the attempt.
     */
    @Transactional
    public AttemptViews.View submit(UUID attemptId, List<AttemptViews.Answer> answers, String createdBy) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        List<QuizAttemptQuestion> questions = questionsOf(attempt.id);
        String title = quizzes.titles(Set.of(attempt.quizId)).get(attempt.quizId);
        if (attempt.submitted()) {
            return view(attempt, questions, title);
        }
        Map<UUID, String> chosen = chosenKeys(answers, questions);
        score(attempt, questions, chosen, calendar.now(), createdBy);
        attempt.persistAndFlush();
        return view(attempt, questions, title);
    }

    /**
     * Scores an attempt submitted at this instant with these keys chosen (per question id, as "AC"): late after the
     * deadline and the grace (score zero); practice if another attempt of the quiz by the person was scored that
     * business day; otherwise the day's scored attempt, credited. The attempt itself is changed last, once.
     */
    void score(QuizAttempt attempt, List<QuizAttemptQuestion> questions, Map<UUID, String> chosen, Instant at,
            String createdBy) {
        LocalDate day = calendar.dateOf(at);
        boolean late = at.isAfter(attempt.deadline.plus(grace));
        lockDay(attempt.quizId, attempt.personId, day);
        boolean practice = QuizAttempt.count("quizId = ?1 and personId = ?2 and businessDate = ?3 and practice = false",
                attempt.quizId, attempt.personId, day) > 0;
        int correct = 0;
        for (QuizAttemptQuestion question : questions) {
            question.chosenKeys = chosen.getOrDefault(question.questionId, "");
            question.correct = question.chosenKeys.equals(question.correctKeys);
            correct += question.correct ? 1 : 0;
        }
        int score = late ? 0 : correct;
        Earned earned = practice || late ? Earned.NOTHING
                : credit(attempt.quizId, attempt.personId, day, score, attempt.passScore, attempt.questionCount,
                        createdBy);
        attempt.submittedAt = at;
        attempt.businessDate = day;
        attempt.late = late;
        attempt.score = score;
        attempt.practice = practice || earned.practice();
        attempt.points = earned.points();
        attempt.pointsEntryId = earned.pointsEntryId();
        attempt.fullMarksEntryId = earned.fullMarksEntryId();
        attempt.updatedAt = at;
    }

    /** What the day's scored attempt earned; practice when the ledger's entry belongs to another attempt. */
    private record Earned(boolean practice, int points, UUID pointsEntryId, UUID fullMarksEntryId) {
        static final Earned NOTHING = new Earned(false, 0, null, null);
    }

    public Optional<AttemptViews.View> find(UUID attemptId) {
        return QuizAttempt.<QuizAttempt>findByIdOptional(attemptId).map(a -> view(a, questionsOf(a.id),
                quizzes.titles(Set.of(a.quizId)).get(a.quizId)));
    }

    /** A person's attempts (of one quiz, or of all), latest start first. */
    public Page<AttemptViews.Summary> of(UUID personId, Optional<UUID> quizId, PageRequest page) {
        StringBuilder query = new StringBuilder("personId = :person");
        Parameters parameters = Parameters.with("person", personId);
        quizId.ifPresent(id -> {
            query.append(" and quizId = :quiz");
            parameters.and("quiz", id);
        });
        page.after().ifPresent(after -> {
            query.append(" and (startedAt < :at or (startedAt = :at and id < :after))");
            parameters.and("at", Instant.parse(after.get(0))).and("after", UUID.fromString(after.get(1)));
        });
        List<QuizAttempt> rows = QuizAttempt.<QuizAttempt>find(query + " order by startedAt desc, id desc", parameters)
                .page(0, page.fetchSize()).list();
        Map<UUID, String> titles = quizzes.titles(rows.stream().map(a -> a.quizId).collect(Collectors.toSet()));
        Instant now = calendar.now();
        return page.page(rows, a -> List.of(a.startedAt.toString(), a.id.toString()),
                a -> new AttemptViews.Summary(a.id, a.quizId, titles.get(a.quizId), a.personId, state(a, now),
                        a.startedAt, a.deadline, a.submittedAt, a.businessDate, a.score, a.questionCount, a.late,
                        a.practice, a.points));
    }

    /**
     * Credits the day's scored attempt: QUIZ when the score reaches the pass score, QUIZ_FULL_MARKS as well when
     * every answer is right, both with the source {@code quizId:date} (credited once by the ledger). An entry the
     * ledger already had for that source and another attempt holds makes this attempt practice instead.
     */
    private Earned credit(UUID quizId, UUID personId, LocalDate day, int score, int passScore, int total,
            String createdBy) {
        Optional<UUID> branch = people.homeUnit(personId);
        if (branch.isEmpty()) {
            return Earned.NOTHING;
        }
        String source = quizId + ":" + day;
        LedgerViews.View points = null;
        LedgerViews.View fullMarks = null;
        if (score >= passScore) {
            points = ledger.creditOrRecordZero(new PointsLedger.Credit(personId, branch.get(), ActivityType.QUIZ,
                    SOURCE_TYPE, source, day, null, null, createdBy));
        }
        if (score == total) {
            fullMarks = ledger.creditOrRecordZero(new PointsLedger.Credit(personId, branch.get(),
                    ActivityType.QUIZ_FULL_MARKS, SOURCE_TYPE, source, day, null, null, createdBy));
        }
        if (held(points) || held(fullMarks)) {
            return new Earned(true, 0, null, null);
        }
        return new Earned(false, (points == null ? 0 : points.points()) + (fullMarks == null ? 0 : fullMarks.points()),
                points == null ? null : points.id(), fullMarks == null ? null : fullMarks.id());
    }

    /** Whether another attempt already holds this ledger entry. */
    private boolean held(LedgerViews.View entry) {
        return entry != null && QuizAttempt.count("pointsEntryId = ?1 or fullMarksEntryId = ?1", entry.id()) > 0;
    }

    /** The keys chosen per question, each as "AC"; 400 for answers that do not fit the attempt's questions. */
    private static Map<UUID, String> chosenKeys(List<AttemptViews.Answer> answers, List<QuizAttemptQuestion> questions) {
        Map<UUID, QuizAttemptQuestion> byId = questions.stream().collect(Collectors.toMap(q -> q.questionId, q -> q));
        Map<UUID, String> chosen = new HashMap<>();
        for (AttemptViews.Answer answer : answers) {
            QuizAttemptQuestion question = byId.get(answer.questionId());
            if (question == null) {
                throw new ProblemException(QuizProblem.ANSWER_QUESTION_NOT_IN_ATTEMPT, answer.questionId().toString());
            }
            if (chosen.containsKey(question.questionId)) {
                throw new ProblemException(QuizProblem.ANSWER_QUESTION_REPEATED, question.position);
            }
            TreeSet<String> keys = new TreeSet<>(answer.keys());
            boolean valid = keys.size() == answer.keys().size()
                    && (keys.isEmpty() || keys.last().charAt(0) - 'A' < question.options.length)
                    && (question.kind == QuestionKind.MULTIPLE_CHOICE || keys.size() <= 1);
            if (!valid) {
                throw new ProblemException(QuizProblem.ANSWER_KEYS_INVALID, question.position);
            }
            chosen.put(question.questionId, String.join("", keys));
        }
        return chosen;
    }

    private void lockDay(UUID quizId, UUID personId, LocalDate day) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "quiz|" + quizId + "|" + personId + "|" + day).getSingleResult();
    }

    private static List<QuizAttemptQuestion> questionsOf(UUID attemptId) {
        return QuizAttemptQuestion.list("attemptId = ?1 order by position", attemptId);
    }

    private AttemptState state(QuizAttempt attempt, Instant now) {
        if (attempt.submitted()) {
            return AttemptState.SUBMITTED;
        }
        return now.isAfter(attempt.deadline.plus(grace)) ? AttemptState.EXPIRED : AttemptState.IN_PROGRESS;
    }

    private AttemptViews.View view(QuizAttempt attempt, List<QuizAttemptQuestion> questions, String title) {
        List<AttemptViews.Asked> asked = questions.stream().map(q -> new AttemptViews.Asked(q.position, q.questionId,
                q.kind, q.text, QuestionViews.options(q.options))).toList();
        AttemptViews.Result result = null;
        if (attempt.submitted()) {
            List<AttemptViews.Marked> marked = questions.stream().map(q -> new AttemptViews.Marked(q.questionId,
                    QuestionViews.keys(q.chosenKeys), QuestionViews.keys(q.correctKeys), q.correct, q.explanation))
                    .toList();
            result = new AttemptViews.Result(attempt.businessDate, attempt.score, attempt.questionCount, attempt.late,
                    attempt.practice, !attempt.late && attempt.score >= attempt.passScore, attempt.points,
                    attempt.pointsEntryId, attempt.fullMarksEntryId, marked);
        }
        return new AttemptViews.View(attempt.id, attempt.quizId, title, attempt.personId,
                state(attempt, calendar.now()), attempt.startedAt, attempt.deadline, attempt.passScore, asked,
                attempt.submittedAt, result, attempt.version);
    }
}
