package cn.zhibu.study.quiz;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.study.StudyMaterial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): a bank of six questions on the Party Constitution and rules, one quiz
 * (on the demo branch's earliest study material if there is one, else standing alone for the branch), and the
 * scored attempts of the branch's people over the past four weeks, credited through the ledger on their days.
 * The same seed gives the same attempts. Added only when the demo branch has no quiz yet.
 */
@ApplicationScoped
public class QuizDemoData {

    private static final Logger LOG = Logger.getLogger(QuizDemoData.class);
    private static final String BY = "system:demo";
    private static final int DAYS = 28;

    /** Kind, text, options (none for true-or-false), correct keys, explanation. */
    private static final Object[][] QUESTIONS = {
        {QuestionKind.SINGLE_CHOICE, "中国共产党的根本宗旨是什么？",
            List.of("全心全意为人民服务", "实现共产主义", "解放和发展社会生产力", "坚持和加强党的全面领导"), "A",
            "党章总纲指出，党除了工人阶级和最广大人民群众的利益，没有自己特殊的利益。全心全意为人民服务是党的根本宗旨。"},
        {QuestionKind.SINGLE_CHOICE, "党的最高领导机关是（　）。",
            List.of("党的全国代表大会和它所产生的中央委员会", "中央政治局和它的常务委员会", "中央书记处", "中央纪律检查委员会"),
            "A", "党章第十条：党的最高领导机关，是党的全国代表大会和它所产生的中央委员会。"},
        {QuestionKind.MULTIPLE_CHOICE, "“四个意识”是指（　）。",
            List.of("政治意识", "大局意识", "核心意识", "看齐意识", "忧患意识"), "ABCD",
            "“四个意识”即政治意识、大局意识、核心意识、看齐意识。"},
        {QuestionKind.TRUE_FALSE, "预备党员的预备期为一年。", List.of(), "A", "党章第七条：预备党员的预备期为一年。"},
        {QuestionKind.MULTIPLE_CHOICE, "《中国共产党纪律处分条例》规定的党的纪律包括（　）。",
            List.of("政治纪律", "组织纪律", "廉洁纪律", "群众纪律", "工作纪律", "生活纪律"), "ABCDEF",
            "条例将党的纪律归为政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律六项。"},
        {QuestionKind.TRUE_FALSE, "党小组会一般每季度召开一次。", List.of(), "B",
            "《中国共产党支部工作条例（试行）》规定，党小组会一般每月召开1次，支部党员大会一般每季度召开1次。"},
    };

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final QuizAttempts attempts;

    QuizDemoData(EntityManager em, BusinessCalendar calendar, QuizAttempts attempts) {
        this.em = em;
        this.calendar = calendar;
        this.attempts = attempts;
    }

    @Transactional
    public void load() {
        Optional<OrgUnit> found = OrgUnit.find("kind = ?1 and name = ?2", OrgUnitKind.BRANCH, "示范区委组织部机关党支部")
                .firstResultOptional();
        if (found.isEmpty()) {
            return;
        }
        add(found.get());
    }

    /** Adds the demo bank, quiz and results for the branch, unless it has a quiz already; whether it added them. */
    boolean add(OrgUnit branch) {
        // any quiz for the branch's subtree, or a demo quiz on a material above it
        if (Quiz.count("unitId in (select u.id from OrgUnit u where u.path like ?1) or (createdBy = ?2 and unitId in ?3)",
                branch.path + "%", BY, QuestionBank.selfAndAncestors(branch.id)) > 0) {
            return false;
        }
        LocalDate today = calendar.today();
        LocalDate first = today.minusDays(DAYS);
        Instant now = calendar.now();
        Optional<StudyMaterial> material = StudyMaterial.<StudyMaterial>find("unitId in ?1 and withdrawnAt is null "
                + "order by publishFrom, id", QuestionBank.selfAndAncestors(branch.id)).firstResultOptional();
        UUID audience = material.map(m -> m.unitId).orElse(branch.id);
        List<QuizQuestion> bank = new ArrayList<>();
        for (Object[] row : QUESTIONS) {
            bank.add(question(audience, row, now));
        }
        Quiz quiz = new Quiz();
        quiz.id = UUID.randomUUID();
        quiz.unitId = audience;
        quiz.materialId = material.map(m -> m.id).orElse(null);
        quiz.title = "党章党规知识一测";
        quiz.questionIds = bank.stream().map(q -> q.id).toArray(UUID[]::new);
        quiz.timeLimitSeconds = 600;
        quiz.passScore = 4;
        quiz.publishFrom = material.isPresent() ? null : first.atStartOfDay(calendar.zone()).toInstant();
        quiz.createdBy = BY;
        quiz.createdAt = now;
        quiz.updatedAt = now;
        quiz.persist();
        LocalDate opened = material.map(m -> calendar.dateOf(m.publishFrom)).orElse(first);
        int taken = results(quiz, bank, branch.id, first.isBefore(opened) ? opened : first, today);
        LOG.infof("Demo data: a bank of %d questions, the quiz \"%s\" (%s) and %d scored attempts of the past four weeks",
                bank.size(), quiz.title, material.isPresent() ? "on a study material" : "standing alone", taken);
        return true;
    }

    /** Attempts of the branch's people from {@code from} until yesterday, each scored on its day; how many. */
    private int results(Quiz quiz, List<QuizQuestion> bank, UUID branch, LocalDate from, LocalDate today) {
        List<UUID> people = em.createQuery("select p.id from Person p where p.id in (select m.personId from Membership m "
                + "where m.orgUnitId = :branch and m.branch = true and m.endDate is null) order by p.externalId, p.id",
                UUID.class).setParameter("branch", branch).getResultList();
        Random random = new Random(20261128L);
        Map<UUID, Double> skill = new HashMap<>();
        people.forEach(p -> skill.put(p, 0.55 + 0.4 * random.nextDouble()));
        int taken = 0;
        for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
            for (UUID person : people) {
                boolean takes = random.nextDouble() < 0.4;
                int minute = 8 * 60 + random.nextInt(12 * 60);
                int seconds = 60 + random.nextInt(480);
                double[] draws = new double[bank.size()];
                for (int i = 0; i < draws.length; i++) {
                    draws[i] = random.nextDouble();
                }
                if (!takes || day.isBefore(from)) {
                    continue;
                }
                Instant started = day.atStartOfDay(calendar.zone()).toInstant().plusSeconds(minute * 60L);
                attempt(quiz, bank, person, started, seconds, draws, skill.get(person));
                taken++;
                // written as it goes: a growing persistence context would be checked again at every query
                em.flush();
                em.clear();
            }
        }
        return taken;
    }

    /** One attempt, scored as the service scores a submission, then written once with its result. */
    private void attempt(Quiz quiz, List<QuizQuestion> bank, UUID person, Instant started, int seconds,
            double[] draws, double skill) {
        QuizAttempt attempt = new QuizAttempt();
        attempt.id = UUID.randomUUID();
        attempt.quizId = quiz.id;
        attempt.personId = person;
        attempt.startedAt = started;
        attempt.deadline = started.plusSeconds(quiz.timeLimitSeconds);
        attempt.questionCount = bank.size();
        attempt.passScore = quiz.passScore;
        attempt.createdBy = BY;
        attempt.createdAt = started;
        attempt.updatedAt = started;
        List<QuizAttemptQuestion> questions = new ArrayList<>();
        Map<UUID, String> chosen = new HashMap<>();
        for (int i = 0; i < bank.size(); i++) {
            QuizQuestion question = bank.get(i);
            questions.add(QuizAttemptQuestion.copyOf(question, attempt.id, i + 1));
            String wrong = question.correctKeys.equals("A") ? "B" : "A";
            chosen.put(question.id, draws[i] < skill ? question.correctKeys : wrong);
        }
        attempts.score(attempt, questions, chosen, started.plusSeconds(seconds), BY);
        attempt.persist();
        questions.forEach(q -> q.persist());
    }

    @SuppressWarnings("unchecked")
    private static QuizQuestion question(UUID unit, Object[] row, Instant now) {
        QuizQuestion question = new QuizQuestion();
        question.id = UUID.randomUUID();
        question.unitId = unit;
        question.kind = (QuestionKind) row[0];
        question.text = (String) row[1];
        List<String> options = (List<String>) row[2];
        question.options = (options.isEmpty() ? QuestionViews.TRUE_FALSE : options).toArray(String[]::new);
        question.correctKeys = (String) row[3];
        question.explanation = (String) row[4];
        question.createdBy = BY;
        question.createdAt = now;
        question.updatedAt = now;
        question.persist();
        return question;
    }
}
