package cn.zhibu.stats;

import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.stats.StatsData.Attendance;
import cn.zhibu.stats.StatsData.Membership;
import cn.zhibu.stats.StatsData.Person;
import cn.zhibu.stats.StatsData.Session;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The figures of a set of branches computed the plain way from the test's rows, flattened as {@link #flatten} flattens
 * an answer: path to value (four decimals) or the suppression reason.
 */
final class StatsNaive {

    static final int MIN = 5;
    static final String SUPPRESSED = "FEWER_THAN_5";

    private final StatsData d;
    private final Set<String> branches;
    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate today;
    private final LocalDate asOf;
    final Map<String, String> expected = new TreeMap<>();

    StatsNaive(StatsData d, Collection<String> branches, LocalDate from, LocalDate to, LocalDate today) {
        this.d = d;
        this.branches = new HashSet<>(branches);
        this.from = from;
        this.to = to;
        this.today = today;
        this.asOf = to.isAfter(today) ? today : to;
    }

    private Person person(String id) {
        return d.people.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private List<Membership> inside() {
        return d.memberships.stream().filter(m -> branches.contains(m.branch())).toList();
    }

    private Set<String> peopleOn(LocalDate day) {
        return inside().stream().filter(m -> m.on(day)).map(Membership::person).collect(Collectors.toSet());
    }

    // ---- members

    Map<String, String> members() {
        Set<String> on = peopleOn(asOf);
        people("people", on.size());
        for (String s : List.of("FULL", "PROBATIONARY", "ACTIVIST", "NON_MEMBER")) {
            people("byPoliticalStatus." + s, on.stream().filter(p -> person(p).status().equals(s)).count());
        }
        for (String g : List.of("MALE", "FEMALE")) {
            people("byGender." + g, on.stream().filter(p -> person(p).gender().equals(g)).count());
        }
        Map<String, Long> bands = new LinkedHashMap<>();
        for (String b : List.of("UNDER_30", "AGE_30_39", "AGE_40_49", "AGE_50_59", "AGE_60_PLUS")) {
            bands.put(b, 0L);
        }
        for (String p : on) {
            int age = java.time.Period.between(person(p).birth(), asOf).getYears();
            bands.merge(age < 30 ? "UNDER_30" : age < 40 ? "AGE_30_39" : age < 50 ? "AGE_40_49" : age < 60
                    ? "AGE_50_59" : "AGE_60_PLUS", 1L, Long::sum);
        }
        bands.forEach((b, n) -> people("byAgeBand." + b, n));
        for (String month : months()) {
            YearMonth m = YearMonth.parse(month);
            people("joinsByMonth." + month, inside().stream().filter(x -> within(x.start(), m) && inRange(x.start())
                    && d.memberships.stream().noneMatch(o -> o != x && o.person().equals(x.person()) && o.end() != null
                            && !o.end().isBefore(x.start().minusDays(1)) && !o.end().isAfter(x.start())))
                    .map(Membership::person).distinct().count());
            people("transfersByMonth." + month, inside().stream().filter(x -> x.end() != null && within(x.end(), m)
                    && inRange(x.end()) && d.memberships.stream().anyMatch(o -> o != x && o.person().equals(x.person())
                            && !o.start().isBefore(x.end()) && !o.start().isAfter(x.end().plusDays(1))))
                    .map(Membership::person).distinct().count());
        }
        return expected;
    }

    // ---- organisational life

    private boolean held(Session s) {
        return !s.state().equals("CANCELLED") && (s.state().equals("HELD") || s.on().isBefore(today));
    }

    private List<Session> heldInside() {
        return d.sessions.stream().filter(s -> branches.contains(s.branch()) && inRange(s.on()) && held(s)).toList();
    }

    private long present(Session s) {
        return d.attendance.stream().filter(a -> a.session().equals(s.id()) && a.status().equals("PRESENT")).count();
    }

    private long expectedAt(Session s) {
        Set<String> who = new HashSet<>(d.membersOn(s.branch(), s.on()));
        d.attendance.stream().filter(a -> a.session().equals(s.id())).forEach(a -> who.add(a.person()));
        return who.size();
    }

    private void attendanceRate(String path, List<Session> sessions) {
        long present = sessions.stream().mapToLong(this::present).sum();
        long expectedSum = sessions.stream().mapToLong(this::expectedAt).sum();
        long largest = sessions.stream().mapToLong(this::expectedAt).max().orElse(0);
        put(path, largest < MIN || expectedSum == 0 ? null : share(present, expectedSum));
    }

    Map<String, String> orgLife(Function<String, cn.zhibu.lecture.compliance.Frequency> frequencies,
            Collection<String> activeBranches, BigDecimal requiredHours) {
        for (cn.zhibu.lecture.PartyDayKind kind : cn.zhibu.lecture.PartyDayKind.values()) {
            String k = kind.name();
            List<Session> ofKind = heldInside().stream().filter(s -> s.kind().equals(k)).toList();
            put("kinds." + k + ".held", BigDecimal.valueOf(ofKind.size()));
            int required = 0;
            int met = 0;
            for (String branch : activeBranches) {
                for (LocalDate[] p : OrgLife.whollyInside(frequencies.apply(k), from, to)) {
                    required++;
                    if (ofKind.stream().anyMatch(s -> s.branch().equals(branch) && !s.on().isBefore(p[0])
                            && !s.on().isAfter(p[1]))) {
                        met++;
                    }
                }
            }
            put("kinds." + k + ".required", BigDecimal.valueOf(required));
            put("kinds." + k + ".periodsMet", BigDecimal.valueOf(met));
            attendanceRate("kinds." + k + ".attendanceRate", ofKind);
        }
        for (String month : months()) {
            attendanceRate("attendanceByMonth." + month, heldInside().stream()
                    .filter(s -> YearMonth.from(s.on()).toString().equals(month)).toList());
        }
        Set<String> partyMembers = partyMembers(from, to);
        Set<String> heldIds = d.sessions.stream().filter(s -> branches.contains(s.branch()) && inRange(s.on())
                && !s.state().equals("CANCELLED") && s.on().isBefore(today)).map(Session::id).collect(Collectors.toSet());
        long covered = partyMembers.stream().filter(p -> d.attendance.stream().anyMatch(a -> a.person().equals(p)
                && a.status().equals("PRESENT") && heldIds.contains(a.session()))).count();
        put("coverage", partyMembers.size() < MIN ? null : share(covered, partyMembers.size()));
        int year = asOf.getYear();
        List<BigDecimal> hours = new ArrayList<>();
        for (String p : partyMembers(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            long sessions = d.attendance.stream().filter(a -> a.person().equals(p) && a.status().equals("PRESENT"))
                    .map(a -> d.sessions.stream().filter(s -> s.id().equals(a.session())).findFirst().orElseThrow())
                    .filter(s -> s.on().getYear() == year && held(s)).count();
            hours.add(BigDecimal.valueOf(2 * sessions));
        }
        distribution("studyHours", hours, requiredHours);
        return expected;
    }

    private Set<String> partyMembers(LocalDate start, LocalDate end) {
        return inside().stream().filter(m -> m.overlaps(start, end))
                .filter(m -> Set.of("FULL", "PROBATIONARY").contains(person(m.person()).status()))
                .map(Membership::person).collect(Collectors.toSet());
    }

    // ---- study

    Map<String, String> study() {
        List<StatsData.CheckIn> credited = d.checkIns.stream().filter(c -> c.credited() && branches.contains(c.branch())
                && inRange(c.day())).toList();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate on = day;
            series("checkInsByDay." + day, credited, c -> c.day().equals(on));
        }
        for (IsoWeek w = IsoWeek.of(from); !w.monday().isAfter(to); w = w.next()) {
            if (w.monday().isBefore(from) || (w.sunday().isAfter(to) && !to.equals(today))) {
                continue; // a week cut by the period is not shown
            }
            IsoWeek week = w;
            series("checkInsByWeek." + w, credited, c -> IsoWeek.of(c.day()).equals(week));
            LocalDate day = w.sunday().isAfter(asOf) ? asOf : w.sunday();
            long members = peopleOn(day).size();
            long participants = credited.stream().filter(c -> IsoWeek.of(c.day()).equals(week))
                    .map(StatsData.CheckIn::person).distinct().count();
            put("participationByWeek." + w, members < MIN ? null : share(participants, members));
        }
        List<StatsData.Attempt> attempts = d.attempts.stream().filter(a -> !a.practice() && inRange(a.day())
                && inside().stream().anyMatch(m -> m.person().equals(a.person()) && m.on(a.day()))).toList();
        long quizPeople = attempts.stream().map(StatsData.Attempt::person).distinct().count();
        put("quizAttempts", quizPeople < MIN ? null : BigDecimal.valueOf(attempts.size()));
        put("quizMeanScore", quizPeople < MIN ? null : BigDecimal.valueOf(attempts.stream()
                .mapToLong(a -> 10L * a.score()).sum()).divide(BigDecimal.valueOf(attempts.size()), MathContext.DECIMAL64));
        List<BigDecimal> points = new ArrayList<>();
        for (String p : peopleOn(asOf)) {
            points.add(BigDecimal.valueOf(d.entries.stream().filter(e -> e.person().equals(p) && inRange(e.day()))
                    .mapToLong(StatsData.Entry::points).sum()));
        }
        distribution("pointsPerMember", points, null);
        return expected;
    }

    private void series(String path, List<StatsData.CheckIn> rows, Predicate<StatsData.CheckIn> in) {
        List<StatsData.CheckIn> these = rows.stream().filter(in).toList();
        long people = these.stream().map(StatsData.CheckIn::person).distinct().count();
        put(path, people < MIN ? null : BigDecimal.valueOf(these.size()));
    }

    // ---- lectures

    Map<String, String> lectures(List<String> hostUnits) {
        for (String outcome : List.of("DELIVERED", "NOT_DELIVERED", "PENDING")) {
            List<StatsData.Lecture> these = d.lectures.stream().filter(l -> l.outcome().equals(outcome)).filter(l -> {
                Session s = d.sessions.stream().filter(x -> x.id().equals(l.session())).findFirst().orElseThrow();
                return branches.contains(s.branch()) && inRange(s.on()) && !s.state().equals("CANCELLED");
            }).toList();
            long speakers = these.stream().map(StatsData.Lecture::speaker).distinct().count();
            put(outcome.equals("DELIVERED") ? "delivered" : outcome.equals("PENDING") ? "planned" : "notDelivered",
                    speakers < MIN ? null : BigDecimal.valueOf(these.size()));
        }
        put("hostUnits", BigDecimal.valueOf(hostUnits.size()));
        put("hostUnitsHosted", BigDecimal.valueOf(hostUnits.stream().filter(u -> d.sessions.stream().anyMatch(s ->
                u.equals(s.host()) && held(s) && inRange(s.on()))).count()));
        put("hostUnitsNeverHosted", BigDecimal.valueOf(hostUnits.stream().filter(u -> d.sessions.stream().noneMatch(s ->
                u.equals(s.host()) && held(s))).count()));
        return expected;
    }

    // ---- helpers

    private void distribution(String path, List<BigDecimal> values, BigDecimal requirement) {
        List<String> fields = List.of("people", "q1", "median", "q3", "requirement", "shareMeeting");
        if (values.size() < MIN) {
            fields.forEach(f -> put(path + "." + f, null, "null"));
            expected.put(path + ".suppressed", SUPPRESSED);
            return;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        put(path + ".people", BigDecimal.valueOf(sorted.size()));
        put(path + ".q1", quantile(sorted, 0.25));
        put(path + ".median", quantile(sorted, 0.5));
        put(path + ".q3", quantile(sorted, 0.75));
        put(path + ".requirement", requirement, "null");
        put(path + ".shareMeeting", requirement == null ? null : share(sorted.stream()
                .filter(v -> v.compareTo(requirement) >= 0).count(), sorted.size()), "null");
        expected.put(path + ".suppressed", "null");
    }

    /** The quantile between the two nearest ranks, computed by hand. */
    private static BigDecimal quantile(List<BigDecimal> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int below = (int) rank;
        double fraction = rank - below;
        BigDecimal low = sorted.get(below);
        BigDecimal high = sorted.get(Math.min(below + 1, sorted.size() - 1));
        return low.add(high.subtract(low).multiply(BigDecimal.valueOf(fraction)));
    }

    private void people(String path, long count) {
        put(path, count < MIN ? null : BigDecimal.valueOf(count));
    }

    private void put(String path, BigDecimal value) {
        put(path, value, SUPPRESSED);
    }

    private void put(String path, BigDecimal value, String whenNull) {
        expected.put(path, value == null ? whenNull : value.setScale(4, RoundingMode.HALF_UP).toPlainString());
    }

    /** A share, or null when those counted or those not counted are 1 to 4 people. */
    static BigDecimal share(long numerator, long denominator) {
        boolean small = numerator > 0 && numerator < MIN || denominator - numerator > 0 && denominator - numerator < MIN;
        return small ? null : rate(numerator, denominator);
    }

    static BigDecimal rate(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    private boolean inRange(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static boolean within(LocalDate day, YearMonth month) {
        return YearMonth.from(day).equals(month);
    }

    private List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /** An answer's figures as path to value (four decimals), suppression reason, or "null" for an absent number. */
    @SuppressWarnings("unchecked")
    static Map<String, String> flatten(Object node, String path, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("value") && map.containsKey("suppressed")) {
                Object value = map.get("value");
                into.put(path, value == null ? String.valueOf(map.get("suppressed"))
                        : new BigDecimal(value.toString()).setScale(4, RoundingMode.HALF_UP).toPlainString());
                return into;
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (!e.getKey().equals("label") && !e.getKey().equals("kind")) {
                    flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), into);
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> m = (Map<String, Object>) item;
                Object id = m.containsKey("key") ? m.get("key") : m.containsKey("period") ? m.get("period")
                        : m.get("kind");
                if (m.containsKey("kind") && !m.containsKey("value")) {
                    Map<String, Object> rest = new LinkedHashMap<>(m);
                    rest.remove("kind");
                    flatten(rest, path + "." + id, into);
                } else {
                    flatten(m, path + "." + id, into);
                }
            }
        } else if (node == null) {
            into.put(path, path.endsWith("suppressed") ? "null" : "null");
        } else if (node instanceof String text) {
            into.put(path, text);
        } else {
            into.put(path, new BigDecimal(node.toString()).setScale(4, RoundingMode.HALF_UP).toPlainString());
        }
        return into;
    }
}
