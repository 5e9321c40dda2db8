package cn.zhibu.exports;

import cn.zhibu.testing.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

/** A branch's year in SQL for the export tests: sessions, minutes, attendance, an attachment, a lecture, and more. */
final class ExportFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A small PNG's bytes as stored (the table checks only their size and hash). */
    static final byte[] PHOTO = "\u0089PNG photo of the session".getBytes(StandardCharsets.ISO_8859_1);

    private ExportFixtures() {
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    /** A session of the branch held on the day; its id. */
    static String session(String branch, LocalDate day, String kind, int slots) {
        String id = UUID.randomUUID().toString();
        Sql.execute("insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, place, lecture_slots,"
                + " state, version, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, '学习贯彻党的创新理论', "
                + "'三楼会议室', ?7, 'HELD', 0, ?4, ?4)", id, branch, kind, at(day, 14), at(day, 16), day, slots);
        return id;
    }

    static void minutes(String session, String host, String recorder, Instant at) {
        Sql.execute("insert into minutes (party_day_id, host_id, recorder_id, topics, resolutions, version, written_by, "
                + "written_at) values (?1, ?2, ?3, cast('[\"传达学习上级精神\", \"讨论年度计划\"]' as jsonb), "
                + "cast('[{\"text\": \"按期完成\"}]' as jsonb), 1, 'test', ?4)", session, host, recorder, at);
    }

    static void attendance(String session, String person, String status, Instant at) {
        Sql.execute("insert into attendance (party_day_id, person_id, status, method, recorded_at, recorded_by) values "
                + "(?1, ?2, ?3, 'RECORDED', ?4, 'test')", session, person, status, at);
    }

    /** An attachment of the session; its SHA-256. */
    static String attachment(String session, Instant at) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PHOTO));
        Sql.execute("insert into minutes_attachment (party_day_id, id, position, purpose, file_name, content_type, size, "
                + "sha256, content, uploaded_by, uploaded_at) values (?1, ?2, 1, 'PHOTO', '会场照片.png', 'image/png', "
                + "?3, ?4, ?5, 'test', ?6)", session, UUID.randomUUID(), PHOTO.length, sha, PHOTO, at);
        return sha;
    }

    static void lecture(String session, String speaker, Instant at) {
        Sql.execute("insert into micro_lecture (id, party_day_id, slot, speaker_id, reason, pinned, outcome, topic, "
                + "recorded_at, recorded_by, version, created_at, updated_at) values (?1, ?2, 1, ?3, 'NEVER_LECTURED', "
                + "false, 'DELIVERED', '新时代的担当', ?4, 'test', 0, ?4, ?4)", UUID.randomUUID(), session, speaker, at);
    }

    /** A ledger entry of the person on the day; its id. */
    static String entry(String person, LocalDate day, String activity, int points) {
        String id = UUID.randomUUID().toString();
        Sql.execute("insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, "
                + "business_date, iso_week, created_by, created_at) values (?1, ?2, ?3, ?4, 'TEST', ?1, ?5, ?6, "
                + "'test', ?7)", id, person, activity, points, day, cn.zhibu.platform.time.IsoWeek.of(day).toString(),
                at(day, 9));
        return id;
    }

    /** A general check-in of the person on the day, credited (with its ledger entry) or flagged. */
    static void checkIn(String person, String branch, LocalDate day, boolean credited) {
        if (credited) {
            String entry = entry(person, day, "CHECK_IN", 1);
            Sql.execute("insert into check_in (id, person_id, branch_id, business_date, note, status, ledger_entry_id, "
                    + "created_by, created_at) values (?1, ?2, ?3, ?4, '学习党章', 'CREDITED', ?5, 'test', ?6)",
                    UUID.randomUUID(), person, branch, day, entry, at(day, 8));
        } else {
            Sql.execute("insert into check_in (id, person_id, branch_id, business_date, note, status, flag_reason, "
                    + "created_by, created_at) values (?1, ?2, ?3, ?4, '学习党章', 'FLAGGED', 'NOT_OPENED', 'test', ?5)",
                    UUID.randomUUID(), person, branch, day, at(day, 8));
        }
    }

    /** A quiz of the branch and one submitted attempt of the person on the day. */
    static void quizAttempt(String branch, String person, LocalDate day) {
        String quiz = UUID.randomUUID().toString();
        Instant from = at(day.minusDays(10), 8);
        Sql.execute("insert into quiz (id, org_unit_id, title, question_ids, time_limit_seconds, pass_score, "
                + "publish_from, created_by, version, created_at, updated_at) values (?1, ?2, '党章知识测验', "
                + "array[cast(?3 as uuid), cast(?4 as uuid), cast(?5 as uuid)], 600, 2, ?6, 'test', 0, ?6, ?6)", quiz,
                branch, UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), from);
        Instant started = at(day, 10);
        Sql.execute("insert into quiz_attempt (id, quiz_id, person_id, started_at, deadline, question_count, pass_score,"
                + " submitted_at, business_date, score, late, practice, created_by, version, created_at, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, 3, 2, ?4, ?6, 3, false, false, 'test', 0, ?4, ?4)", UUID.randomUUID(),
                quiz, person, started, started.plusSeconds(600), day);
    }

    static void honour(String person, int year) {
        Sql.execute("insert into honour (id, person_id, title, level, year, awarded_by, version, created_by, created_at,"
                + " updated_at) values (?1, ?2, '优秀共产党员', 'BRANCH', ?3, '机关党委', 0, 'test', ?4, ?4)",
                UUID.randomUUID(), person, year, cn.zhibu.testing.TestTime.now());
    }
}
