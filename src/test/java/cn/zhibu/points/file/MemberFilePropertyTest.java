package cn.zhibu.points.file;

import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;

import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * For random scoring rules (points, daily, weekly and count caps, or none) and random sequences of credits and
 * reversals for random people of a branch: each person's member file says what the ledger holds, its year total
 * and every group of its sums by activity, by ISO week and by month recomputed from the entries read straight
 * from the database; and the ledger kept the rules' caps. The rules and sequences are drawn with jqwik's
 * generators in a session seeded by a number that a failure reports.
 */
@QuarkusTest
class MemberFilePropertyTest {

    static final int TRIES = 30;
    static final int PEOPLE = 5;
    static final int YEAR = 2105;
    static final ActivityType[] TYPES = {ActivityType.CHECK_IN, ActivityType.QUIZ, ActivityType.MANUAL_AWARD};

    @Inject
    PointsLedger ledger;
    @Inject
    AgroalDataSource dataSource;

    /** A credit to one of the people on a day around the year (some in the years beside it), or a reversal. */
    record Step(int person, int activity, int day, int points, boolean reversal, int target) {
    }

    /** One activity's rule: points per occurrence and its caps (null: none). */
    record Rule(int points, Integer dailyCap, Integer weeklyCap, Integer maxCount) {
    }

    static Arbitrary<List<Step>> sequences() {
        // days anywhere around the year, or crowded into its first and last two weeks, where caps bind
        Arbitrary<Integer> days = Arbitraries.oneOf(Arbitraries.integers().between(-10, 374),
                Arbitraries.integers().between(-3, 10), Arbitraries.integers().between(358, 368));
        return Combinators.combine(Arbitraries.integers().between(0, PEOPLE - 1), Arbitraries.integers().between(0, 2),
                days, Arbitraries.integers().between(1, 30),
                Arbitraries.of(false, false, false, true), Arbitraries.integers().between(0, 1000))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(25);
    }

    /** A rule for one activity; {@code most} allows a count cap. */
    static Arbitrary<Rule> rules(boolean most) {
        return Combinators.combine(Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 40).injectNull(0.3),
                Arbitraries.integers().between(1, 80).injectNull(0.3),
                most ? Arbitraries.integers().between(1, 12).injectNull(0.5) : Arbitraries.just(null))
                .as(Rule::new);
    }

    @Test
    void everyTotalOfTheFileIsTheSumOfTheLedger() throws Exception {
        String seed = Long.toString(new Random().nextLong());
        String branch = unit("BRANCH", unit("COMMITTEE", null));
        LocalDate from = LocalDate.of(YEAR - 1, 1, 1);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(OrgFixtures.person("性质" + i, branch));
        }
        List<UUID> credits = new ArrayList<>();
        JqwikSession.start(seed); // jqwik's generators, outside its engine (a Quarkus test), from a seed
        Map<String, MemberFileChecks.Caps> caps = new java.util.HashMap<>();
        try {
            for (ActivityType type : TYPES) {
                Rule rule = rules(type == ActivityType.QUIZ).sample();
                rule(branch, type, from, rule.points(), rule.dailyCap(), rule.weeklyCap(), rule.maxCount());
                caps.put(type.name(), new MemberFileChecks.Caps(rule.dailyCap(), rule.weeklyCap(), rule.maxCount()));
            }
            for (int attempt = 0; attempt < TRIES; attempt++) {
                List<Step> steps = sequences().sample();
                try {
                    check(branch, people, credits, steps, caps);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", rules " + caps + ", try " + attempt + ", steps "
                            + steps, e);
                }
                JqwikSession.finishTry();
            }
        } finally {
            JqwikSession.finish();
        }
    }

    /**
     * Runs the steps (people's histories grow from try to try), then reads the files of the people they touched
     * and checks their ledgers kept the caps.
     */
    private void check(String branch, List<String> people, List<UUID> credits, List<Step> steps,
            Map<String, MemberFileChecks.Caps> caps) throws Exception {
        java.util.Set<String> touched = new java.util.LinkedHashSet<>();
        for (Step step : steps) {
            if (step.reversal() && !credits.isEmpty()) {
                try {
                    UUID reversed = credits.get(step.target() % credits.size());
                    touched.add(ledger.reverse(reversed, "冲销", "test").personId().toString());
                } catch (ProblemException alreadyReversed) {
                    // reversed once already: the ledger refuses, and nothing changes
                }
                continue;
            }
            ActivityType type = TYPES[step.activity()];
            String person = people.get(step.person());
            credits.add(ledger.credit(new PointsLedger.Credit(UUID.fromString(person), UUID.fromString(branch), type,
                    "PROPERTY", UUID.randomUUID().toString(), LocalDate.of(YEAR, 1, 1).plusDays(step.day()),
                    type == ActivityType.MANUAL_AWARD ? step.points() : null, null, "test")).id());
            touched.add(person);
        }
        for (String person : touched) {
            @SuppressWarnings("unchecked")
            Map<String, Object> file = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("year", YEAR)
                    .get("/v1/people/" + person + "/file").then().statusCode(200).extract().as(Map.class);
            MemberFileChecks.assertTotalsMatchLedger(dataSource, person, YEAR, file);
            MemberFileChecks.assertCapsHeld(dataSource, person, caps);
        }
    }
}
