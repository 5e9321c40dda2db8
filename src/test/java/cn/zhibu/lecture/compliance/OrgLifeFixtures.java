package cn.zhibu.lecture.compliance;

import cn.zhibu.testing.Sql;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Sessions of a branch and their attendance, written straight to the database as the session capability keeps them. */
final class OrgLifeFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private OrgLifeFixtures() {
    }

    /** A two-hour session (14:30 to 16:30, Asia/Shanghai) of a kind in a state, with its own study hours or none. */
    static String session(String branch, String kind, LocalDate on, String state, String group, String studyHours) {
        return session(branch, kind, on, 120, state, group, studyHours);
    }

    static String session(String branch, String kind, LocalDate on, int minutes, String state, String group,
            String studyHours) {
        UUID id = UUID.randomUUID();
        ZonedDateTime starts = on.atTime(LocalTime.of(14, 30)).atZone(ZONE);
        Sql.execute("insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, lecture_slots, "
                + "state, version, created_at, updated_at, party_group_id, study_hours) values (?1, ?2, ?3, ?4, ?5, ?6, "
                + "'学习贯彻党的二十届三中全会精神', 0, ?7, 0, now(), now(), " + (group == null ? "null" : "'" + group + "'")
                + ", " + (studyHours == null ? "null" : studyHours) + ")", id.toString(), branch, kind,
                starts.toOffsetDateTime(), starts.plusMinutes(minutes).toOffsetDateTime(), on, state);
        return id.toString();
    }

    /** A member's attendance of a session: PRESENT, LEAVE or ABSENT. */
    static void attendance(String session, String person, String status) {
        Sql.execute("insert into attendance (party_day_id, person_id, status, method, reason, recorded_at, recorded_by) "
                + "values (?1, ?2, ?3, 'RECORDED', " + (status.equals("LEAVE") ? "'因公出差'" : "null")
                + ", now(), 'test')", session, person, status);
    }
}
