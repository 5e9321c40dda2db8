package cn.zhibu.study.quiz.contest;

import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.study.quiz.QuestionKind;
import cn.zhibu.study.quiz.Quiz;
import cn.zhibu.study.quiz.QuizAttempts;
import cn.zhibu.study.quiz.QuizGate;
import cn.zhibu.study.quiz.QuizQuestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the “楚韵·清风” integrity knowledge contest (廉洁知识竞答) held by teams at the
 * demo branch's latest HELD themed party day, answered during it by the members present; the party group with the
 * most members there wins. Their attempts are scored and credited as submissions then would have been (QUIZ and
 * QUIZ_FULL_MARKS through the ledger, under the branch's scoring rules). The same seed gives the same answers.
 * Added once: nothing when the branch has a contest already, or no held themed party day with party groups.
 */
@ApplicationScoped
public class ContestDemoData {

    private static final Logger LOG = Logger.getLogger(ContestDemoData.class);
    private static final String BY = "system:demo";
    private static final List<String> TRUE_FALSE = List.of("正确", "错误");

    /** Kind, text, options (none for true-or-false), correct keys, explanation. */
    private static final Object[][] QUESTIONS = {
        {QuestionKind.SINGLE_CHOICE, "中央八项规定是哪一年出台的？", List.of("2012年", "2013年", "2015年", "2016年"), "A",
            "2012年12月4日，中央政治局会议审议通过了关于改进工作作风、密切联系群众的八项规定。"},
        {QuestionKind.MULTIPLE_CHOICE, "《中国共产党廉洁自律准则》提出的党员廉洁自律规范包括（　）。",
            List.of("坚持公私分明，先公后私，克己奉公", "坚持崇廉拒腐，清白做人，干净做事", "坚持尚俭戒奢，艰苦朴素，勤俭节约",
                    "坚持吃苦在前，享受在后，甘于奉献", "坚持依法行政，执法为民"), "ABCD",
            "准则对全体党员提出了公私分明、崇廉拒腐、尚俭戒奢、甘于奉献四条廉洁自律规范。"},
        {QuestionKind.TRUE_FALSE, "节假日期间，党员领导干部可以收受下属赠送的少量礼金。", List.of(), "B",
            "违反规定收受礼品、礼金属于违反廉洁纪律的行为，数额大小不改变其性质。"},
        {QuestionKind.SINGLE_CHOICE, "监督执纪“四种形态”中的第一种形态是（　）。",
            List.of("经常开展批评和自我批评、约谈函询，让“红红脸、出出汗”成为常态", "党纪轻处分、组织调整成为违纪处理的大多数",
                    "党纪重处分、重大职务调整的成为少数", "严重违纪涉嫌违法立案审查的成为极少数"), "A",
            "第一种形态着眼于抓早抓小、防微杜渐，让“红红脸、出出汗”成为常态。"},
        {QuestionKind.TRUE_FALSE, "《中国共产党纪律处分条例》规定的六项纪律包括廉洁纪律。", List.of(), "A",
            "六项纪律：政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律。"},
    };

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final QuizAttempts attempts;
    private final ContestSessions sessions;
    private final ContestService contests;

    ContestDemoData(EntityManager em, BusinessCalendar calendar, QuizAttempts attempts, ContestSessions sessions,
            ContestService contests) {
        this.em = em;
        this.calendar = calendar;
        this.attempts = attempts;
        this.sessions = sessions;
        this.contests = contests;
    }

    @Transactional
    public void load() {
        @SuppressWarnings("unchecked")
        Optional<UUID> found = OrgDemoData.branch();
        if (!found.isEmpty()) {
            add(found.get());
        }
    }

    /** Adds the contest at the branch's latest held themed party day, unless it has a contest; whether it did. */
    boolean add(UUID branch) {
        if (QuizContest.count("branchId", branch) > 0) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<UUID> held = em.createNativeQuery("select id from party_day where branch_id = :branch and kind = "
                + "'THEMED_PARTY_DAY' and state = 'HELD' order by starts_at desc, id limit 1")
                .setParameter("branch", branch).getResultList();
        Optional<ContestSessions.Session> session = held.stream().findFirst().flatMap(sessions::find);
        if (session.isEmpty() || sessions.partyGroups(branch, session.get().startsAt()).isEmpty()) {
            return false;
        }
        add(session.get());
        return true;
    }

    private void add(ContestSessions.Session session) {
        Instant now = calendar.now();
        List<QuizQuestion> bank = new ArrayList<>();
        for (Object[] row : QUESTIONS) {
            bank.add(question(session.branchId(), row, now));
        }
        QuizGate.Window window = contests.windowOf(session);
        Quiz quiz = new Quiz();
        quiz.id = UUID.randomUUID();
        quiz.unitId = session.branchId();
        quiz.title = "“楚韵·清风”廉洁知识竞答";
        quiz.questionIds = bank.stream().map(q -> q.id).toArray(UUID[]::new);
        quiz.timeLimitSeconds = 300;
        quiz.passScore = 4;
        quiz.publishFrom = window.from();
        quiz.publishUntil = window.until();
        quiz.createdBy = BY;
        quiz.createdAt = now;
        quiz.updatedAt = now;
        quiz.persist();
        QuizContest contest = new QuizContest();
        contest.quizId = quiz.id;
        contest.partyDayId = session.id();
        contest.branchId = session.branchId();
        contest.mode = ContestMode.TEAMS;
        contest.createdBy = BY;
        contest.createdAt = window.from();
        contest.persist();
        em.flush();
        int answered = answers(quiz, bank, session);
        LOG.infof("Demo data: the contest \"%s\" at the party day \"%s\", answered by %d members", quiz.title,
                session.theme(), answered);
    }

    /** The attempts of the members present, started in the session's second half hour; how many. */
    private int answers(Quiz quiz, List<QuizQuestion> bank, ContestSessions.Session session) {
        List<ContestSessions.Group> groups = sessions.partyGroups(session.branchId(), session.startsAt());
        Map<UUID, UUID> teams = sessions.teams(groups.stream().map(ContestSessions.Group::id).toList(),
                session.heldOn());
        @SuppressWarnings("unchecked")
        List<UUID> present = em.createNativeQuery("select a.person_id from attendance a join person p on p.id = "
                + "a.person_id where a.party_day_id = :day and a.status = 'PRESENT' order by p.external_id, p.id")
                .setParameter("day", session.id()).getResultList();
        // the party group with the most members present knows its rules best: four or five right, the others one
        // to three, so it wins on its mean
        Map<UUID, Integer> there = new HashMap<>();
        present.forEach(p -> {
            if (teams.containsKey(p)) {
                there.merge(teams.get(p), 1, Integer::sum);
            }
        });
        UUID favoured = groups.get(0).id();
        int most = -1;
        for (ContestSessions.Group group : groups) {
            if (there.getOrDefault(group.id(), 0) > most) {
                most = there.getOrDefault(group.id(), 0);
                favoured = group.id();
            }
        }
        Random random = new Random(20260701L);
        int answered = 0;
        for (UUID person : present) {
            int right = favoured.equals(teams.get(person)) ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            int offset = random.nextInt(bank.size());
            Map<UUID, String> chosen = new HashMap<>();
            for (int i = 0; i < bank.size(); i++) {
                QuizQuestion question = bank.get((i + offset) % bank.size());
                String wrong = question.correctKeys.equals("A") ? "B" : "A";
                chosen.put(question.id, i < right ? question.correctKeys : wrong);
            }
            Instant started = session.startsAt().plusSeconds(1800 + random.nextInt(600));
            attempts.recordTaken(quiz.id, person, started, started.plusSeconds(60 + random.nextInt(200)), chosen, BY);
            answered++;
        }
        return answered;
    }

    @SuppressWarnings("unchecked")
    private static QuizQuestion question(UUID unit, Object[] row, Instant now) {
        QuizQuestion question = new QuizQuestion();
        question.id = UUID.randomUUID();
        question.unitId = unit;
        question.kind = (QuestionKind) row[0];
        question.text = (String) row[1];
        List<String> options = (List<String>) row[2];
        question.options = (options.isEmpty() ? TRUE_FALSE : options).toArray(String[]::new);
        question.correctKeys = (String) row[3];
        question.explanation = (String) row[4];
        question.createdBy = BY;
        question.createdAt = now;
        question.updatedAt = now;
        question.persist();
        return question;
    }
}
