package cn.zhibu.stats;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.compliance.OrgLifeSettings;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.stats.StatsData.Membership;
import cn.zhibu.stats.StatsData.Person;
import cn.zhibu.stats.StatsData.Session;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Race;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Dashboard figures over real HTTP, on 15 June 2031, for January to June: a committee of four branches (22, 12, 4
 * and 5 people at the end; arrivals, transfers, a leaver), their sessions, attendance, hosts and lectures, check-ins,
 * ledger entries and quiz attempts made in {@link StatsData}; every figure of every area, for the committee and its
 * children side by side, against {@link StatsNaive}; small cells at the threshold; no person in any answer;
 * validation, authorisation, ETags (integrity counts: {@link StatsIntegrityTest}).
 */
@QuarkusTest
class StatsApiTest extends StatsApiBase {

    static final LocalDate TODAY = LocalDate.of(2031, 6, 15);
    static final LocalDate FROM = LocalDate.of(2031, 1, 1);
    static final LocalDate TO = LocalDate.of(2031, 6, 30);
    static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    @Inject
    OrgLifeSettings orgLife;

    @Inject
    CheckInSummaries summaries;

    @Test
    void everyFigureAgreesWithThePlainCountAndNoPersonIsInAnyAnswer() throws Exception {
        onTheFifteenthOfJune();
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String a = OrgFixtures.unit("BRANCH", "A" + UUID.randomUUID().toString().substring(0, 8), committee);
        String b = OrgFixtures.unit("BRANCH", "B" + UUID.randomUUID().toString().substring(0, 8), committee);
        String s = OrgFixtures.unit("BRANCH", "S" + UUID.randomUUID().toString().substring(0, 8), committee);
        String t = OrgFixtures.unit("BRANCH", "T" + UUID.randomUUID().toString().substring(0, 8), committee);
        String groupOne = OrgFixtures.unit("PARTY_GROUP", a);
        String groupTwo = OrgFixtures.unit("PARTY_GROUP", a);
        String department = OrgFixtures.unit("DEPARTMENT", b);
        StatsData d = new StatsData();
        List<Person> stayA = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Person p = d.person();
            d.member(p, a, LONG_AGO, null);
            stayA.add(p);
        }
        for (int i = 0; i < 4; i++) { // four arrivals in February: a cell below the threshold
            d.member(d.person(), a, LocalDate.of(2031, 2, 3 + i), null);
        }
        for (int i = 0; i < 5; i++) { // five arrivals in April: a cell at the threshold
            d.member(d.person(), b, LocalDate.of(2031, 4, 7 + i), null);
        }
        List<Person> movers = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // five transfers from A to B on Wednesday 12 March: a move within a week
            Person p = d.person();
            d.member(p, a, LONG_AGO, LocalDate.of(2031, 3, 11));
            d.member(p, b, LocalDate.of(2031, 3, 12), null);
            movers.add(p);
        }
        for (int i = 0; i < 7; i++) {
            d.member(d.person(), i < 2 ? b : a, LONG_AGO, null);
        }
        d.member(d.person(), a, LONG_AGO, LocalDate.of(2031, 5, 20)); // leaves: not a transfer
        for (int i = 0; i < 4; i++) {
            d.member(d.person(), s, LONG_AGO, null);
        }
        for (int i = 0; i < 5; i++) {
            d.member(d.person(), t, LONG_AGO, null);
        }
        String five = OrgFixtures.unit("BRANCH", "F" + UUID.randomUUID().toString().substring(0, 8), null);
        for (int i = 0; i < 5; i++) {
            d.member(d.person(), five, LONG_AGO, null);
        }
        for (String branch : List.of(a, b, s, t)) {
            for (int month = 1; month <= 5; month++) {
                String host = branch.equals(a) && month <= 3 ? groupOne : branch.equals(a) && month == 4 ? groupTwo
                        : null;
                d.attend(d.session(branch, "THEMED_PARTY_DAY", LocalDate.of(2031, month, 10), month < 5 ? "HELD"
                        : "CONFIRMED", host));
            }
            d.session(branch, "THEMED_PARTY_DAY", LocalDate.of(2031, 6, 20), "PLANNED", null);
        }
        d.attend(d.session(a, "PARTY_LECTURE", LocalDate.of(2031, 3, 15), "HELD", null));
        d.attend(d.session(b, "PARTY_LECTURE", LocalDate.of(2031, 3, 15), "HELD", null));
        d.attend(d.session(a, "MEMBER_ASSEMBLY", LocalDate.of(2031, 2, 20), "HELD", null));
        d.session(b, "STUDY_SESSION", LocalDate.of(2031, 4, 18), "CANCELLED", null);
        d.attend(d.session(a, "STUDY_SESSION", LocalDate.of(2030, 12, 18), "HELD", null)); // before the period
        List<Session> themedA = d.sessions.stream().filter(x -> x.branch().equals(a)
                && x.kind().equals("THEMED_PARTY_DAY")).toList();
        for (int i = 0; i < 5; i++) {
            d.lectures.add(new StatsData.Lecture(themedA.get(i).id(), stayA.get(i).id(), "DELIVERED"));
        }
        String bLecture = d.sessions.stream().filter(x -> x.branch().equals(b) && x.kind().equals("PARTY_LECTURE"))
                .findFirst().orElseThrow().id();
        d.lectures.add(new StatsData.Lecture(bLecture, d.membersOn(b, LocalDate.of(2031, 3, 15)).get(0),
                "NOT_DELIVERED"));
        d.lectures.add(new StatsData.Lecture(bLecture, d.membersOn(b, LocalDate.of(2031, 3, 15)).get(1),
                "NOT_DELIVERED"));
        for (String branch : List.of(a, a, b, s, t)) {
            Session june = d.sessions.stream().filter(x -> x.branch().equals(branch)
                    && x.on().equals(LocalDate.of(2031, 6, 20))).findFirst().orElseThrow();
            String speaker = d.membersOn(branch, TODAY).stream().filter(p -> d.lectures.stream()
                    .noneMatch(l -> l.speaker().equals(p))).findFirst().orElseThrow();
            d.lectures.add(new StatsData.Lecture(june.id(), speaker, "PENDING"));
        }
        d.checkIns(LocalDate.of(2030, 12, 25), TODAY, 0.18);
        for (Person p : movers) { // checked in at A and at B in one week: one person in both branches' counts
            for (String[] at : List.of(new String[] {a, "2031-03-11"}, new String[] {b, "2031-03-12"},
                    new String[] {s, "2031-03-13"})) { // the third: one of them at a third branch too
                LocalDate day = LocalDate.parse(at[1]);
                if ((!at[0].equals(s) || p == movers.get(0)) && d.checkIns.stream()
                        .noneMatch(c -> c.person().equals(p.id()) && c.day().equals(day))) {
                    d.checkIns.add(new StatsData.CheckIn(p.id(), at[0], day, true));
                    d.entries.add(new StatsData.Entry(p.id(), 1, day));
                }
            }
        }
        List<StatsData.Entry> awards = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Membership m = d.memberships.get(d.random.nextInt(d.memberships.size()));
            awards.add(new StatsData.Entry(m.person(), 1 + d.random.nextInt(9), i < 10 ? LocalDate.of(2031, 2 + i % 4,
                    12) : LocalDate.of(2030, 11, 1)));
        }
        d.entries.addAll(awards);
        for (Person p : stayA.subList(0, 7)) {
            for (int k = 0; k < 2; k++) { // in January and February: months of seven quizzers each
                d.attempts.add(new StatsData.Attempt(p.id(), LocalDate.of(2031, 1 + k, 5 + d.random.nextInt(20)),
                        d.random.nextInt(11), false));
            }
            d.attempts.add(new StatsData.Attempt(p.id(), LocalDate.of(2031, 5, 30), 10, true));
        }
        d.write();
        d.writeEntries(awards);
        d.writeQuiz(committee);
        d.writeLectures();
        stats.clear();

        List<String> branches = List.of(a, b, s, t);
        Map<String, List<String>> children = Map.of(a, List.of(a), b, List.of(b), s, List.of(s), t, List.of(t));
        Map<String, String> shown = new TreeMap<>();
        int secondary = 0;
        JsonPath study = null;
        for (String area : List.of("members", "org-life", "study", "lectures")) {
            JsonPath answer = figures(admin(), committee, area, true);
            study = area.equals("study") ? answer : study;
            Map<String, String> actual = flat(answer.get("figures"));
            secondary += StatsChecks.agree(naive(d, area, branches, List.of(groupOne, groupTwo, department)), actual,
                    area + " of the committee");
            actual.forEach((k, v) -> shown.put(area + "." + k, v));
            assertEquals(List.of(a, b, s, t), answer.getList("children.unit.unitId"));
            for (int i = 0; i < 4; i++) {
                String child = answer.getString("children[" + i + "].unit.unitId");
                List<String> hosts = child.equals(a) ? List.of(groupOne, groupTwo) : child.equals(b)
                        ? List.of(department) : List.of();
                secondary += StatsChecks.agree(naive(d, area, children.get(child), hosts),
                        flat(answer.get("children[" + i + "].figures")), area + " of child " + i);
            }
            if (area.equals("members")) {
                StatsChecks.nothingComesBackBySubtraction(answer);
            }
        }
        assertTrue(secondary > 0, "the data has cells that subtraction would give away");
        // the study figures above were counted from the check-ins (every day noted, or the counts not yet ready); the
        // same from the counts kept per branch and day, then with some days noted again (read from the check-ins)
        assertTrue(summaries.catchUp() > 0, "the check-ins' changes were noted");
        for (boolean someNoted : List.of(false, true)) {
            if (someNoted) {
                Sql.execute("insert into check_in_change (branch_id, business_date) select distinct branch_id, "
                        + "business_date from check_in where branch_id = '" + a + "' and business_date between "
                        + "date '2031-03-05' and date '2031-03-11'");
            }
            stats.clear();
            JsonPath kept = figures(admin(), committee, "study", true);
            assertEquals(flat(study.get("figures")), flat(kept.get("figures")), "kept study, some noted: " + someNoted);
            for (int i = 0; i < 4; i++) {
                assertEquals(flat(study.get("children[" + i + "].figures")), flat(kept.get("children[" + i
                        + "].figures")), "kept study of child " + i + ", some noted: " + someNoted);
            }
        }
        // the comparisons are not of empty answers: the main figures show
        for (String key : List.of("members.people", "members.byPoliticalStatus.FULL", "members.byGender.MALE",
                "org-life.kinds.THEMED_PARTY_DAY.attendanceRate", "org-life.kinds.THEMED_PARTY_DAY.required",
                "org-life.attendanceByMonth.2031-03", "org-life.coverage", "org-life.studyHours.median",
                "study.checkInsByWeek.2031-W10", "study.participationByWeek.2031-W10", "study.quizAttempts",
                "study.quizMeanScore", "study.pointsPerMember.q3", "lectures.delivered", "lectures.planned")) {
            assertTrue(shown.get(key).matches("^-?[0-9]+\\.[0-9]{4}$"), key + ": " + shown.get(key));
        }
        System.out.printf("Stats figures of the committee: %d, of which %d suppressed; %d hidden so that no "
                + "subtraction gives a suppressed one away (committee and children)%n", shown.size(),
                shown.values().stream().filter(v -> v.startsWith("FEWER_THAN")).count(), secondary);
        // the threshold: four people answer null, five a value, in the children and asked directly
        JsonPath small = figures(admin(), s, "members", false);
        assertNull(small.get("figures.people.value"));
        assertEquals("FEWER_THAN_5", small.getString("figures.people.suppressed"));
        assertNull(small.get("children"));
        JsonPath fivePeople = figures(admin(), five, "members", false);
        assertEquals("5", fivePeople.getString("figures.people.value"));
        assertNull(fivePeople.get("figures.people.suppressed"));
        // a unit asked directly shows what its parent's answer shows of it (its cells are decided with its siblings')
        JsonPath withChildren = figures(admin(), committee, "members", true);
        for (int i = 0; i < 4; i++) {
            String child = withChildren.getString("children[" + i + "].unit.unitId");
            assertEquals(flat(withChildren.get("children[" + i + "].figures")),
                    flat(figures(admin(), child, "members", false).get("figures")), "child " + i + " asked directly");
        }
        // asked at the same time, with nothing kept: all agree with what the committee's answer shows of them
        stats.clear();
        List<Callable<Response>> together = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String child = withChildren.getString("children[" + i + "].unit.unitId");
            together.add(() -> admin().queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                    .get("/v1/stats/org-units/" + child + "/members"));
        }
        List<Response> raced = Race.race(together);
        for (int i = 0; i < 4; i++) {
            bodies.add(raced.get(i).asString());
            assertEquals(flat(withChildren.get("children[" + i + "].figures")), flat(new JsonPath(raced.get(i)
                    .asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                    .get("figures")), "child " + i + " asked with its siblings at once");
        }
        assertEquals("FEWER_THAN_5", withChildren.getString("children.find { it.unit.unitId == '" + t
                + "' }.figures.people.suppressed"), "five people hidden: with the committee's 43 they would give the "
                + "four of their sibling away");
        JsonPath months = figures(admin(), committee, "members", false);
        assertEquals("FEWER_THAN_5", months.getString("figures.joinsByMonth.find { it.period == '2031-02' }"
                + ".suppressed"), "four arrivals in February");
        assertEquals("5", months.getString("figures.joinsByMonth.find { it.period == '2031-04' }.value"),
                "five arrivals in April");
        assertEquals("5", months.getString("figures.transfersByMonth.find { it.period == '2031-03' }.value"),
                "five transfers in March");
        // an API client with stats:read on the committee
        String client = PointsFixtures.clientToken(committee, "stats:read");
        figures(Api.bearer(client), committee, "study", false);
        // nobody in any answer
        for (String body : bodies) {
            for (Person p : d.people) {
                assertFalse(body.contains(p.id()), "a person's id in an answer");
                assertFalse(body.contains(p.name()), "a person's name in an answer");
            }
        }
    }

    private Map<String, String> naive(StatsData d, String area, List<String> branches, List<String> hosts) {
        StatsNaive naive = new StatsNaive(d, branches, FROM, TO, TODAY);
        return switch (area) {
            case "members" -> naive.members();
            case "org-life" -> naive.orgLife(k -> orgLife.frequency().of(cn.zhibu.lecture.PartyDayKind.valueOf(k)),
                    branches, orgLife.yearlyStudyHours());
            case "study" -> naive.study();
            default -> naive.lectures(hosts);
        };
    }

    @Test
    void periodsUnitsCallersAndTags() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String path = "/v1/stats/org-units/" + committee + "/members";
        problem(admin().queryParam("from", "2020-01-01").queryParam("to", "2023-12-31").get(path).then(), 400,
                "STATS_PERIOD_TOO_LONG");
        problem(admin().queryParam("from", "2023-01-01").queryParam("to", "2026-01-31").get(path).then(), 400,
                "STATS_PERIOD_TOO_LONG");
        admin().queryParam("from", "2023-01-01").queryParam("to", "2025-12-31").get(path).then().statusCode(200);
        // two periods a day apart could be subtracted: whole months only (or up to today)
        problem(admin().queryParam("from", "2025-01-02").queryParam("to", "2025-01-31").get(path).then(), 400,
                "STATS_PERIOD_NOT_WHOLE_MONTHS");
        problem(admin().queryParam("from", "2025-01-01").queryParam("to", "2025-01-30").get(path).then(), 400,
                "STATS_PERIOD_NOT_WHOLE_MONTHS");
        admin().queryParam("from", "2025-01-01").queryParam("to", "2025-02-28").get(path).then().statusCode(200);
        problem(admin().queryParam("from", "2026-05-02").queryParam("to", "2026-05-01").get(path).then(), 400,
                "STATS_PERIOD_REVERSED");
        problem(admin().queryParam("from", "2026-13-01").get(path).then(), 400, "INVALID_PARAMETER");
        problem(admin().queryParam("children", "yes").get(path).then(), 400, "INVALID_PARAMETER");
        problem(admin().get("/v1/stats/org-units/" + UUID.randomUUID() + "/members").then(), 404, "NOT_FOUND");
        int badId = admin().get("/v1/stats/org-units/not-a-unit/members").statusCode();
        assertTrue(badId == 404 || badId == 400, "a malformed unit id: " + badId);
        // who: a member 403, another committee's secretary 404, anonymous 401, API clients by scope
        problem(Api.as("stats-member", Roles.MEMBER, UUID.fromString(branch)).get(path).then(), 404, "NOT_FOUND");
        problem(Api.as("stats-member-committee", Roles.MEMBER, UUID.fromString(committee)).get(path).then(), 403,
                "FORBIDDEN");
        problem(Api.as("stats-other-secretary", Roles.SECRETARY, UUID.fromString(OrgFixtures.unit("COMMITTEE",
                null))).get(path).then(), 404, "NOT_FOUND");
        problem(Api.anonymous().get(path).then(), 401, "UNAUTHENTICATED");
        Api.bearer(PointsFixtures.clientToken(committee, "stats:read")).get(path).then().statusCode(200);
        problem(Api.bearer(PointsFixtures.clientToken(committee, "org:read")).get(path).then(), 403, "FORBIDDEN");
        problem(Api.bearer(PointsFixtures.clientToken(branch, "stats:read")).get(path).then(), 404, "NOT_FOUND");
        // a secretary of the branch reads it; the answer is tagged, kept a minute, and 304 when unchanged
        RequestSpecification secretary = Api.as("stats-secretary", Roles.SECRETARY, UUID.fromString(branch));
        Response first = secretary.get("/v1/stats/org-units/" + branch + "/study");
        first.then().statusCode(200);
        String tag = first.header("ETag");
        assertTrue(tag.matches("^\"[0-9]{1,18}\"$"), tag);
        assertEquals("private, max-age=60", first.header("Cache-Control"));
        Api.as("stats-secretary", Roles.SECRETARY, UUID.fromString(branch)).header("If-None-Match", tag)
                .get("/v1/stats/org-units/" + branch + "/study").then().statusCode(304);
        Api.as("stats-secretary", Roles.SECRETARY, UUID.fromString(branch)).header("If-None-Match", "\"1\"")
                .get("/v1/stats/org-units/" + branch + "/study").then().statusCode(200);
        assertEquals(tag, Api.as("stats-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .get("/v1/stats/org-units/" + branch + "/study").header("ETag"), "the same content, the same tag");
    }
}
