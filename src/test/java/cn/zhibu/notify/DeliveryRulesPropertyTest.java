package cn.zhibu.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Quiet hours and a member's choices hold for every time and setting: a message is sent only outside the branch's
 * quiet hours (as counted minute by minute, naively), only of a kind the member wants, to a WeChat user with a credit;
 * in quiet hours it waits exactly until they end.
 */
class DeliveryRulesPropertyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MONDAY = Instant.parse("2026-12-06T16:00:00Z"); // Monday 00:00 in Shanghai

    @Property(tries = 2000)
    void aMessageWaitsExactlyWhileTheBranchIsQuiet(@ForAll @IntRange(max = 1439) int from,
            @ForAll @IntRange(max = 1439) int until, @ForAll @IntRange(max = 7 * 1440 - 1) int minute,
            @ForAll @IntRange(max = 59) int second) {
        QuietHours quiet = new QuietHours(LocalTime.of(from / 60, from % 60), LocalTime.of(until / 60, until % 60));
        Instant now = MONDAY.plus(Duration.ofMinutes(minute)).plusSeconds(second);
        Optional<Instant> waitUntil = quiet.waitUntil(now, SHANGHAI);
        assertEquals(naiveQuiet(from, until, minute % 1440), waitUntil.isPresent());
        waitUntil.ifPresent(end -> {
            assertTrue(end.isAfter(now));
            assertTrue(Duration.between(now, end).compareTo(Duration.ofDays(1)) <= 0);
            ZonedDateTime local = end.atZone(SHANGHAI);
            assertEquals(LocalTime.of(until / 60, until % 60), local.toLocalTime());
            // every minute from now until the end is quiet, the end itself is not
            for (Instant t = now; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
                assertTrue(quiet.isQuiet(t.atZone(SHANGHAI).toLocalTime()), "quiet at " + t);
            }
            assertFalse(quiet.isQuiet(local.toLocalTime()));
        });
    }

    @Property(tries = 2000)
    void onlyAWantedKindToAWeChatUserWithACreditOutsideQuietHoursIsSent(@ForAll boolean template,
            @ForAll boolean wanted, @ForAll boolean openid, @ForAll boolean signsIn,
            @ForAll @IntRange(max = 3) int credits, @ForAll @IntRange(max = 1439) int from,
            @ForAll @IntRange(max = 1439) int until, @ForAll @IntRange(max = 1439) int minute) {
        QuietHours quiet = new QuietHours(LocalTime.of(from / 60, from % 60), LocalTime.of(until / 60, until % 60));
        Instant now = MONDAY.plus(Duration.ofMinutes(minute));
        DeliveryRules.Facts facts = new DeliveryRules.Facts("SWAP_ASKED",
                template ? Optional.of(new Template("tmpl-swap")) : Optional.empty(), wanted,
                openid ? "o-openid" : null, signsIn, quiet, credits);
        DeliveryRules.Decision decision = DeliveryRules.decide(facts, now, SHANGHAI);
        boolean quietNow = naiveQuiet(from, until, minute);
        boolean sends = template && wanted && openid && signsIn && !quietNow && credits > 0;
        assertEquals(sends, decision instanceof DeliveryRules.Send, decision.toString());
        if (!wanted && template) {
            assertEquals("NOT_WANTED", assertInstanceOf(DeliveryRules.Skip.class, decision).state());
        }
        if (template && wanted && openid && signsIn && quietNow) {
            assertInstanceOf(DeliveryRules.Wait.class, decision);
        }
        if (decision instanceof DeliveryRules.Send send) {
            assertEquals("tmpl-swap", send.templateId());
            assertEquals("o-openid", send.openid());
        }
    }

    /** Quiet by counting the window's minutes one by one from its start (none when its ends are equal). */
    private static boolean naiveQuiet(int from, int until, int minuteOfDay) {
        for (int m = from; m % 1440 != until; m++) {
            if (m % 1440 == minuteOfDay) {
                return true;
            }
        }
        return false;
    }

    private record Template(String id) implements NotifySettings.Template {

        @Override
        public Map<String, String> data() {
            return Map.of("thing1", "title");
        }

        @Override
        public Optional<String> page() {
            return Optional.empty();
        }
    }
}
