package cn.zhibu.study.quiz;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The question banks: each unit keeps its own; a quiz draws on the bank of its audience unit and of the
 * units above it. A question is checked strictly when written, retired rather than deleted, and copied
 * into each attempt, so changing it never changes an attempt already started.
 */
@ApplicationScoped
public class QuestionBank {

    private final EntityManager em;
    private final BusinessCalendar calendar;

    QuestionBank(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Transactional
    public QuestionViews.View create(QuestionViews.Create request, String createdBy) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(request.unitId())
                .orElseThrow(() -> new ProblemException(QuizProblem.QUESTION_UNIT_NOT_FOUND, request.unitId().toString()));
        if (unit.archived()) {
            throw new ProblemException(QuizProblem.QUESTION_UNIT_ARCHIVED, unit.name);
        }
        QuizQuestion question = new QuizQuestion();
        question.id = UUID.randomUUID();
        question.unitId = unit.id;
        question.createdBy = createdBy;
        question.createdAt = calendar.now();
        fill(question, request.kind(), request.text(), request.options(), request.correctKeys(), request.explanation());
        question.persist();
        return QuestionViews.View.of(question);
    }

    @Transactional
    public QuestionViews.View change(UUID id, IfMatch precondition, QuestionViews.Change request) {
        QuizQuestion question = existing(id);
        precondition.check(question.version);
        if (question.retired()) {
            throw new ProblemException(QuizProblem.QUESTION_RETIRED);
        }
        fill(question, request.kind(), request.text(), request.options(), request.correctKeys(), request.explanation());
        question.persistAndFlush();
        return QuestionViews.View.of(question);
    }

    /** Retires a question: no new quiz takes it; the quizzes holding it keep it. Retiring it again changes nothing. */
    @Transactional
    public QuestionViews.View retire(UUID id, IfMatch precondition) {
        QuizQuestion question = existing(id);
        question.withdraw(precondition, question.retiredAt, at -> question.retiredAt = at, calendar::now);
        return QuestionViews.View.of(question);
    }

    public Optional<QuestionViews.View> find(UUID id) {
        return QuizQuestion.<QuizQuestion>findByIdOptional(id).map(QuestionViews.View::of);
    }

    /** The questions a quiz for the unit may use: those of its bank and of the banks above it; newest first. */
    public Page<QuestionViews.View> availableTo(UUID unitId, PageRequest page) {
        List<UUID> banks = selfAndAncestors(unitId);
        StringBuilder query = new StringBuilder("unitId in :banks");
        Parameters parameters = Parameters.with("banks", banks);
        page.after().ifPresent(after -> {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :after))");
            parameters.and("at", Instant.parse(after.get(0))).and("after", UUID.fromString(after.get(1)));
        });
        List<QuizQuestion> rows = QuizQuestion.<QuizQuestion>find(query + " order by createdAt desc, id desc",
                parameters).page(0, page.fetchSize()).list();
        return page.page(rows, q -> List.of(q.createdAt.toString(), q.id.toString()), QuestionViews.View::of);
    }

    /**
     * Whether a caller who manages quizzes where {@code reach} says may use a question of this unit's bank:
     * some unit they manage is the question's unit or lies under it.
     */
    public boolean usableWithin(Access.Reach reach, UUID questionUnitId) {
        if (reach.everywhere()) {
            return true;
        }
        if (reach.unitIds().isEmpty()) {
            return false;
        }
        return em.createQuery("select count(u) from OrgUnit u, OrgUnit q where q.id = :question and u.id in :reach "
                + "and u.path like concat(q.path, '%')", Long.class).setParameter("question", questionUnitId)
                .setParameter("reach", reach.unitIds()).getSingleResult() > 0;
    }

    /** The unit and the units above it (ids from its path); 404 when there is no such unit. */
    static List<UUID> selfAndAncestors(UUID unitId) {
        String path = OrgUnit.<OrgUnit>findByIdOptional(unitId).map(u -> u.path)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
    }

    private void fill(QuizQuestion question, QuestionKind kind, String text, List<QuestionViews.Option> options,
            List<String> correctKeys, String explanation) {
        List<String> texts;
        if (kind == QuestionKind.TRUE_FALSE) {
            if (options != null && !options.isEmpty()) {
                throw new ProblemException(QuizProblem.QUESTION_OPTIONS_INVALID);
            }
            texts = QuestionViews.TRUE_FALSE;
        } else {
            if (options == null || options.size() < 2) {
                throw new ProblemException(QuizProblem.QUESTION_OPTIONS_INVALID);
            }
            for (int i = 0; i < options.size(); i++) {
                if (!options.get(i).key().equals(String.valueOf((char) ('A' + i)))) {
                    throw new ProblemException(QuizProblem.QUESTION_OPTIONS_INVALID);
                }
            }
            texts = options.stream().map(QuestionViews.Option::text).toList();
            if (new TreeSet<>(texts).size() != texts.size()) {
                throw new ProblemException(QuizProblem.QUESTION_OPTIONS_INVALID);
            }
        }
        TreeSet<String> keys = new TreeSet<>(correctKeys);
        boolean oneAnswer = kind != QuestionKind.MULTIPLE_CHOICE;
        if (keys.size() != correctKeys.size() || (oneAnswer && keys.size() != 1)
                || keys.last().charAt(0) - 'A' >= texts.size()) {
            throw new ProblemException(QuizProblem.QUESTION_KEYS_INVALID);
        }
        question.kind = kind;
        question.text = text;
        question.options = texts.toArray(String[]::new);
        question.correctKeys = String.join("", keys);
        question.explanation = explanation == null || explanation.isBlank() ? null : explanation;
        question.updatedAt = calendar.now();
    }

    private static QuizQuestion existing(UUID id) {
        return QuizQuestion.<QuizQuestion>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }
}
