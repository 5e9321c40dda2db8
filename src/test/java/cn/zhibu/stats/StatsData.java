package cn.zhibu.stats;

import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.testing.Sql;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * The raw rows of a statistics test, made in Java (seeded, varied) and written straight to the database in batches
 * as the capabilities keep them: people and branch memberships (arrivals, transfers, a leaver), sessions and their
 * attendance, hosts and micro lectures, credited and flagged check-ins with their ledger entries, other ledger
 * entries, a quiz and its attempts. {@link StatsNaive} computes the figures from these lists.
 */
final class StatsData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] STATUSES = {"FULL", "FULL", "FULL", "PROBATIONARY", "ACTIVIST", "NON_MEMBER"};

    record Person(String id, String name, String gender, LocalDate birth, String status) {
    }

    record Membership(String id, String person, String branch, LocalDate start, LocalDate end) {
        boolean on(LocalDate day) {
            return !start.isAfter(day) && (end == null || !end.isBefore(day));
        }

        boolean overlaps(LocalDate from, LocalDate to) {
            return !start.isAfter(to) && (end == null || !end.isBefore(from));
        }
    }

    record Session(String id, String branch, String kind, LocalDate on, String state, String host) {
    }

    record Attendance(String session, String person, String status) {
    }

    record CheckIn(String person, String branch, LocalDate day, boolean credited) {
    }

    record Entry(String person, int points, LocalDate day) {
    }

    record Attempt(String person, LocalDate day, int score, boolean practice) {
    }

    record Lecture(String session, String speaker, String outcome) {
    }

    final Random random = new Random(20311);
    final List<Person> people = new ArrayList<>();
    final List<Membership> memberships = new ArrayList<>();
    final List<Session> sessions = new ArrayList<>();
    final List<Attendance> attendance = new ArrayList<>();
    final List<CheckIn> checkIns = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    final List<Attempt> attempts = new ArrayList<>();
    final List<Lecture> lectures = new ArrayList<>();

    Person person() {
        Person p = new Person(UUID.randomUUID().toString(), "统" + UUID.randomUUID().toString().substring(0, 7),
                random.nextBoolean() ? "MALE" : "FEMALE", LocalDate.of(1958 + random.nextInt(45), 1 + random.nextInt(12),
                        1 + random.nextInt(28)), STATUSES[random.nextInt(STATUSES.length)]);
        people.add(p);
        return p;
    }

    Membership member(Person p, String branch, LocalDate start, LocalDate end) {
        Membership m = new Membership(UUID.randomUUID().toString(), p.id(), branch, start, end);
        memberships.add(m);
        return m;
    }

    /** The people with a membership of the branch on the day. */
    List<String> membersOn(String branch, LocalDate day) {
        return memberships.stream().filter(m -> m.branch().equals(branch) && m.on(day)).map(Membership::person)
                .distinct().toList();
    }

    Session session(String branch, String kind, LocalDate on, String state, String host) {
        Session s = new Session(UUID.randomUUID().toString(), branch, kind, on, state, host);
        sessions.add(s);
        return s;
    }

    /** Every fourth person met never attends, so that coverage has people on both sides of the threshold. */
    private final Map<String, Boolean> neverAttends = new HashMap<>();

    /** Random attendance of the branch's members on the session's day: present, leave, absent or no record. */
    void attend(Session s) {
        for (String person : membersOn(s.branch(), s.on())) {
            if (neverAttends.computeIfAbsent(person, p -> neverAttends.size() % 4 == 3)) {
                attendance.add(new Attendance(s.id(), person, "ABSENT"));
                continue;
            }
            int r = random.nextInt(10);
            if (r < 7) {
                attendance.add(new Attendance(s.id(), person, "PRESENT"));
            } else if (r == 7) {
                attendance.add(new Attendance(s.id(), person, "LEAVE"));
            } else if (r == 8) {
                attendance.add(new Attendance(s.id(), person, "ABSENT"));
            }
        }
    }

    /** Check-ins of every member on each day of the range, with this chance; one in ten flagged. */
    void checkIns(LocalDate from, LocalDate to, double chance) {
        for (Membership m : memberships) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (m.on(d) && random.nextDouble() < chance) {
                    boolean credited = random.nextInt(10) > 0;
                    checkIns.add(new CheckIn(m.person(), m.branch(), d, credited));
                    if (credited) {
                        entries.add(new Entry(m.person(), 1, d));
                    }
                }
            }
        }
    }

    void write() {
        batch(people, p -> "('" + p.id() + "', '" + p.name() + "', '" + p.gender() + "', date '" + p.birth() + "', '"
                + p.status() + "', false, true, 0, now(), now())", "insert into person (id, name, gender, birth_date, "
                + "political_status, leading_cadre, active, version, created_at, updated_at) values ");
        batch(memberships, m -> "('" + m.id() + "', '" + m.person() + "', '" + m.branch() + "', true, date '"
                + m.start() + "', " + (m.end() == null ? "null" : "date '" + m.end() + "'") + ", now())",
                "insert into membership (id, person_id, org_unit_id, is_branch, start_date, end_date, created_at) values ");
        batch(sessions, s -> {
            ZonedDateTime starts = s.on().atTime(LocalTime.of(14, 30)).atZone(ZONE);
            return "('" + s.id() + "', '" + s.branch() + "', '" + s.kind() + "', '" + starts.toOffsetDateTime() + "', '"
                    + starts.plusHours(2).toOffsetDateTime() + "', date '" + s.on() + "', '主题学习', "
                    + (s.host() == null ? "null" : "'" + s.host() + "'") + ", 2, '" + s.state() + "', 0, now(), now(), 2.0)";
        }, "insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, host_unit_id, lecture_slots, "
                + "state, version, created_at, updated_at, study_hours) values ");
        batch(attendance, a -> "('" + a.session() + "', '" + a.person() + "', '" + a.status() + "', 'RECORDED', now(), "
                + "'test')", "insert into attendance (party_day_id, person_id, status, method, recorded_at, recorded_by) "
                + "values ");
        List<String[]> credited = new ArrayList<>();
        for (CheckIn c : checkIns) {
            credited.add(new String[] {UUID.randomUUID().toString(), c.credited() ? UUID.randomUUID().toString() : null});
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < checkIns.size(); i++) {
            indexes.add(i);
        }
        batch(indexes.stream().filter(i -> checkIns.get(i).credited()).toList(), i -> entry(credited.get(i)[1],
                checkIns.get(i).person(), "CHECK_IN", 1, checkIns.get(i).day()), LEDGER);
        batch(indexes, i -> {
            CheckIn c = checkIns.get(i);
            return "('" + credited.get(i)[0] + "', '" + c.person() + "', '" + c.branch() + "', date '" + c.day() + "', '"
                    + (c.credited() ? "CREDITED', null, '" + credited.get(i)[1] + "'" : "FLAGGED', 'BURST', null")
                    + ", 'test', now())";
        }, "insert into check_in (id, person_id, branch_id, business_date, status, flag_reason, ledger_entry_id, "
                + "created_by, created_at) values ");
    }

    /** Ledger entries other than the check-ins' (added to {@link #entries} by the caller too). */
    void writeEntries(List<Entry> others) {
        batch(others, e -> entry(UUID.randomUUID().toString(), e.person(), "MANUAL_AWARD", e.points(), e.day()), LEDGER);
    }

    void writeQuiz(String unit) {
        String quiz = UUID.randomUUID().toString();
        Sql.execute("insert into quiz (id, org_unit_id, title, question_ids, time_limit_seconds, publish_from, "
                + "created_by, version, created_at, updated_at) values ('" + quiz + "', '" + unit + "', '一学一测', "
                + "array[cast('" + UUID.randomUUID() + "' as uuid)], 600, now(), 'test', 0, now(), now())");
        batch(attempts, a -> {
            String at = a.day().atTime(LocalTime.of(10, 0)).atZone(ZONE).toOffsetDateTime().toString();
            return "('" + UUID.randomUUID() + "', '" + quiz + "', '" + a.person() + "', '" + at + "', cast('" + at
                    + "' as timestamptz) + interval '10 minutes', 10, 6, '" + at + "', date '" + a.day() + "', " + a.score()
                    + ", false, " + a.practice() + ", 'test', 0, now(), now())";
        }, "insert into quiz_attempt (id, quiz_id, person_id, started_at, deadline, question_count, pass_score, "
                + "submitted_at, business_date, score, late, practice, created_by, version, created_at, updated_at) "
                + "values ");
    }

    void writeLectures() {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < lectures.size(); i++) {
            slots.add(i);
        }
        batch(slots, i -> {
            Lecture l = lectures.get(i);
            return "('" + UUID.randomUUID() + "', '" + l.session() + "', " + (1 + lectures.subList(0, i).stream()
                    .filter(o -> o.session().equals(l.session())).count()) + ", '" + l.speaker() + "', false, '"
                    + l.outcome() + "', 0, now(), now())";
        }, "insert into micro_lecture (id, party_day_id, slot, speaker_id, pinned, outcome, version, created_at, "
                + "updated_at) values ");
    }

    private static final String LEDGER = "insert into ledger_entry (id, person_id, activity_type, points, source_type, "
            + "source_id, business_date, iso_week, created_by, created_at) values ";

    private static String entry(String id, String person, String activity, int points, LocalDate day) {
        return "('" + id + "', '" + person + "', '" + activity + "', " + points + ", 'TEST', '" + id + "', date '" + day
                + "', '" + IsoWeek.of(day) + "', 'test', now())";
    }

    private static <T> void batch(List<T> rows, Function<T, String> values, String insert) {
        for (int i = 0; i < rows.size(); i += 500) {
            List<String> chunk = rows.subList(i, Math.min(rows.size(), i + 500)).stream().map(values).toList();
            Sql.execute(insert + String.join(", ", chunk));
        }
    }
}
