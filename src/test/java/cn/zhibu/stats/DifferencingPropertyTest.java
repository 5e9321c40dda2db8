package cn.zhibu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Whatever the counts, no shown total less its shown parts leaves 1 to min − 1 people over, nor one unshown part alone
 * to be had exactly, and no hidden total is the sum of shown parts: neither within a unit (people and their categories,
 * a week and its days) nor between a unit and its children.
 */
class DifferencingPropertyTest {

    static final int MIN = 5;

    @Property(tries = 1000)
    void disjointPartsNeverLeaveAFewPeopleOver(@ForAll @Size(max = 12) List<@IntRange(max = 30) Integer> parts,
            @ForAll @IntRange(max = 7) int outside) {
        long[] people = parts.stream().mapToLong(Integer::longValue).toArray();
        long total = outside + parts.stream().mapToLong(Integer::longValue).sum();
        boolean[] shown = new boolean[people.length];
        for (int i = 0; i < people.length; i++) {
            shown[i] = people[i] >= MIN;
        }
        List<Integer> hide = Differencing.toHide(total, true, people, shown, MIN, true);
        long left = total;
        int unshown = 0;
        boolean anyShown = false;
        for (int i = 0; i < people.length; i++) {
            if (hide.contains(i)) {
                assertTrue(shown[i], "only shown parts are hidden");
            }
            if (shown[i] && !hide.contains(i)) {
                left -= people[i];
                anyShown = true;
            } else if (people[i] > 0) {
                unshown++;
            }
        }
        assertTrue(left == 0 || (left >= MIN && unshown != 1) || !anyShown, "left over: " + left + " in " + unshown);
        long initiallyLeft = total;
        int initiallyUnshown = 0;
        for (int i = 0; i < people.length; i++) {
            initiallyLeft -= shown[i] ? people[i] : 0;
            initiallyUnshown += !shown[i] && people[i] > 0 ? 1 : 0;
        }
        if (initiallyLeft == 0 || (initiallyLeft >= MIN && initiallyUnshown != 1)) {
            assertEquals(List.of(), hide, "nothing hidden when nothing is given away");
        }
    }

    @Property(tries = 500)
    void aHiddenTotalKeepsAPartHidden(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 5, max = 30) Integer> parts) {
        long[] people = parts.stream().mapToLong(Integer::longValue).toArray();
        boolean[] shown = new boolean[people.length];
        java.util.Arrays.fill(shown, true);
        long total = parts.stream().mapToLong(Integer::longValue).sum();
        List<Integer> hide = Differencing.toHide(total, false, people, shown, MIN, true);
        assertEquals(1, hide.size(), "one part hidden, the smallest");
        assertEquals(parts.stream().mapToInt(Integer::intValue).min().orElseThrow(), parts.get(hide.get(0)));
    }

    @Property(tries = 500)
    void aWeekNeverGivesAwayItsFewDays(@ForAll @Size(min = 1, max = 7) List<@IntRange(max = 12) Integer> days) {
        long[] people = days.stream().mapToLong(Integer::longValue).toArray();
        boolean[] shown = new boolean[people.length];
        for (int i = 0; i < people.length; i++) {
            shown[i] = people[i] >= MIN;
        }
        List<Integer> hide = Differencing.toHide(100, true, people, shown, MIN, false);
        long most = 0;
        int unshown = 0;
        for (int i = 0; i < people.length; i++) {
            if ((!shown[i] || hide.contains(i)) && people[i] > 0) {
                most = Math.max(most, people[i]);
                unshown++;
            }
        }
        assertTrue(most == 0 || (most >= MIN && unshown != 1) || hide.size() == count(shown));
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /** A unit's people by gender: {male, female, not recorded}. */
    @Provide
    Arbitrary<List<List<Integer>>> families() {
        Arbitrary<List<Integer>> unit = Arbitraries.integers().between(0, 25).list().ofSize(3);
        return unit.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 500)
    void aUnitsChildrenNeverGiveAwayWhatTheyHide(@ForAll("families") List<List<Integer>> children,
            @ForAll("families") List<List<Integer>> others) {
        Cells cells = new Cells(MIN);
        List<Integer> parentCounts = new ArrayList<>(List.of(0, 0, 0));
        List<StatsViews.MemberFigures> raw = new ArrayList<>();
        for (List<Integer> child : children) {
            raw.add(members(cells, child));
            for (int i = 0; i < 3; i++) {
                parentCounts.set(i, parentCounts.get(i) + child.get(i));
            }
        }
        // people of the parent outside every child (an earlier branch, one not listed)
        parentCounts.set(0, parentCounts.get(0) + others.get(0).get(0) % 4);
        StatsViews.MemberFigures parent = members(cells, parentCounts);
        StatsViews.MemberFigures parentShown = Differencing.alone(parent, cells);
        List<StatsViews.MemberFigures> shown = Differencing.family(parent, parentShown, raw, cells);
        Map<String, Long> parentRaw = flat(parentCounts);
        for (String path : parentRaw.keySet()) {
            long left = parentRaw.get(path);
            boolean anyShown = false;
            for (StatsViews.MemberFigures child : shown) {
                BigDecimal value = valueAt(child, path);
                if (value != null) {
                    left -= value.longValueExact();
                    anyShown = true;
                }
            }
            int unshown = 0;
            for (int c = 0; c < shown.size(); c++) {
                unshown += valueAt(shown.get(c), path) == null && flat(children.get(c)).get(path) > 0 ? 1 : 0;
            }
            if (valueAt(parentShown, path) != null) {
                assertTrue(left == 0 || (left >= MIN && unshown != 1) || !anyShown, path + ": " + left + " left over");
            } else {
                assertTrue(parentRaw.get(path) == 0 || unshown > 0 || !anyShown, path + ": a hidden parent, the sum of its children");
            }
        }
        for (int c = 0; c < shown.size(); c++) {
            StatsViews.MemberFigures child = shown.get(c);
            Map<String, Long> childRaw = flat(children.get(c));
            if (child.people().value() != null) {
                assertEquals(childRaw.get("people"), child.people().value().longValueExact());
                long left = childRaw.get("people");
                for (StatsViews.Category g : child.byGender()) {
                    if (g.value() != null) {
                        assertEquals(childRaw.get(g.key()), g.value().longValueExact(), "a shown value is true");
                        left -= g.value().longValueExact();
                    }
                }
                long unshown = child.byGender().stream().filter(g -> g.value() == null && childRaw.get(g.key()) > 0)
                        .count(); // those of no gender are no cell: had exactly, they single nobody out
                assertTrue(left == 0 || (left >= MIN && unshown != 1)
                        || child.byGender().stream().allMatch(g -> g.value() == null), "a child's genders leave " + left);
            }
        }
    }

    @Test
    void theSmallestShownPartGoesWithASuppressedOne() {
        Cells cells = new Cells(MIN);
        StatsViews.MemberFigures alone = Differencing.alone(members(cells, List.of(30, 3, 0)), cells);
        assertEquals(new BigDecimal(33), alone.people().value());
        assertNull(alone.byGender().get(0).value(), "men hidden, or women would be 33 − 30");
        assertEquals("FEWER_THAN_5", alone.byGender().get(0).suppressed());
        StatsViews.MemberFigures whole = Differencing.alone(members(cells, List.of(30, 0, 0)), cells);
        assertEquals(new BigDecimal(30), whole.byGender().get(0).value(), "no one left over: nothing to hide");
        StatsViews.MemberFigures forty = members(cells, List.of(40, 0, 0));
        List<StatsViews.MemberFigures> kids = Differencing.family(forty, forty, List.of(members(cells, List.of(20, 0,
                0)), members(cells, List.of(17, 0, 0)), members(cells, List.of(3, 0, 0))), cells);
        assertEquals(new BigDecimal(20), kids.get(0).people().value());
        assertNull(kids.get(1).people().value(), "the smallest shown sibling goes with the small one");
        assertNull(kids.get(2).people().value());
    }

    private static Map<String, Long> flat(List<Integer> counts) {
        Map<String, Long> flat = new HashMap<>();
        flat.put("people", (long) counts.get(0) + counts.get(1) + counts.get(2));
        flat.put("MALE", (long) counts.get(0));
        flat.put("FEMALE", (long) counts.get(1));
        return flat;
    }

    private static BigDecimal valueAt(StatsViews.MemberFigures f, String path) {
        return path.equals("people") ? f.people().value()
                : f.byGender().stream().filter(g -> g.key().equals(path)).findFirst().orElseThrow().value();
    }

    private static StatsViews.MemberFigures members(Cells cells, List<Integer> counts) {
        Map<String, Long> flat = flat(counts);
        List<StatsViews.Category> genders = new ArrayList<>();
        Members.GENDERS.forEach((key, label) -> genders.add(cells.category(key, label, flat.get(key))));
        return new StatsViews.MemberFigures(cells.people(flat.get("people")), List.of(), genders, List.of(), List.of(),
                List.of());
    }
}
