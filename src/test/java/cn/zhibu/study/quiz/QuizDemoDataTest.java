package cn.zhibu.study.quiz;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.quiz.QuizFixtures.ZONE;
import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.testing.OrgFixtures.person;
import static cn.zhibu.testing.OrgFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo quiz and four weeks of results, added once per branch (the startup bean runs only with zhibu.demo). */
@QuarkusTest
class QuizDemoDataTest {

    @Inject
    QuizDemoData demo;

    boolean add(String branch) {
        return QuarkusTransaction.requiringNew().call(() -> demo.add(OrgUnit.findById(UUID.fromString(branch))));
    }

    @Test
    void aBranchGetsABankAQuizAndFourWeeksOfScoredAttemptsOnce() {
        String committee = unit("COMMITTEE", null);
        String branch = unit("BRANCH", committee);
        for (int i = 0; i < 4; i++) {
            person("示范" + i, branch);
        }
        assertTrue(add(branch));
        LocalDate today = TestTime.today();
        assertEquals(6, count("select count(*) from quiz_question where org_unit_id = ?", branch));
        assertEquals(1, count("select count(*) from quiz where org_unit_id = ? and material_id is null "
                + "and publish_from = ? and pass_score = 4", branch, today.minusDays(28).atStartOfDay(ZONE)
                .toOffsetDateTime()));
        String attempts = "select count(*) from quiz_attempt a join quiz q on q.id = a.quiz_id where q.org_unit_id = ?";
        long taken = count(attempts, branch);
        assertTrue(taken > 10, "some 40% of 4 people's 28 days: " + taken);
        assertEquals(taken, count(attempts + " and a.submitted_at is not null and not a.practice and not a.late "
                + "and a.business_date between ? and ?", branch, today.minusDays(28), today.minusDays(1)));
        assertEquals(taken, count("select count(distinct (a.person_id, a.business_date)) from quiz_attempt a "
                + "join quiz q on q.id = a.quiz_id where q.org_unit_id = ?", branch));
        assertEquals(taken * 6, count("select count(*) from quiz_attempt_question x join quiz_attempt a "
                + "on a.id = x.attempt_id join quiz q on q.id = a.quiz_id where q.org_unit_id = ? and x.chosen_keys "
                + "is not null", branch));
        long passed = count(attempts + " and a.score >= 4", branch);
        assertTrue(passed > 0);
        assertEquals(passed, count(attempts + " and a.points_entry_id is not null", branch));
        assertEquals(passed, count("select count(*) from ledger_entry e join quiz_attempt a on a.points_entry_id = e.id "
                + "join quiz q on q.id = a.quiz_id where q.org_unit_id = ? and e.activity_type = 'QUIZ' "
                + "and e.business_date = a.business_date and e.source_id = q.id || ':' || a.business_date", branch));
        assertEquals(count(attempts + " and a.score = 6", branch), count(attempts + " and a.full_marks_entry_id "
                + "is not null", branch));

        assertFalse(add(branch), "once per branch");
        assertEquals(taken, count(attempts, branch));
        assertEquals(1, count("select count(*) from quiz where org_unit_id = ?", branch));
    }

    @Test
    void withAStudyMaterialTheQuizIsOnIt() {
        String committee = unit("COMMITTEE", null);
        String branch = unit("BRANCH", committee);
        for (int i = 0; i < 3; i++) {
            person("示范" + i, branch);
        }
        Map<String, Object> body = materialBody(committee);
        java.time.Instant now = TestTime.now();
        LocalDate today = TestTime.calendar().dateOf(now);
        body.put("publishFrom", now.minus(10, ChronoUnit.DAYS).toString());
        String material = material(body);
        assertTrue(add(branch));
        assertEquals(1, count("select count(*) from quiz where material_id = ? and org_unit_id = ? "
                + "and publish_from is null", material, committee));
        assertEquals(6, count("select count(*) from quiz_question where org_unit_id = ?", committee));
        assertEquals(0, count("select count(*) from quiz_attempt a join quiz q on q.id = a.quiz_id where "
                + "q.material_id = ? and a.business_date < ?", material, today.minusDays(10)));
        assertFalse(add(branch), "the demo quiz on the material above counts");
    }
}
