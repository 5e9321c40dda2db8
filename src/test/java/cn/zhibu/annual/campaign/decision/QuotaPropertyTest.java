package cn.zhibu.annual.campaign.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.annual.campaign.CampaignType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The quota over any sequence of decisions: whatever is decided, replaced and refused, the best outcome is never
 * given more often than the quota allows, and a decision is refused only when taking it would go over.
 */
class QuotaPropertyTest {

    record Decision(int ratee, String outcome) {
    }

    @Property(tries = 500)
    void theBestOutcomeNeverExceedsTheQuota(@ForAll @IntRange(min = 1, max = 12) int ratees,
            @ForAll("quotaCounts") Integer quotaCount, @ForAll("shares") BigDecimal quotaShare,
            @ForAll("shares") BigDecimal settingShare, @ForAll boolean star, @ForAll("decisions") List<Decision> sequence) {
        CampaignType type = star ? CampaignType.STAR_SELECTION : CampaignType.MEMBER_APPRAISAL;
        BigDecimal setting = settingShare == null ? new BigDecimal("0.30") : settingShare;
        int most = Quotas.most(type, quotaCount, quotaShare, setting, ratees);
        String best = Quotas.best(type, new String[] {"优秀", "合格"});
        String other = star ? Quotas.NOT_SELECTED : "合格";
        Map<Integer, String> decided = new HashMap<>();
        for (Decision d : sequence) {
            int ratee = d.ratee() % ratees;
            String outcome = d.outcome().equals("best") ? best : other;
            long given = decided.values().stream().filter(best::equals).count();
            boolean admitted = Quotas.admits(best, given, decided.get(ratee), outcome, most);
            boolean wouldExceed = best.equals(outcome) && !best.equals(decided.get(ratee)) && given + 1 > most;
            assertEquals(!wouldExceed, admitted);
            if (admitted) {
                decided.put(ratee, outcome);
            }
            assertTrue(decided.values().stream().filter(best::equals).count() <= most);
        }
        // never more than the campaign's own caps, and for an appraisal the setting's share
        assertTrue(most <= ratees && (quotaCount == null || most <= quotaCount));
        if (!star) {
            assertTrue(most <= setting.multiply(BigDecimal.valueOf(ratees)).intValue());
        }
    }

    @Provide
    Arbitrary<Integer> quotaCounts() {
        return Arbitraries.integers().between(0, 6).injectNull(0.3);
    }

    @Provide
    Arbitrary<BigDecimal> shares() {
        return Arbitraries.integers().between(1, 1000).map(n -> BigDecimal.valueOf(n, 3)).injectNull(0.3);
    }

    @Provide
    Arbitrary<List<Decision>> decisions() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.of("best", "other"))
                .as(Decision::new).list().ofMaxSize(40);
    }
}
