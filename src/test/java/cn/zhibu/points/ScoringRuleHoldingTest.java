package cn.zhibu.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.OrgFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The one-statement look-up the ledger credits by ({@link ScoringRuleService#holding}) finds what the
 * full list of effective rules says, for every unit of a small tree, every activity type and days around
 * each change: inherited, overridden, versioned, ended, and ended by the nearest unit while one above
 * still has a rule.
 */
@QuarkusTest
class ScoringRuleHoldingTest {

    @Inject
    ScoringRuleService rules;
    @Inject
    EntityManager em;

    @Test
    void holdingAgreesWithTheEffectiveList() {
        UUID committee = UUID.fromString(OrgFixtures.unit("COMMITTEE", null));
        UUID branch = UUID.fromString(OrgFixtures.unit("BRANCH", committee.toString()));
        UUID group = UUID.fromString(OrgFixtures.unit("PARTY_GROUP", branch.toString()));
        // the committee: CHECK_IN in two versions, QUIZ from mid-year
        rule(committee, "CHECK_IN", 1, "2026-01-01", null, 2);
        rule(committee, "CHECK_IN", 2, "2026-06-01", null, 3);
        rule(committee, "QUIZ", 1, "2026-07-01", null, 5);
        rule(committee, "MANUAL_AWARD", 1, "2026-01-01", null, 1);
        // the branch overrides CHECK_IN from March, ends its own QUIZ rule in April (which then decides: none)
        rule(branch, "CHECK_IN", 1, "2026-03-01", null, 4);
        rule(branch, "QUIZ", 1, "2026-02-01", "2026-04-30", 6);
        // the group ends MANUAL_AWARD in May
        rule(group, "MANUAL_AWARD", 1, "2026-01-01", "2026-05-31", 7);

        int compared = 0;
        for (UUID unit : new UUID[] {committee, branch, group}) {
            for (LocalDate day = LocalDate.parse("2025-12-30"); day.isBefore(LocalDate.parse("2026-08-03"));
                    day = day.plusDays(1)) {
                LocalDate date = day;
                compared += QuarkusTransaction.requiringNew().call(() -> {
                    var effective = rules.effective(unit, date);
                    for (ActivityType type : ActivityType.values()) {
                        Optional<ScoringRuleViews.View> expected = effective.stream()
                                .filter(r -> r.activityType() == type).findFirst().map(ScoringRuleViews.Effective::rule);
                        assertEquals(expected, rules.holding(unit, type, date), type + " in " + unit + " on " + date);
                    }
                    return ActivityType.values().length;
                });
            }
        }
        assertEquals(3 * 216 * ActivityType.values().length, compared);
    }

    private void rule(UUID unit, String type, int version, String from, String to, int points) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into scoring_rule (id, org_unit_id, "
                + "activity_type, version, effective_from, effective_to, points, created_by, created_at) values (:id, "
                + ":unit, :type, :version, cast(:from as date), cast(:to as date), :points, 'test', now())")
                .setParameter("id", UUID.randomUUID()).setParameter("unit", unit).setParameter("type", type)
                .setParameter("version", version).setParameter("from", from).setParameter("to", to)
                .setParameter("points", points).executeUpdate());
    }
}
