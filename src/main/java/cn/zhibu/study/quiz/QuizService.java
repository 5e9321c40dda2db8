package cn.zhibu.study.quiz;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.study.StudyMaterialService;
import cn.zhibu.study.StudyMaterialViews;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Quizzes: making, changing and withdrawing them, and which are open to whom. A quiz on a study material
 * is for the material's audience and open while the material is; a quiz standing alone is for the members
 * of its unit's subtree within its own window. Either way, a person is in the audience while one of their
 * current memberships lies in the audience unit's subtree.
 */
@ApplicationScoped
public class QuizService {

    /** The audience unit {@code a} holds one of the person's current units. */
    private static final String IN_AUDIENCE = "exists (select 1 from Membership m, OrgUnit u where m.personId = :person "
            + "and m.endDate is null and u.id = m.orgUnitId and u.path like concat(a.path, '%'))";
    /** Quiz {@code q} is open at {@code :now}: not withdrawn, and inside its own window or its material's. */
    private static final String OPEN = "q.withdrawnAt is null and ((q.materialId is null and q.publishFrom <= :now and "
            + "(q.publishUntil is null or q.publishUntil > :now)) or exists (select 1 from StudyMaterial s where "
            + "s.id = q.materialId and s.withdrawnAt is null and s.publishFrom <= :now and (s.publishUntil is null "
            + "or s.publishUntil > :now)))";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final StudyMaterialService materials;
    private final Instance<QuizGate> gates;

    QuizService(EntityManager em, BusinessCalendar calendar, StudyMaterialService materials, Instance<QuizGate> gates) {
        this.em = em;
        this.calendar = calendar;
        this.materials = materials;
        this.gates = gates;
    }

    /**
     * The audience unit a new quiz would have: its material's unit, or the unit it names. 422 when the request
     * names both or neither, or a material or unit that does not exist.
     */
    public UUID audienceOf(QuizViews.Create request) {
        if (request.materialId() != null) {
            if (request.unitId() != null || request.publishFrom() != null || request.publishUntil() != null) {
                throw new ProblemException(QuizProblem.QUIZ_AUDIENCE_INVALID);
            }
            return materials.find(request.materialId()).map(StudyMaterialViews.View::unitId).orElseThrow(
                    () -> new ProblemException(QuizProblem.QUIZ_MATERIAL_NOT_FOUND, request.materialId().toString()));
        }
        if (request.unitId() == null) {
            throw new ProblemException(QuizProblem.QUIZ_AUDIENCE_INVALID);
        }
        return request.unitId();
    }

    @Transactional
    public QuizViews.View create(QuizViews.Create request, String createdBy) {
        Instant now = calendar.now();
        UUID audience = audienceOf(request);
        Quiz quiz = new Quiz();
        quiz.id = UUID.randomUUID();
        quiz.unitId = audience;
        if (request.materialId() != null) {
            StudyMaterialViews.View material = materials.find(request.materialId()).orElseThrow(
                    () -> new ProblemException(QuizProblem.QUIZ_MATERIAL_NOT_FOUND, request.materialId().toString()));
            if (material.withdrawnAt() != null) {
                throw new ProblemException(QuizProblem.QUIZ_MATERIAL_WITHDRAWN, material.title());
            }
            quiz.materialId = material.id();
        } else {
            OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(audience)
                    .orElseThrow(() -> new ProblemException(QuizProblem.QUIZ_UNIT_NOT_FOUND, audience.toString()));
            if (unit.archived()) {
                throw new ProblemException(QuizProblem.QUIZ_UNIT_ARCHIVED, unit.name);
            }
        }
        quiz.createdBy = createdBy;
        quiz.createdAt = now;
        Instant from = quiz.materialId != null ? null : request.publishFrom() == null ? now : request.publishFrom();
        fill(quiz, request.title(), from, request.publishUntil(), request.questionIds(), request.timeLimitSeconds(),
                request.passScore(), Set.of());
        quiz.persist();
        return QuizViews.View.of(quiz);
    }

    @Transactional
    public QuizViews.View change(UUID id, IfMatch precondition, QuizViews.Change request) {
        Quiz quiz = existing(id);
        precondition.check(quiz.version);
        if (quiz.withdrawn()) {
            throw new ProblemException(QuizProblem.QUIZ_WITHDRAWN, quiz.title);
        }
        boolean windowed = request.publishFrom() != null || request.publishUntil() != null;
        if (quiz.materialId != null ? windowed : request.publishFrom() == null) {
            throw new ProblemException(QuizProblem.QUIZ_AUDIENCE_INVALID);
        }
        fill(quiz, request.title(), request.publishFrom(), request.publishUntil(), request.questionIds(),
                request.timeLimitSeconds(), request.passScore(), Set.of(quiz.questionIds));
        quiz.persistAndFlush();
        return QuizViews.View.of(quiz);
    }

    /** Withdraws a quiz: closed from now on, kept with its attempts. Withdrawing it again changes nothing. */
    @Transactional
    public QuizViews.View withdraw(UUID id, IfMatch precondition) {
        Quiz quiz = existing(id);
        quiz.withdraw(precondition, quiz.withdrawnAt, at -> quiz.withdrawnAt = at, calendar::now);
        return QuizViews.View.of(quiz);
    }

    public Optional<QuizViews.View> find(UUID id) {
        return Quiz.<Quiz>findByIdOptional(id).map(QuizViews.View::of);
    }

    /** Whether the person is in the quiz's audience (whatever its window or state). */
    public boolean inAudience(UUID personId, UUID quizId) {
        return em.createQuery("select count(q) from Quiz q, OrgUnit a where q.id = :id and a.id = q.unitId and "
                + IN_AUDIENCE, Long.class).setParameter("id", quizId).setParameter("person", personId)
                .getSingleResult() > 0;
    }

    /**
     * Whether members may see the quiz at this instant: not withdrawn, and opened (its own window, or its
     * material's, has begun and the material is not withdrawn). A closed quiz is still seen.
     */
    public boolean publishedAt(QuizViews.View quiz, Instant at) {
        if (quiz.withdrawnAt() != null) {
            return false;
        }
        Optional<QuizGate.Window> governed = governed(quiz.id());
        if (governed.isPresent()) {
            return !governed.get().from().isAfter(at);
        }
        if (quiz.materialId() == null) {
            return !quiz.publishFrom().isAfter(at);
        }
        return materials.find(quiz.materialId())
                .filter(m -> m.withdrawnAt() == null && !m.publishFrom().isAfter(at)).isPresent();
    }

    /**
     * The quiz open to the person at the instant, to start an attempt: 404 {@code NOT_FOUND} when it does not
     * exist, is withdrawn (or its material is), is not published yet (nor its material: the title is not shown
     * before then) or the person is not in its audience; 422 {@code QUIZ_NOT_OPEN} once its window (or its
     * material's) has closed.
     */
    Quiz requireOpen(UUID personId, UUID quizId, Instant at) {
        Quiz quiz = Quiz.<Quiz>findByIdOptional(quizId).filter(q -> !q.withdrawn() && inAudience(personId, q.id))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        boolean open;
        Optional<QuizGate.Window> governed = governed(quiz.id);
        if (governed.isPresent()) {
            if (governed.get().from().isAfter(at)) {
                throw new ProblemException(ProblemCode.NOT_FOUND);
            }
            open = governed.get().openAt(at);
        } else if (quiz.materialId == null) {
            if (quiz.publishFrom.isAfter(at)) {
                throw new ProblemException(ProblemCode.NOT_FOUND);
            }
            open = quiz.publishUntil == null || quiz.publishUntil.isAfter(at);
        } else {
            StudyMaterialViews.View material = materials.find(quiz.materialId)
                    .filter(m -> m.withdrawnAt() == null && !m.publishFrom().isAfter(at))
                    .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
            open = material.openAt(at);
        }
        if (!open) {
            throw new ProblemException(QuizProblem.QUIZ_NOT_OPEN, quiz.title);
        }
        return quiz;
    }

    /** The window of a gate that governs the quiz (a contest's session), if one does. */
    private Optional<QuizGate.Window> governed(UUID quizId) {
        for (QuizGate gate : gates) {
            Optional<QuizGate.Window> window = gate.windowOf(quizId);
            if (window.isPresent()) {
                return window;
            }
        }
        return Optional.empty();
    }

    /** What is open to the person now (in the audience, not withdrawn, inside the window); newest first. */
    public Page<QuizViews.View> openTo(UUID personId, PageRequest page) {
        StringBuilder query = new StringBuilder("select q from Quiz q, OrgUnit a where a.id = q.unitId and " + OPEN
                + " and " + IN_AUDIENCE);
        return newestFirst(query, Parameters.with("now", calendar.now()).and("person", personId), page);
    }

    /** Every quiz whose audience lies in the unit's subtree, in any state; newest first. */
    public Page<QuizViews.View> under(UUID unitId, PageRequest page) {
        String path = OrgUnit.<OrgUnit>findByIdOptional(unitId).map(u -> u.path)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        StringBuilder query = new StringBuilder("select q from Quiz q, OrgUnit a where a.id = q.unitId and "
                + "a.path like :prefix");
        return newestFirst(query, Parameters.with("prefix", path + "%"), page);
    }

    /** The titles of these quizzes, by id. */
    Map<UUID, String> titles(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Quiz.<Quiz>list("id in ?1", ids).stream().collect(Collectors.toMap(q -> q.id, q -> q.title));
    }

    private Page<QuizViews.View> newestFirst(StringBuilder query, Parameters parameters, PageRequest page) {
        page.after().ifPresent(after -> {
            query.append(" and (q.createdAt < :afterAt or (q.createdAt = :afterAt and q.id < :afterId))");
            parameters.and("afterAt", Instant.parse(after.get(0))).and("afterId", UUID.fromString(after.get(1)));
        });
        var typed = em.createQuery(query + " order by q.createdAt desc, q.id desc", Quiz.class);
        parameters.map().forEach(typed::setParameter);
        List<Quiz> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        return page.page(rows, q -> List.of(q.createdAt.toString(), q.id.toString()), QuizViews.View::of);
    }

    /**
     * Checks and sets a quiz's content. Its questions: each once, from the bank of its unit or the units above,
     * not retired (unless the quiz held it already).
     */
    private void fill(Quiz quiz, String title, Instant publishFrom, Instant publishUntil, List<UUID> questionIds,
            int timeLimitSeconds, Integer passScore, Set<UUID> held) {
        if (publishFrom != null && publishUntil != null && !publishUntil.isAfter(publishFrom)) {
            throw new ProblemException(QuizProblem.QUIZ_DATES_INCONSISTENT, publishUntil.toString(),
                    publishFrom.toString());
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : questionIds) {
            if (!seen.add(id)) {
                throw new ProblemException(QuizProblem.QUIZ_QUESTION_REPEATED, id.toString());
            }
        }
        Set<UUID> banks = Set.copyOf(QuestionBank.selfAndAncestors(quiz.unitId));
        Map<UUID, QuizQuestion> found = QuizQuestion.<QuizQuestion>list("id in ?1", seen).stream()
                .collect(Collectors.toMap(q -> q.id, Function.identity()));
        for (UUID id : questionIds) {
            QuizQuestion question = found.get(id);
            if (question == null || !banks.contains(question.unitId)) {
                throw new ProblemException(QuizProblem.QUIZ_QUESTION_NOT_IN_BANK, id.toString());
            }
            if (question.retired() && !held.contains(id)) {
                throw new ProblemException(QuizProblem.QUIZ_QUESTION_RETIRED, id.toString());
            }
        }
        if (passScore != null && passScore > questionIds.size()) {
            throw new ProblemException(QuizProblem.QUIZ_PASS_SCORE_TOO_HIGH, passScore, questionIds.size());
        }
        quiz.title = title;
        quiz.publishFrom = publishFrom == null ? null : publishFrom.truncatedTo(ChronoUnit.MICROS);
        quiz.publishUntil = publishUntil == null ? null : publishUntil.truncatedTo(ChronoUnit.MICROS);
        quiz.questionIds = questionIds.toArray(UUID[]::new);
        quiz.timeLimitSeconds = timeLimitSeconds;
        quiz.passScore = passScore;
        quiz.updatedAt = calendar.now();
    }

    private static Quiz existing(UUID id) {
        return Quiz.<Quiz>findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }
}
