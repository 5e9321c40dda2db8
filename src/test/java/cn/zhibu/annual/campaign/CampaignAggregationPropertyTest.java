package cn.zhibu.annual.campaign;

import static cn.zhibu.annual.campaign.CampaignFixtures.body;
import static cn.zhibu.annual.campaign.CampaignFixtures.secretary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * For random sequences of ballots on random member appraisals (casts, changes, withdrawals, duplicates, ballots
 * before, inside and after their stage's window, self-ratings among peers, self-evaluations of others, grades off
 * the scale, raters from outside): each stored aggregate, as the results service computes it in SQL and as the API
 * shows it, is the aggregate of each rater's last accepted ballot in the window; a rater counts once per ratee and
 * stage; counts never exceed raters × ratees. Drawn with jqwik's generators in a session seeded by a number that a
 * failure reports.
 */
@QuarkusTest
class CampaignAggregationPropertyTest {

    static final int TRIES = 30;
    static final int PEOPLE = 5;
    static final List<String> GRADES = List.of("好", "较好", "一般", "差", "优秀");

    @Inject
    CampaignBallots ballots;
    @Inject
    CampaignResults results;
    @Inject
    CampaignService campaigns;
    @Inject
    CampaignSettings settings;
    @Inject
    TestClock clock;

    /** A ballot (or its withdrawal) by one of the people (index PEOPLE: an outsider) at a minute of the try. */
    record Step(int rater, int ratee, boolean self, int grade, int minute, boolean withdraw) {
    }

    /** Where a ballot is kept: stage, rater and ratee. */
    record Key(StageKind stage, int rater, int ratee) {
    }

    static Arbitrary<List<Step>> sequences() {
        // minutes 50 to 190: before SELF_EVALUATION (60-120), inside it, inside PEER_EVALUATION (120-180), after
        return Combinators.combine(Arbitraries.integers().between(0, PEOPLE).withDistribution(
                        net.jqwik.api.RandomDistribution.uniform()), Arbitraries.integers().between(0, PEOPLE - 1),
                Arbitraries.of(false, false, true), Arbitraries.integers().between(0, GRADES.size() - 1),
                Arbitraries.integers().between(50, 190), Arbitraries.of(false, false, false, false, true))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyAggregateIsThatOfEachRatersLastBallotInTheWindow() {
        String seed = Long.toString(new Random().nextLong());
        String branch = CampaignFixtures.branch();
        List<UUID> people = new ArrayList<>();
        CampaignFixtures.members(branch, PEOPLE).forEach(id -> people.add(UUID.fromString(id)));
        people.add(UUID.fromString(OrgFixtures.person("局外", CampaignFixtures.branch())));
        JqwikSession.start(seed);
        try {
            for (int attempt = 0; attempt < TRIES; attempt++) {
                List<Step> steps = sequences().sample();
                try {
                    check(branch, people, steps);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", try " + attempt + ", steps " + steps, e);
                }
                JqwikSession.finishTry();
            }
        } finally {
            JqwikSession.finish();
            clock.reset();
        }
    }

    private void check(String branch, List<UUID> people, List<Step> steps) {
        clock.reset();
        Instant t0 = TestTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        io.restassured.response.Response made = secretary(branch).body(body(branch, "MEMBER_APPRAISAL",
                t0.plusSeconds(3600), 1, 1, 1)).post("/v1/campaigns");
        assertEquals(201, made.statusCode(), made.asString());
        UUID id = UUID.fromString(made.path("id"));
        List<UUID> rated = QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(
                campaigns.view(id).ratees().stream().map(CampaignViews.Ratee::personId).toList()));
        assertEquals(new HashSet<>(people.subList(0, PEOPLE)), new HashSet<>(rated));
        Map<Key, String> model = new HashMap<>();
        for (Step step : steps) {
            StageKind stage = step.self() ? StageKind.SELF_EVALUATION : StageKind.PEER_EVALUATION;
            int opens = step.self() ? 60 : 120;
            boolean open = step.minute() >= opens && step.minute() < opens + 60;
            Key key = new Key(stage, step.rater(), step.ratee());
            boolean rater = step.rater() < PEOPLE;
            boolean allowed = open && rater && (step.self() == (step.rater() == step.ratee()));
            clock.set(t0.plus(Duration.ofMinutes(step.minute())));
            CampaignBallots.Rater who = CampaignBallots.Rater.person(people.get(step.rater()));
            UUID ratee = people.get(step.ratee());
            boolean accepted;
            try {
                if (step.withdraw()) {
                    ballots.withdraw(id, stage, who, ratee);
                } else {
                    ballots.cast(id, stage, who, ratee, GRADES.get(step.grade()));
                }
                accepted = true;
            } catch (ProblemException refused) {
                accepted = false;
            }
            boolean expected = step.withdraw() ? open && model.containsKey(key)
                    : allowed && step.grade() < GRADES.size() - 1;
            assertEquals(expected, accepted, "step " + step);
            if (accepted && step.withdraw()) {
                model.remove(key);
            } else if (accepted) {
                model.put(key, GRADES.get(step.grade()));
            }
        }
        clock.reset();
        for (StageKind stage : List.of(StageKind.SELF_EVALUATION, StageKind.PEER_EVALUATION)) {
            Map<UUID, Map<String, Long>> expected = new HashMap<>();
            Set<Integer> raters = new HashSet<>();
            model.forEach((key, grade) -> {
                if (key.stage() == stage) {
                    expected.computeIfAbsent(people.get(key.ratee()), r -> new HashMap<>()).merge(grade, 1L, Long::sum);
                    raters.add(key.rater());
                }
            });
            Map<UUID, Map<String, Long>> counts = QuarkusTransaction.requiringNew()
                    .call(() -> results.counts(id, stage));
            assertEquals(expected, counts, stage.name());
            long total = counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
            assertTrue(total <= (long) raters.size() * PEOPLE, "counts within raters × ratees");
            assertEquals(raters.size(), QuarkusTransaction.requiringNew().call(() -> results.raters(id, stage)));
        }
        // the answer the API gives a manager: each ratee's aggregate and self-grade
        CampaignBallotViews.Results shown = QuarkusTransaction.requiringNew()
                .call(() -> results.of(campaigns.require(id), null, true));
        for (CampaignBallotViews.RateeResult ratee : shown.ratees()) {
            int index = people.indexOf(ratee.personId());
            Map<String, Long> grades = new HashMap<>();
            model.forEach((key, grade) -> {
                if (key.stage() == StageKind.PEER_EVALUATION && key.ratee() == index) {
                    grades.merge(grade, 1L, Long::sum);
                }
            });
            assertEquals(CampaignResults.aggregate(StageKind.PEER_EVALUATION, GRADES.subList(0, 4), grades,
                    settings.minRaters()), ratee.aggregates().get(0));
            assertTrue(ratee.aggregates().get(0).raters() <= PEOPLE - 1, "a rater counts once per ratee");
            assertEquals(model.get(new Key(StageKind.SELF_EVALUATION, index, index)), ratee.selfGrade());
        }
    }
}
