package cn.zhibu.study.quiz.contest;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.study.quiz.Quiz;
import cn.zhibu.study.quiz.QuizGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Contests at sessions (趣味竞答): a quiz standing alone for a branch becomes the contest of one of the branch's
 * sessions. From then on the session governs when it is answered ({@link QuizGate}): from the margin before the
 * session starts until the margin after it ends, never once the session is cancelled. Attempts are the quiz's own
 * and earn points as any quiz's do (the QUIZ and QUIZ_FULL_MARKS scoring rules, through the ledger): a contest
 * credits nothing more.
 */
@ApplicationScoped
public class ContestService implements QuizGate {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final ContestSessions sessions;
    private final Duration margin;
    private final Set<String> kinds;

    ContestService(EntityManager em, BusinessCalendar calendar, ContestSessions sessions, ContestSettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.sessions = sessions;
        this.margin = settings.margin();
        this.kinds = Set.copyOf(settings.kinds());
    }

    /**
     * Makes the quiz the session's contest, and sets the quiz's own window to the contest's (what lists show). The
     * session must be of a kind contests are held at, not cancelled, not over; the quiz stand alone for the
     * session's branch, not withdrawn, and be no other contest; the session have no contest yet; a TEAMS contest
     * needs party groups in the branch. Nothing is stored when any of these fails.
     */
    @Transactional
    public ContestViews.View link(ContestSessions.Session session, ContestViews.Create request, String createdBy) {
        Instant now = calendar.now();
        // the quiz's row is locked: two sessions taking the same quiz at once are decided here
        Quiz quiz = em.find(Quiz.class, request.quizId(), LockModeType.PESSIMISTIC_WRITE);
        if (quiz == null) {
            throw new ProblemException(ContestProblem.CONTEST_QUIZ_NOT_FOUND, request.quizId().toString());
        }
        if (session.cancelled()) {
            throw new ProblemException(ContestProblem.CONTEST_SESSION_CANCELLED, session.theme());
        }
        if (!kinds.contains(session.kind())) {
            throw new ProblemException(ContestProblem.CONTEST_KIND_NOT_ALLOWED, session.kind());
        }
        Window window = windowOf(session);
        if (!window.until().isAfter(now)) {
            throw new ProblemException(ContestProblem.CONTEST_SESSION_OVER, session.theme());
        }
        if (quiz.withdrawn()) {
            throw new ProblemException(ContestProblem.CONTEST_QUIZ_WITHDRAWN, quiz.title);
        }
        if (quiz.materialId != null) {
            throw new ProblemException(ContestProblem.CONTEST_QUIZ_ON_MATERIAL, quiz.title);
        }
        if (!quiz.unitId.equals(session.branchId())) {
            throw new ProblemException(ContestProblem.CONTEST_QUIZ_AUDIENCE, quiz.title);
        }
        Optional<QuizContest> held = QuizContest.findByIdOptional(quiz.id);
        if (held.isPresent()) {
            throw new ProblemException(ContestProblem.CONTEST_QUIZ_LINKED, quiz.title);
        }
        if (QuizContest.count("partyDayId", session.id()) > 0) {
            throw new ProblemException(ContestProblem.CONTEST_EXISTS, session.theme());
        }
        if (request.mode() == ContestMode.TEAMS && sessions.partyGroups(session.branchId(), now).isEmpty()) {
            throw new ProblemException(ContestProblem.CONTEST_NO_TEAMS, session.theme());
        }
        QuizContest contest = new QuizContest();
        contest.quizId = quiz.id;
        contest.partyDayId = session.id();
        contest.branchId = session.branchId();
        contest.mode = request.mode();
        contest.createdBy = createdBy;
        contest.createdAt = now;
        contest.persist();
        quiz.publishFrom = window.from();
        quiz.publishUntil = window.until();
        quiz.updatedAt = now;
        em.flush();
        return view(contest, quiz.title, session);
    }

    /** The session's contest, if it has one. */
    public Optional<ContestViews.View> find(ContestSessions.Session session) {
        return QuizContest.<QuizContest>find("partyDayId", session.id()).firstResultOptional().map(contest -> view(
                contest, Quiz.<Quiz>findByIdOptional(contest.quizId).map(q -> q.title).orElse(""), session));
    }

    /** The contest's window: the session's time with the margin on either side; closed once it is cancelled. */
    Window windowOf(ContestSessions.Session session) {
        return new Window(session.startsAt().minus(margin), session.endsAt().plus(margin), session.cancelled());
    }

    @Override
    public Optional<Window> windowOf(UUID quizId) {
        return QuizContest.<QuizContest>findByIdOptional(quizId).flatMap(c -> sessions.find(c.partyDayId))
                .map(this::windowOf);
    }

    /** The session's contest entity; 404 when it has none. */
    static QuizContest of(UUID partyDayId) {
        return QuizContest.<QuizContest>find("partyDayId", partyDayId).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    private ContestViews.View view(QuizContest contest, String title, ContestSessions.Session session) {
        Window window = windowOf(session);
        return new ContestViews.View(contest.partyDayId, contest.quizId, title, contest.mode, contest.branchId,
                window.from(), window.until(), window.closed(), contest.createdBy, contest.createdAt);
    }
}
