package cn.zhibu.privacy.mydata;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows about a person in every table that holds any, written straight to the database (as the capabilities would
 * have), each free text carrying the person's marker so that a test can tell whose text it reads. Where a row of the
 * person names another (a swap, minutes, a ballot, an objection), {@code other} is that other person.
 */
final class MyDataFixtures {

    private static final AtomicInteger WEEKS = 
            new AtomicInteger(1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(500));

    private MyDataFixtures() {
    }

    static void seed(StudyFixtures.Member member, StudyFixtures.Member otherMember, String branchId, String materialId,
            String marker) {
        UUID me = UUID.fromString(member.personId());
        UUID other = UUID.fromString(otherMember.personId());
        UUID branch = UUID.fromString(branchId);
        UUID material = UUID.fromString(materialId);
        Instant now = TestTime.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = TestTime.today();
        String week = String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        // a week of its own for each seeding, long ago, so that publications of the same branch never meet
        int seeding = WEEKS.incrementAndGet();
        String publishedWeek = String.format("%04d-W01", seeding);
        // and a year of its own for the branch's pledge
        int year = 2000 + seeding % 100;
        QuarkusTransaction.requiringNew().run(() -> {
            // identity
            sql("insert into wechat_invitation (code_hash, person_id, issued_by, issued_at, expires_at) values "
                    + "(?1, ?2, 'test', ?3, ?4)", UUID.randomUUID().toString().getBytes(), me, now,
                    now.plus(Duration.ofDays(1)));
            // study and points
            sql("insert into material_opening (person_id, material_id, business_date, opened_at) values (?1, ?2, ?3, ?4)",
                    me, material, today, now);
            UUID entry = ledger(me, "CHECK_IN", "CHECK_IN", today, week, now);
            sql("insert into check_in (id, person_id, branch_id, material_id, business_date, note, status, "
                    + "ledger_entry_id, created_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'CREDITED', ?7, "
                    + "'test', ?8)", UUID.randomUUID(), me, branch, material, today, "心得" + marker, entry, now);
            sql("insert into make_up (id, person_id, branch_id, business_date, reason, status, created_by, created_at) "
                    + "values (?1, ?2, ?3, ?4, ?5, 'PENDING', 'test', ?6)", UUID.randomUUID(), me, branch,
                    today.minusDays(3), "出差" + marker, now);
            UUID imported = ledger(me, "EXTERNAL_IMPORT", "EXTERNAL_IMPORT", today, week, now);
            sql("insert into points_import_record (external_id, person_id, points, credited, business_date, entry_id, "
                    + "imported_by, imported_at) values (?1, ?2, 5, 5, ?3, ?4, 'test', ?5)",
                    "x-" + UUID.randomUUID(), me, today, imported, now);
            UUID question = UUID.randomUUID();
            sql("insert into quiz_question (id, org_unit_id, kind, text, options, correct_keys, explanation, "
                    + "created_by, version, created_at, updated_at) values (?1, ?2, 'SINGLE_CHOICE', ?3, "
                    + "array['甲', '乙'], 'A', '解析', 'test', 0, ?4, ?4)", question, branch, "题目" + marker, now);
            UUID quiz = UUID.randomUUID();
            sql("insert into quiz (id, org_unit_id, title, question_ids, time_limit_seconds, publish_from, created_by, "
                    + "version, created_at, updated_at) values (?1, ?2, ?3, array[cast(?4 as uuid)], 600, ?5, 'test', "
                    + "0, ?5, ?5)", quiz, branch, "测验" + marker, question, now.minus(Duration.ofHours(1)));
            UUID attempt = UUID.randomUUID();
            sql("insert into quiz_attempt (id, quiz_id, person_id, started_at, deadline, question_count, pass_score, "
                    + "created_by, version, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, 1, 1, 'test', 0, ?4, "
                    + "?4)", attempt, quiz, me, now, now.plus(Duration.ofMinutes(10)));
            sql("insert into quiz_attempt_question (id, attempt_id, position, question_id, kind, text, options, "
                    + "correct_keys, explanation) values (?1, ?2, 1, ?3, 'SINGLE_CHOICE', ?4, array['甲', '乙'], 'A', "
                    + "'解析')", UUID.randomUUID(), attempt, question, "题目" + marker);
            // boards
            UUID published = UUID.randomUUID();
            sql("insert into published_week (id, unit_id, iso_week, published_at, published_by, participants, metric, "
                    + "minimum_size) values (?1, ?2, ?3, ?4, 'test', 2, 'POINTS_PER_MEMBER', 0)", published,
                    branch, publishedWeek, now);
            sql("insert into published_person (published_week_id, position, rank, person_id, name, points) values "
                    + "(?1, 1, 1, ?2, ?3, 5)", published, me, "名" + marker);
            sql("insert into published_standing (published_week_id, person_id, points, entries) values (?1, ?2, 5, 1)",
                    published, me);
            sql("insert into study_leader (id, published_week_id, scope_unit_id, iso_week, from_unit_id, person_id, "
                    + "points, state, proposed, created_at) values (?1, ?2, ?3, ?6, ?3, ?4, 5, 'PROPOSED', "
                    + "true, ?5)", UUID.randomUUID(), published, branch, me, now, publishedWeek);
            sql("insert into leaderboard_preference (person_id, anonymous, updated_at) values (?1, true, ?2)", me, now);
            // notices: one in the inbox with its WeChat delivery, a choice, a template's credits
            UUID notice = UUID.randomUUID();
            sql("insert into notification (id, person_id, kind, subject, fields, due_at, raised_at) values (?1, ?2, "
                    + "'SWAP_ASKED', ?3, '{\"title\": \"调换\"}'::jsonb, ?4, ?4)", notice, me, "swap:" + marker, now);
            sql("insert into notification_delivery (notification_id, person_id, kind, due_at, state, "
                    + "next_attempt_at, updated_at) values (?1, ?2, 'SWAP_ASKED', ?3, 'NO_CREDIT', ?3, ?3)", notice,
                    me, now);
            sql("insert into notification_preference (person_id, kind, wechat, updated_at) values (?1, "
                    + "'SESSION_COMING', false, ?2)", me, now);
            sql("insert into wechat_subscription (person_id, template_id, credits, accepted, updated_at) values (?1, "
                    + "'tmpl-swap', 1, 1, ?2)", me, now);
            // sessions and lectures
            UUID day = UUID.randomUUID();
            sql("insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, lecture_slots, state, "
                    + "version, created_at, updated_at) values (?1, ?2, 'STUDY_SESSION', ?3, ?4, ?5, ?6, 2, 'HELD', 0, "
                    + "?3, ?3)", day, branch, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), today,
                    "学习会" + marker);
            UUID mine = UUID.randomUUID();
            UUID theirs = UUID.randomUUID();
            sql("insert into micro_lecture (id, party_day_id, slot, speaker_id, pinned, outcome, topic, version, "
                    + "created_at, updated_at) values (?1, ?2, 1, ?3, false, 'PENDING', ?4, 0, ?5, ?5)", mine, day, me,
                    "题目" + marker, now);
            sql("insert into micro_lecture (id, party_day_id, slot, speaker_id, pinned, outcome, version, created_at, "
                    + "updated_at) values (?1, ?2, 2, ?3, false, 'DELIVERED', 0, ?4, ?4)", theirs, day, other, now);
            sql("insert into lecture_swap (id, lecture_id, requested_by, colleague_id, message, state, created_at) "
                    + "values (?1, ?2, ?3, ?4, ?5, 'DECLINED', ?6)", UUID.randomUUID(), mine, me, other,
                    "请代讲" + marker, now);
            sql("insert into lecture_swap (id, lecture_id, requested_by, colleague_id, message, state, created_at) "
                    + "values (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6)", UUID.randomUUID(), theirs, other, me,
                    "他人的请求" + marker + "-asked", now);
            sql("insert into lecture_rating (lecture_id, person_id, score, created_at) values (?1, ?2, 4, ?3)", theirs,
                    me, now);
            sql("insert into speaker_absence (id, branch_id, person_id, kind, from_date, to_date, reason, created_by, "
                    + "created_at) values (?1, ?2, ?3, 'LEAVE', ?4, ?4, ?5, 'test', ?6)", UUID.randomUUID(), branch,
                    me, today, "休假" + marker, now);
            sql("insert into attendance (party_day_id, person_id, status, method, recorded_at, recorded_by) values "
                    + "(?1, ?2, 'PRESENT', 'RECORDED', ?3, 'test')", day, me, now);
            sql("insert into sign_in_code (id, party_day_id, code, issued_at, expires_at, used_by, used_at) values "
                    + "(?1, ?2, ?3, ?4, ?4, ?5, ?4)", UUID.randomUUID(), day, marker.substring(0, 6), now, me);
            sql("insert into sign_in_attempt (party_day_id, person_id, wrong_codes, last_wrong_at) values "
                    + "(?1, ?2, 1, ?3)", day, me, now);
            sql("insert into calendar_feed (id, scope, person_id, token_hash, created_by, created_at) values "
                    + "(?1, 'PERSON', ?2, ?3, 'test', ?4)", UUID.randomUUID(), me,
                    UUID.randomUUID().toString().getBytes(), now);
            // organisational life
            sql("insert into branch_committee_member (branch_id, person_id, post, position, since) values "
                    + "(?1, ?2, 'MEMBER', 1, ?3)", branch, me, today);
            sql("insert into minutes (party_day_id, host_id, recorder_id, topics, resolutions, notes, version, "
                    + "written_by, written_at) values (?1, ?2, ?3, cast('[]' as jsonb), cast('[]' as jsonb), ?4, 1, "
                    + "'test', ?5)", day, me, other, "记录" + marker, now);
            // another session's minutes, hosted by the other and recorded by the person
            UUID recorded = UUID.randomUUID();
            sql("insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, lecture_slots, state, "
                    + "version, created_at, updated_at) values (?1, ?2, 'STUDY_SESSION', ?3, ?4, ?5, ?6, 0, 'HELD', 0, "
                    + "?3, ?3)", recorded, branch, now.minus(Duration.ofHours(4)), now.minus(Duration.ofHours(3)),
                    today, "学习会" + marker);
            sql("insert into minutes (party_day_id, host_id, recorder_id, topics, resolutions, version, written_by, "
                    + "written_at) values (?1, ?2, ?3, cast('[]' as jsonb), cast('[]' as jsonb), 1, 'test', ?4)",
                    recorded, other, me, now);
            sql("insert into minutes_addendum (party_day_id, id, position, text, author, author_person_id, created_at) "
                    + "values (?1, ?2, 1, ?3, 'test', ?4, ?5)", day, UUID.randomUUID(), "补充" + marker, me, now);
            UUID problem = UUID.randomUUID();
            sql("insert into org_life_problem (id, party_day_id, subject, person_id, source, text, version, "
                    + "created_by, created_at, updated_at) values (?1, ?2, 'MEMBER', ?3, 'SELF_EXAMINATION', ?4, 0, "
                    + "'test', ?5, ?5)", problem, day, me, "问题" + marker, now);
            sql("insert into rectification (id, party_day_id, branch_id, problem_id, item, owner_id, due_on, state, "
                    + "version, created_by, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'OPEN', 0, "
                    + "'test', ?8, ?8)", UUID.randomUUID(), day, branch, problem, "整改" + marker, me, today, now);
            sql("insert into party_lecturer (id, party_day_id, person_id, topic, position, version, created_by, "
                    + "created_at, updated_at) values (?1, ?2, ?3, ?4, 1, 0, 'test', ?5, ?5)", UUID.randomUUID(), day,
                    me, "党课" + marker, now);
            campaigns(me, other, branch, marker, now);
            annual(me, other, branch, marker, now, year);
            // integrity: the file and its audit are the officers'; the declaration is the person's own
            UUID file = UUID.randomUUID();
            sql("insert into integrity_file (id, person_id, unit_id, opened_reason, review_months, next_review_due, "
                    + "state, entry_count, opened_at, updated_at, version) values (?1, ?2, ?3, 'OFFICER', 12, ?4, "
                    + "'OPEN', 0, ?5, ?5, 0)", file, me, branch, today.plusYears(1), now);
            sql("insert into integrity_declaration (id, file_id, person_id, type, state, submitted_at, submitted_by, "
                    + "unit_note, key_id, sealed, version) values (?1, ?2, ?3, 'GIFT', 'AWAITING_UNIT', ?4, ?3, null, "
                    + "'k1', ?5, 0)", UUID.randomUUID(), file, me, now, new byte[] {1, 2, 3});
            sql("insert into integrity_audit (at, actor_kind, actor_person_id, action, file_id, entry_ids, outcome, "
                    + "status, request) values (?1, 'ACCOUNT', ?2, 'READ_FILE', ?3, '{}', 'ALLOWED', 200, ?4)", now,
                    other, file, "GET /v1/integrity-files/" + file + " " + marker);
        });
    }

    private static void campaigns(UUID me, UUID other, UUID branch, String marker, Instant now) {
        UUID campaign = UUID.randomUUID();
        sql("insert into campaign (id, unit_id, year, type, title, scale, state, closed_at, version, created_by, "
                + "created_at, updated_at) values (?1, ?2, 2026, 'REPORT_REVIEW', ?3, array['好', '较好', '一般', '差'], "
                + "'CLOSED', ?4, 0, 'test', ?4, ?4)", campaign, branch, "述职" + marker.substring(0, 6), now);
        for (UUID ratee : new UUID[] {me, other}) {
            sql("insert into campaign_ratee (campaign_id, person_id, added_at) values (?1, ?2, ?3)", campaign, ratee,
                    now);
        }
        sql("insert into campaign_report (campaign_id, person_id, body, submitted_at, updated_at) values "
                + "(?1, ?2, ?3, ?4, ?4)", campaign, me, "报告" + marker, now);
        // the person's ballot about the other, and the other's about the person (never in the person's data)
        sql("insert into campaign_ballot (campaign_id, stage, rater_kind, rater_id, ratee_id, grade, cast_by, cast_at) "
                + "values (?1, 'PEER_EVALUATION', 'PERSON', ?2, ?3, '好', ?2, ?4)", campaign, me, other, now);
        sql("insert into campaign_ballot (campaign_id, stage, rater_kind, rater_id, ratee_id, grade, cast_by, cast_at) "
                + "values (?1, 'PEER_EVALUATION', 'PERSON', ?2, ?3, '差', ?2, ?4)", campaign, other, me, now);
        sql("insert into campaign_nomination (id, campaign_id, person_id, self_evaluation, deeds, created_by, version, "
                + "created_at, updated_at) values (?1, ?2, ?3, ?4, ?4, 'test', 0, ?5, ?5)", UUID.randomUUID(), campaign,
                me, "事迹" + marker, now);
        sql("insert into campaign_decision (id, campaign_id, person_id, outcome, reason, decided_by, version, "
                + "created_at, updated_at) values (?1, ?2, ?3, '好', ?4, 'test', 0, ?5, ?5)", UUID.randomUUID(),
                campaign, me, "理由" + marker, now);
        sql("insert into campaign_objection (id, campaign_id, person_id, objector_id, text, version, created_at, "
                + "updated_at) values (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)", UUID.randomUUID(), campaign, other, me,
                "异议" + marker, now);
        sql("insert into campaign_objection (id, campaign_id, person_id, objector_id, text, version, created_at, "
                + "updated_at) values (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)", UUID.randomUUID(), campaign, me, other,
                "对其异议" + marker + "-about", now);
    }

    private static void annual(UUID me, UUID other, UUID branch, String marker, Instant now, int year) {
        UUID plan = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        sql("insert into annual_plan (id, unit_id, year, owner_id, state, version, created_by, created_at, "
                + "updated_at) values (?1, ?2, 2026, ?3, 'DRAFT', 0, 'test', ?4, ?4)", plan, branch, me, now);
        sql("insert into annual_plan (id, unit_id, year, owner_id, state, summary, submitted_at, submitted_by, version, "
                + "created_by, created_at, updated_at) values (?1, ?2, 2026, ?3, 'APPROVED', '总结', ?4, 'test', 0, "
                + "'test', ?4, ?4)", theirs, branch, other, now);
        sql("insert into annual_plan_item (id, plan_id, kind, title, target_count, owner_id, created_at, updated_at) "
                + "values (?1, ?2, 'OTHER', ?3, 1, ?4, ?5, ?5)", UUID.randomUUID(), plan, "事项" + marker, me, now);
        sql("insert into annual_plan_review (id, plan_id, decision, note, reviewed_by, reviewer_person_id, reviewed_at) "
                + "values (?1, ?2, 'APPROVED', ?3, 'test', ?4, ?5)", UUID.randomUUID(), theirs, "同意" + marker, me,
                now);
        UUID pledge = UUID.randomUUID();
        sql("insert into pledge (id, unit_id, year, title, text, standards, version, created_by, created_at, "
                + "updated_at) values (?1, ?2, ?4, '承诺书', '正文', array['一'], 1, 'test', ?3, ?3)", pledge, branch,
                now, year);
        sql("insert into pledge_signature (pledge_id, person_id, title, text, standards, sha256, signed_at) values "
                + "(?1, ?2, '承诺书', '正文', array['一'], ?3, ?4)", pledge, me, "0".repeat(64), now);
        sql("insert into pledge_review (pledge_id, person_id, assessed_at, version) values (?1, ?2, ?3, 1)", pledge, me,
                now);
        sql("insert into pledge_assessment (pledge_id, person_id, standard, text, grade) values (?1, ?2, 1, ?3, "
                + "'KEPT')", pledge, me, "践诺" + marker);
        sql("insert into honour (id, person_id, title, level, year, awarded_by, version, created_by, created_at, "
                + "updated_at) values (?1, ?2, ?3, 'BRANCH', 2026, '机关党委', 0, 'test', ?4, ?4)", UUID.randomUUID(), me,
                "优秀党员" + marker.substring(0, 6), now);
    }

    private static UUID ledger(UUID me, String activity, String source, LocalDate day, String week, Instant now) {
        UUID id = UUID.randomUUID();
        sql("insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, business_date, "
                + "iso_week, created_by, created_at) values (?1, ?2, ?3, 5, ?4, ?5, ?6, ?7, 'test', ?8)", id, me,
                activity, source, id.toString(), day, week, now);
        return id;
    }

    private static void sql(String sql, Object... parameters) {
        Query query = em().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
