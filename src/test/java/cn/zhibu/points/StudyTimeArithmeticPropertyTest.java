package cn.zhibu.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What a check-in's study time earns, over any seconds, block, points and caps: the rule's points per full block,
 * never over a cap nor the ledger's most per entry, and no less than the caps leave.
 */
class StudyTimeArithmeticPropertyTest {

    @Property(tries = 1000)
    void studyTimeEarnsPerFullBlockWithinTheCaps(@ForAll @IntRange(min = 0, max = 86400) int seconds,
            @ForAll @IntRange(min = 60, max = 86400) int blockSeconds, @ForAll @IntRange(min = 0, max = 1000) int points,
            @ForAll("caps") Integer dailyCap, @ForAll("caps") Integer weeklyCap, @ForAll("counts") Integer maxCount,
            @ForAll @IntRange(min = 0, max = 2000) int dayNet, @ForAll @IntRange(min = 0, max = 2000) int extraWeek,
            @ForAll @IntRange(min = 0, max = 5) int counted) {
        int weekNet = dayNet + extraWeek; // the day is part of its week
        int asked = CreditArithmetic.studyTime(seconds, Duration.ofSeconds(blockSeconds), points);
        assertEquals(Math.min(CreditArithmetic.MOST_PER_ENTRY, (seconds / blockSeconds) * points), asked);
        if (seconds < blockSeconds) {
            assertEquals(0, asked, "under one block, nothing");
        }

        int credited = CreditArithmetic.capped(asked, dailyCap, weeklyCap, maxCount, dayNet, weekNet, counted);
        assertTrue(credited >= 0 && credited <= asked);
        if (dailyCap != null && credited > 0) {
            assertTrue(dayNet + credited <= dailyCap, "within the daily cap");
        }
        if (weeklyCap != null && credited > 0) {
            assertTrue(weekNet + credited <= weeklyCap, "within the weekly cap");
        }
        if (maxCount != null && counted >= maxCount) {
            assertEquals(0, credited, "the maximum count reached: nothing");
        } else if (credited < asked) {
            // lowered only as far as a cap demands: one of them is reached exactly, or was already passed
            boolean dayReached = dailyCap != null && dayNet + credited >= dailyCap;
            boolean weekReached = weeklyCap != null && weekNet + credited >= weeklyCap;
            assertTrue(dayReached || weekReached, "lowered without a cap reached");
        }
    }

    @Provide
    Arbitrary<Integer> caps() {
        return Arbitraries.integers().between(0, 3000).injectNull(0.4);
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(1, 5).injectNull(0.5);
    }
}
