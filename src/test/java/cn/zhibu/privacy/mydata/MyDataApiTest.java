package cn.zhibu.privacy.mydata;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.Race;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /v1/me/data: everything held about the caller, nothing about anyone else, for a person only, limited. */
@QuarkusTest
class MyDataApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Columns naming a person that the export leaves out on purpose, with the reason. Every other column that names a
     * person (a reference to person or account, or a column called person_id or *_person_id) must be exported.
     */
    static final Map<String, String> EXCLUDED = Map.of(
            "integrity_file.person_id", "the integrity file about the person: kept by integrity officers",
            "integrity_relation.cadre_person_id", "relatives a cadre declared: the content of the cadre's file",
            "integrity_relation.relative_person_id", "a cadre's file naming the person as a relative: the cadre's",
            "integrity_audit.actor_person_id", "the integrity audit of who read which file: integrity officers'",
            "campaign_objection.person_id", "objections raised against the person: who objected is the committee's",
            "check_in_branch.person_id", "the branches the person's credited check-ins were at, and between which days: "
                    + "kept for the study figures, drawn from the check-ins, which are exported");

    /** Where the export holds the rows of each column: section, and the field naming the person ("*": every row). */
    static final Map<String, String[]> EXPORTED = new TreeMap<>(Map.ofEntries(
            Map.entry("membership.person_id", new String[] {"memberships", "*"}),
            Map.entry("account.person_id", new String[] {"accounts", "personId"}),
            Map.entry("role_grant.account_id", new String[] {"roles", "accountId"}),
            Map.entry("refresh_family.account_id", new String[] {"signInSessions", "accountId"}),
            Map.entry("wechat_invitation.person_id", new String[] {"wechatInvitations", "personId"}),
            Map.entry("material_opening.person_id", new String[] {"materialOpenings", "personId"}),
            Map.entry("check_in.person_id", new String[] {"checkIns", "personId"}),
            Map.entry("make_up.person_id", new String[] {"makeUps", "personId"}),
            Map.entry("quiz_attempt.person_id", new String[] {"quizAttempts", "personId"}),
            Map.entry("ledger_entry.person_id", new String[] {"ledgerEntries", "personId"}),
            Map.entry("points_import_record.person_id", new String[] {"pointsImports", "personId"}),
            Map.entry("week_score.person_id", new String[] {"weekScores", "personId"}),
            Map.entry("published_person.person_id", new String[] {"publishedPlaces", "personId"}),
            Map.entry("published_standing.person_id", new String[] {"publishedStandings", "personId"}),
            Map.entry("study_leader.person_id", new String[] {"studyLeaders", "personId"}),
            Map.entry("leaderboard_preference.person_id", new String[] {"leaderboardPreferences", "personId"}),
            Map.entry("notification.person_id", new String[] {"notifications", "personId"}),
            Map.entry("notification_delivery.person_id", new String[] {"notificationDeliveries", "personId"}),
            Map.entry("notification_preference.person_id", new String[] {"notificationPreferences", "personId"}),
            Map.entry("wechat_subscription.person_id", new String[] {"wechatSubscriptions", "personId"}),
            Map.entry("attendance.person_id", new String[] {"attendance", "personId"}),
            Map.entry("sign_in_code.used_by", new String[] {"signInCodesUsed", "usedBy"}),
            Map.entry("sign_in_attempt.person_id", new String[] {"signInAttempts", "personId"}),
            Map.entry("micro_lecture.speaker_id", new String[] {"lectures", "speakerId"}),
            Map.entry("lecture_swap.requested_by", new String[] {"lectureSwaps", "requestedBy"}),
            Map.entry("lecture_swap.colleague_id", new String[] {"lectureSwaps", "colleagueId"}),
            Map.entry("lecture_rating.person_id", new String[] {"lectureRatings", "personId"}),
            Map.entry("speaker_absence.person_id", new String[] {"speakerAbsences", "personId"}),
            Map.entry("calendar_feed.person_id", new String[] {"calendarFeeds", "personId"}),
            Map.entry("branch_committee_member.person_id", new String[] {"committeePosts", "personId"}),
            Map.entry("minutes.host_id", new String[] {"minutesRoles", "hostId"}),
            Map.entry("minutes.recorder_id", new String[] {"minutesRoles", "recorderId"}),
            Map.entry("minutes_addendum.author_person_id", new String[] {"minutesAddenda", "authorPersonId"}),
            Map.entry("org_life_problem.person_id", new String[] {"orgLifeProblems", "personId"}),
            Map.entry("rectification.owner_id", new String[] {"rectifications", "ownerId"}),
            Map.entry("party_lecturer.person_id", new String[] {"partyLectures", "personId"}),
            Map.entry("campaign_ratee.person_id", new String[] {"campaignRatees", "personId"}),
            Map.entry("campaign_report.person_id", new String[] {"campaignReports", "personId"}),
            Map.entry("campaign_ballot.cast_by", new String[] {"campaignBallots", "castBy"}),
            Map.entry("campaign_nomination.person_id", new String[] {"campaignNominations", "personId"}),
            Map.entry("campaign_decision.person_id", new String[] {"campaignDecisions", "personId"}),
            Map.entry("campaign_objection.objector_id", new String[] {"campaignObjections", "objectorId"}),
            Map.entry("annual_plan.owner_id", new String[] {"annualPlans", "ownerId"}),
            Map.entry("annual_plan_item.owner_id", new String[] {"annualPlanItems", "ownerId"}),
            Map.entry("annual_plan_review.reviewer_person_id", new String[] {"annualPlanReviews", "reviewerPersonId"}),
            Map.entry("pledge_signature.person_id", new String[] {"pledgeSignatures", "personId"}),
            Map.entry("pledge_review.person_id", new String[] {"pledgeReviews", "personId"}),
            Map.entry("pledge_assessment.person_id", new String[] {"pledgeAssessments", "personId"}),
            Map.entry("honour.person_id", new String[] {"honours", "personId"}),
            Map.entry("integrity_declaration.person_id", new String[] {"integrityDeclarations", "personId"}),
            Map.entry("my_data_export.person_id", new String[] {"exports", "personId"})));

    /** Rows the export holds fewer of, by rule: the condition the counted rows meet besides naming the person. */
    static final Map<String, String> ONLY = Map.of(
            // results are published when a campaign closes
            "campaign_decision.person_id", " and campaign_id in (select id from campaign where state = 'CLOSED')",
            // the export being made is recorded once it is served, so its own document lists the earlier ones
            "my_data_export.person_id", " and exported_at < (select max(exported_at) from my_data_export e "
                    + "where e.person_id = ?1)");

    private static final String ADMIN = "org-admin";

    record Column(String table, String column, boolean account) {
        String key() {
            return table + "." + column;
        }
    }

    @Test
    void theExportHoldsEveryRowTheDatabaseHoldsAboutTheMember() {
        World w = world();
        w.export(w.me()); // an earlier export, for the exports section
        Response answer = w.me().api().get("/v1/me/data");
        answer.then().statusCode(200).header("Cache-Control", "no-store")
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"zhibu-my-data-\\d{4}-\\d{2}-\\d{2}\\.json\""));
        JsonPath body = answer.jsonPath();
        assertEquals(w.me().personId(), body.getString("person.id"));
        assertNotNull(body.getString("person.phone"), "the phone in full for its owner");
        assertEquals("13800138000", body.getString("person.phone"));

        List<String> problems = differences(body, w.me().personId(), w.me().accountId(), true);
        assertEquals(List.of(), problems);
        // an attempt not yet submitted keeps its answers to itself
        assertEquals(1, body.getList("quizAttempts[0].questions").size());
        assertNull(body.getString("quizAttempts[0].questions[0].correctKeys"));
    }

    @Test
    void nothingOfAnyoneElseIsInTheExport() {
        World w = world();
        String text = w.me().api().get("/v1/me/data").then().statusCode(200).extract().asString();
        // the stranger has rows in every table too, none of them the member's
        for (String value : List.of(w.stranger().personId(), w.stranger().accountId(), name(w.stranger()),
                w.strangerMarker())) {
            assertFalse(text.contains(value), "the stranger's " + value + " is not in the member's data");
        }
        // the colleague named by the member's rows appears by id only: never their name, nor what they wrote
        assertFalse(text.contains(name(w.other())), "the colleague's name is not in the member's data");
        assertFalse(text.contains(w.marker() + "-asked"), "a swap request's message is its asker's");
        assertFalse(text.contains(w.marker() + "-about"), "an objection against the member is the committee's");
        JsonPath body = JsonPath.from(text);
        assertEquals(List.of(w.me().personId()), body.getList("campaignBallots.castBy", String.class),
                "only the ballots the member cast; never others' ballots about them");
        assertFalse(text.contains("integrity-files/"), "nothing of the integrity audit");
        assertEquals(List.of(), body.getList("campaignObjections.findAll { it.candidateId == '"
                + w.me().personId() + "' }"));
    }

    @Test
    void onlyAPersonExportsAndEachRoleGetsOnlyTheirOwnData() {
        World w = world();
        Api.anonymous().get("/v1/me/data").then().statusCode(401);
        Api.bearer(PointsFixtures.clientToken(w.branch(), "people:read")).get("/v1/me/data").then().statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("MY_DATA_NOT_A_PERSON"));
        Api.as(ADMIN, Roles.ORG_ADMIN).get("/v1/me/data").then().statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("MY_DATA_NOT_A_PERSON"));
        for (String role : AuthorizationMatrixTest.ROLES) {
            Member holder = StudyFixtures.member(w.branch());
            StudyFixtures.grant(holder, role, w.branch());
            JsonPath body = holder.api().get("/v1/me/data").then().statusCode(200).extract().jsonPath();
            assertEquals(holder.personId(), body.getString("person.id"), role);
            assertEquals(List.of(role), body.getList("roles.role", String.class), role);
            String text = body.prettify();
            for (String value : List.of(w.me().personId(), w.marker(), w.stranger().personId(), w.strangerMarker())) {
                assertFalse(text.contains(value), role + " sees only their own data, not " + value);
            }
        }
    }

    @Test
    void aPersonMakesAFewExportsAnHourAndEachIsRecorded() {
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        Member member = StudyFixtures.member(branch);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sizes.add(member.api().get("/v1/me/data").then().statusCode(200).extract().asByteArray().length);
        }
        Response refused = member.api().get("/v1/me/data");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("MY_DATA_EXPORTS_EXHAUSTED"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(3, Sql.count("select count(*) from my_data_export where person_id = ?1",
                UUID.fromString(member.personId())), "three exports recorded, the refused one not");
        assertEquals(sizes.stream().mapToLong(Integer::longValue).sum(), Sql.count("select sum(byte_count) from "
                + "my_data_export where person_id = ?1", UUID.fromString(member.personId())),
                "each export's size as served");
        assertEquals(3, Sql.count("select count(*) from my_data_export where person_id = ?1 and row_count > 1 and "
                + "exported_by = cast(?2 as text)", UUID.fromString(member.personId()), member.accountId()));
        // another person is not limited by it
        StudyFixtures.member(branch).api().get("/v1/me/data").then().statusCode(200);
        // an hour after the first, one is allowed again
        clock.set(TestTime.now().plus(Duration.ofMinutes(61)));
        member.api().get("/v1/me/data").then().statusCode(200).body("exports.size()", equalTo(3));
        assertEquals(4, Sql.count("select count(*) from my_data_export where person_id = ?1",
                UUID.fromString(member.personId())));
        // the record is kept as written
        assertTrue(refusesChange("update my_data_export set row_count = 0 where person_id = ?1", member.personId()));
        assertTrue(refusesChange("delete from my_data_export where person_id = ?1", member.personId()));
    }

    /**
     * Exports that race: the limit holds (counted under the person's lock), a burst is answered 429 rather than each
     * reading everything, and exactly the served ones are recorded.
     */
    @Test
    void racingExportsNeverPassTheLimit() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        Member member = StudyFixtures.member(branch);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String token = TestAccounts.token(UUID.fromString(member.accountId()));
            requests.add(() -> Api.bearer(token).get("/v1/me/data"));
        }
        List<Integer> statuses = Race.race(requests).stream().map(Response::statusCode).sorted().toList();
        long served = statuses.stream().filter(s -> s == 200).count();
        assertTrue(served >= 1 && served <= 3, "served " + statuses);
        assertEquals(6 - served, statuses.stream().filter(s -> s == 429).count(), "the others: " + statuses);
        assertEquals(served, Sql.count("select count(*) from my_data_export where person_id = ?1",
                UUID.fromString(member.personId())));
    }

    private static boolean refusesChange(String sql, String personId) {
        try {
            Sql.execute(sql, UUID.fromString(personId));
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The member, a colleague their rows name, and a stranger with rows of their own everywhere (once per class). */
    record World(String branch, Member me, Member other, Member stranger, String marker, String strangerMarker) {
        void export(Member member) {
            member.api().get("/v1/me/data").then().statusCode(200);
        }
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            String committee = OrgFixtures.unit("COMMITTEE", null);
            String branch = OrgFixtures.unit("BRANCH", committee);
            Member me = StudyFixtures.member(branch);
            Member other = StudyFixtures.member(branch);
            Member stranger = StudyFixtures.member(branch);
            Member strangersColleague = StudyFixtures.member(branch);
            StudyFixtures.grant(me, Roles.MEMBER, branch);
            StudyFixtures.grant(stranger, Roles.MEMBER, branch);
            Map<String, Object> change = OrgFixtures.personBody(name(me), branch);
            change.put("phone", "13800138000");
            List.of("branchId", "groupIds", "since").forEach(change::remove);
            Api.as(ADMIN, Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(change).put("/v1/people/" + me.personId())
                    .then().statusCode(200);
            String material = StudyFixtures.material(branch);
            String marker = "M" + UUID.randomUUID().toString().substring(0, 8);
            String strangerMarker = "S" + UUID.randomUUID().toString().substring(0, 8);
            MyDataFixtures.seed(me, other, branch, material, marker);
            MyDataFixtures.seed(stranger, strangersColleague, branch, material, strangerMarker);
            StandingsCaughtUp.await();
            world = new World(branch, me, other, stranger, marker, strangerMarker);
        }
        return world;
    }

    private static String name(Member member) {
        return Api.as(ADMIN, Roles.ORG_ADMIN).get("/v1/people/" + member.personId()).then().statusCode(200).extract()
                .path("name");
    }

    /**
     * Where the export and the database disagree about the person: a column naming a person that is neither exported
     * nor excluded, or holds another number of rows than the export; with {@code everyColumn}, also a column where the
     * person has no row at all (which would prove nothing).
     */
    static List<String> differences(JsonPath body, String personId, String accountId, boolean everyColumn) {
        List<String> problems = new ArrayList<>();
        List<Column> columns = personColumns();
        assertTrue(columns.size() > 40, "the columns naming a person are found: " + columns);
        for (Column c : columns) {
            if (EXCLUDED.containsKey(c.key())) {
                continue;
            }
            String[] where = EXPORTED.get(c.key());
            if (where == null) {
                problems.add(c.key() + " names a person but is neither exported nor excluded with a reason");
                continue;
            }
            String id = c.account() ? accountId : personId;
            long held = Sql.count("select count(*) from " + c.table() + " where " + c.column() + " = ?1"
                    + ONLY.getOrDefault(c.key(), ""), UUID.fromString(id));
            long exported = "*".equals(where[1]) ? body.getList(where[0]).size()
                    : body.getList(where[0] + "." + where[1], String.class).stream().filter(id::equals).count();
            if (held != exported) {
                problems.add(c.key() + ": the database holds " + held + ", the export " + exported);
            } else if (held == 0 && everyColumn) {
                problems.add(c.key() + ": the member has no row here, so the test proves nothing of it");
            }
        }
        List<String> seen = columns.stream().map(Column::key).toList();
        EXCLUDED.keySet().stream().filter(k -> !seen.contains(k)).forEach(k -> problems.add(k + " is excluded but gone"));
        EXPORTED.keySet().stream().filter(k -> !seen.contains(k)).forEach(k -> problems.add(k + " is mapped but gone"));
        return problems;
    }

    /** Every column naming a person or an account: a reference to person(id) or account(id), or named *person_id. */
    @SuppressWarnings("unchecked")
    static List<Column> personColumns() {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            List<Object[]> rows = em.createNativeQuery("""
                    select t.relname, a.attname, r.relname = 'account'
                    from pg_constraint c
                    join pg_class t on t.oid = c.conrelid
                    join pg_class r on r.oid = c.confrelid
                    join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
                    cross join lateral unnest(c.conkey) as k(attnum)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                    where c.contype = 'f' and r.relname in ('person', 'account')
                    union
                    select c.table_name, c.column_name, false
                    from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                      and (c.column_name = 'person_id' or c.column_name like '%\\_person\\_id')
                    order by 1, 2
                    """).getResultList();
            return rows.stream().map(r -> new Column((String) r[0], (String) r[1], (Boolean) r[2])).toList();
        });
    }
}
