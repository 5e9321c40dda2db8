package cn.zhibu.lecture;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.restassured.authentication.AuthenticationScheme;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.SpecificationQuerier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lecture capability's operations in the authorisation matrix ({@link AuthorizationMatrixTest}): party days,
 * attendance, ratings, micro lectures and swaps, rotations and calendar feeds. The matrix's callers are staff
 * accounts without a person: what is a person's own (signing in, rating, swaps, "my" lists, person feeds) refuses
 * them with 403 LECTURE_NOT_A_PERSON, or answers an empty list.
 */
public final class LectureAuthorizationMatrix {

    private static final String ADMIN = "org-admin";
    private static final Duration AHEAD = Duration.ofDays(60);
    private static final Duration STARTED = Duration.ofMinutes(-10);

    private LectureAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> coverage = List.of(Roles.GROUP_LEADER, Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> nobody = List.of();
        List<Operation> ops = new ArrayList<>();

        // party days; a branch named in the body that the caller cannot see is refused like an unknown one (422)
        ops.add(new Operation("createPartyDay", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(sessionBody(t.branch(), AHEAD, 1)).post("/v1/party-days"), managers, 201, 422));
        AtomicInteger years = new AtomicInteger(2040);
        ops.add(new Operation("createPartyDaySeries", t -> r -> r.body(Map.of("branchId", t.branch(), "year",
                years.getAndIncrement(), "kind", "THEMED_PARTY_DAY", "frequency", "QUARTERLY", "weekOfMonth", "LAST",
                "weekday", "FRIDAY", "startTime", "14:30", "durationMinutes", 120, "theme", "主题党日"))
                .post("/v1/party-days/series"), managers, 200, 422));
        ops.add(new Operation("listPartyDays(branchId)", t -> r -> r.queryParam("branchId", t.branch())
                .get("/v1/party-days"), everyone, 200, 404));
        // without a branch: the caller's own person's branch, which these accounts have none of
        ops.add(new Operation("listPartyDays", t -> r -> r.get("/v1/party-days"), everyone, 400, 400));
        ops.add(new Operation("getPartyDay", t -> r -> r.get("/v1/party-days/" + session(t, AHEAD, 1).getString("id")),
                everyone, 200, 404));
        ops.add(new Operation("changePartyDay", t -> r -> {
            JsonPath day = session(t, AHEAD, 1);
            Map<String, Object> body = sessionBody(t.branch(), AHEAD.plusDays(1), 2);
            body.remove("branchId");
            return r.header("If-Match", etag(day.getLong("version"))).body(body)
                    .put("/v1/party-days/" + day.getString("id"));
        }, managers, 200, 404));
        ops.add(new Operation("confirmPartyDay", t -> r -> move(r, session(t, AHEAD, 1), "confirm"), managers, 200,
                404));
        ops.add(new Operation("holdPartyDay", t -> r -> move(r, session(t, STARTED, 1), "held"), managers, 200, 404));
        ops.add(new Operation("cancelPartyDay", t -> r -> move(r, session(t, AHEAD, 1), "cancel"), managers, 200,
                404));

        // attendance: codes are shown while sign-in is open (the session started ten minutes ago)
        ops.add(new Operation("getPartyDaySignInCode", t -> r -> r.get("/v1/party-days/"
                + session(t, STARTED, 0).getString("id") + "/sign-in-code"), managers, 200, 404));
        ops.add(new Operation("signInToPartyDay", t -> r -> {
            String day = session(t, STARTED, 0).getString("id");
            String code = admin().get("/v1/party-days/" + day + "/sign-in-code").then().statusCode(200).extract()
                    .path("code");
            return r.body(Map.of("code", code)).post("/v1/party-days/" + day + "/attendance/sign-in");
        }, nobody, 200, 403));
        ops.add(new Operation("recordPartyDayAttendance", t -> r -> r.body(Map.of("status", "PRESENT"))
                .put("/v1/party-days/" + session(t, STARTED, 0).getString("id") + "/attendance/" + t.person()),
                managers, 200, 404));
        ops.add(new Operation("getPartyDayAttendance", t -> r -> r.get("/v1/party-days/"
                + session(t, STARTED, 0).getString("id") + "/attendance"), coverage, 200, 404));

        // ratings: by attendees' own accounts; asked before the lecture is looked at, so outside alike
        ops.add(new Operation("rateMicroLecture", t -> r -> r.body(Map.of("score", 5))
                .post("/v1/micro-lectures/" + delivered(t) + "/ratings"), nobody, 201, 403));

        // micro lectures and swaps
        ops.add(new Operation("listMyMicroLectures", t -> r -> r.get("/v1/micro-lectures"), everyone, 200, 200));
        ops.add(new Operation("getMicroLecture", t -> r -> r.get("/v1/micro-lectures/"
                + session(t, AHEAD, 1).getString("lectures[0].id")), everyone, 200, 404));
        ops.add(new Operation("reassignMicroLecture", t -> r -> {
            JsonPath day = session(t, AHEAD, 1);
            return r.header("If-Match", etag(day.getLong("lectures[0].version"))).body(Map.of("personId", t.person()))
                    .put("/v1/micro-lectures/" + day.getString("lectures[0].id") + "/speaker");
        }, managers, 200, 404));
        ops.add(new Operation("requestLectureSwap", t -> r -> r.body(Map.of("colleagueId", t.person()))
                .post("/v1/micro-lectures/" + spoken(t, AHEAD, speaker(t)) + "/swaps"), nobody, 201, 403));
        ops.add(new Operation("recordLectureDelivery", t -> r -> r.body(Map.of("delivered", true, "topic", "学习体会"))
                .post("/v1/micro-lectures/" + spoken(t, STARTED, t.person()) + "/delivery"), managers, 200, 404));
        ops.add(new Operation("listMyLectureSwaps", t -> r -> r.get("/v1/lecture-swaps"), everyone, 200, 200));
        // answering is the asked colleague's or the asking speaker's own: nobody else, whatever their role
        ops.add(new Operation("acceptLectureSwap", t -> r -> r.post("/v1/lecture-swaps/" + swap(t) + "/accept"),
                nobody, 200, 403));
        ops.add(new Operation("declineLectureSwap", t -> r -> r.post("/v1/lecture-swaps/" + swap(t) + "/decline"),
                nobody, 200, 403));
        ops.add(new Operation("withdrawLectureSwap", t -> r -> r.post("/v1/lecture-swaps/" + swap(t) + "/withdraw"),
                nobody, 200, 403));

        // rotations
        ops.add(new Operation("previewRotation", t -> r -> r.get("/v1/rotations/" + t.branch()), managers, 200, 404));
        ops.add(new Operation("applyRotation", t -> r -> {
            String plan = admin().get("/v1/rotations/" + t.branch()).then().statusCode(200).extract().path("planId");
            return r.body(Map.of("planId", plan)).post("/v1/rotations/" + t.branch() + "/apply");
        }, managers, 200, 404));
        ops.add(new Operation("getLectureCoverage", t -> r -> r.get("/v1/rotations/" + t.branch() + "/coverage"),
                coverage, 200, 404));
        ops.add(new Operation("getRotationSettings", t -> r -> r.get("/v1/rotations/" + t.branch() + "/settings"),
                everyone, 200, 404));
        // the first choice needs no If-Match and later ones the current ETag: read it just before
        ops.add(new Operation("changeRotationSettings", t -> r -> {
            String tag = admin().get("/v1/rotations/" + t.branch() + "/settings").then().statusCode(200).extract()
                    .header("ETag");
            return r.header("If-Match", tag).body(Map.of("newcomerDays", 30, "probationaryEligible", false))
                    .put("/v1/rotations/" + t.branch() + "/settings");
        }, managers, 200, 404));
        // a member sees their own absences only: these accounts have none to see
        ops.add(new Operation("listSpeakerAbsences", t -> r -> r.get("/v1/rotations/" + t.branch() + "/absences"),
                managers, 200, 404));
        ops.add(new Operation("createSpeakerAbsence", t -> r -> r.body(absenceBody(t))
                .post("/v1/rotations/" + t.branch() + "/absences"), managers, 201, 404));
        // another member's absence is out of sight of those who may not manage the branch's: not found
        ops.add(new Operation("deleteSpeakerAbsence", t -> r -> r.delete("/v1/rotations/" + t.branch() + "/absences/"
                + absence(t)), managers, 204, 404).refusedInside(Map.of(Roles.MEMBER, 404, Roles.GROUP_LEADER, 404,
                        Roles.INTEGRITY_OFFICER, 404)));
        ops.add(new Operation("listHostBlackouts", t -> r -> r.get("/v1/rotations/" + t.branch() + "/blackouts"),
                everyone, 200, 404));
        ops.add(new Operation("createHostBlackout", t -> r -> r.body(blackoutBody(t))
                .post("/v1/rotations/" + t.branch() + "/blackouts"), managers, 201, 404));
        ops.add(new Operation("deleteHostBlackout", t -> r -> r.delete("/v1/rotations/" + t.branch() + "/blackouts/"
                + blackout(t)), managers, 204, 404));

        // calendar feeds: a branch named in the body that the caller cannot see is refused like an unknown one (422)
        ops.add(new Operation("createCalendarFeed(BRANCH)", t -> r -> r.body(Map.of("scope", "BRANCH", "branchId",
                t.branch())).post("/v1/calendar-feeds"), everyone, 201, 422));
        ops.add(new Operation("createCalendarFeed(PERSON)", t -> r -> r.body(Map.of("scope", "PERSON"))
                .post("/v1/calendar-feeds"), nobody, 201, 403));
        ops.add(new Operation("listCalendarFeeds", t -> r -> r.get("/v1/calendar-feeds"), everyone, 200, 200));
        // a feed is revoked by the account that made it, whoever that is: here each caller's own (outside: of the
        // branch it sees)
        ops.add(new Operation("revokeCalendarFeed", t -> r -> r.delete("/v1/calendar-feeds/" + ownFeed(t, r)),
                everyone, 204, 204));
        // ...and another account's BRANCH feed by the branch's managers (a leaked address); not found for the rest
        ops.add(new Operation("revokeCalendarFeed(another's)", t -> r -> r.delete("/v1/calendar-feeds/"
                + feed(t).getString("id")), managers, 204, 404).refusedInside(Map.of(Roles.MEMBER, 404,
                Roles.GROUP_LEADER, 404, Roles.INTEGRITY_OFFICER, 404)));
        // the secret address is the credential: anyone holding it reads the calendar, with a token or without
        ops.add(new Operation("getCalendarFeed", t -> r -> r.accept("text/calendar").get(feed(t).getString("url")),
                everyone, 200, 200).anonymous(200));
        return ops;
    }

    private static RequestSpecification admin() {
        return Api.as(ADMIN, Roles.ORG_ADMIN);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A session of the branch starting this far from now, for two hours, with this many lecture slots. */
    private static Map<String, Object> sessionBody(String branch, Duration startsIn, int slots) {
        Instant startsAt = TestTime.now().plus(startsIn).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", "THEMED_PARTY_DAY");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        body.put("theme", "学习贯彻党的二十届三中全会精神");
        body.put("lectureSlots", slots);
        return body;
    }

    /** A fresh session of the tree's branch, planned by an org admin. */
    private static JsonPath session(Tree tree, Duration startsIn, int slots) {
        return admin().body(sessionBody(tree.branch(), startsIn, slots)).post("/v1/party-days").then().statusCode(201)
                .extract().jsonPath();
    }

    private static Response move(RequestSpecification caller, JsonPath day, String to) {
        return caller.header("If-Match", etag(day.getLong("version"))).post("/v1/party-days/" + day.getString("id")
                + "/" + to);
    }

    /** The slot of a fresh one-slot session, given by an org admin to this speaker. */
    private static String spoken(Tree tree, Duration startsIn, String speaker) {
        JsonPath day = session(tree, startsIn, 1);
        String lecture = day.getString("lectures[0].id");
        admin().header("If-Match", etag(day.getLong("lectures[0].version"))).body(Map.of("personId", speaker))
                .put("/v1/micro-lectures/" + lecture + "/speaker").then().statusCode(200);
        return lecture;
    }

    /** A new member of the tree's branch, without an account. */
    private static String speaker(Tree tree) {
        return OrgFixtures.person("讲者" + UUID.randomUUID().toString().substring(0, 4), tree.branch());
    }

    /** A lecture delivered by the tree's person at a session that started ten minutes ago. */
    private static String delivered(Tree tree) {
        String lecture = spoken(tree, STARTED, tree.person());
        admin().body(Map.of("delivered", true, "topic", "学习体会")).post("/v1/micro-lectures/" + lecture + "/delivery")
                .then().statusCode(200);
        return lecture;
    }

    /** A pending swap request: a new member of the branch, speaking at a fresh session, asks the tree's person. */
    private static String swap(Tree tree) {
        StudyFixtures.Member speaker = StudyFixtures.member(tree.branch());
        String lecture = spoken(tree, AHEAD, speaker.personId());
        return speaker.api().body(Map.of("colleagueId", tree.person())).post("/v1/micro-lectures/" + lecture + "/swaps")
                .then().statusCode(201).extract().path("id");
    }

    private static LocalDate inDays(int days) {
        return TestTime.today().plusDays(days);
    }

    /** Leave of a new member of the branch, well after the sessions made here. */
    private static Map<String, Object> absenceBody(Tree tree) {
        return Map.of("personId", OrgFixtures.person("请假" + UUID.randomUUID().toString().substring(0, 4),
                tree.branch()), "kind", "LEAVE", "from", inDays(400).toString(), "to", inDays(430).toString(),
                "reason", "产假");
    }

    private static String absence(Tree tree) {
        return admin().body(absenceBody(tree)).post("/v1/rotations/" + tree.branch() + "/absences").then()
                .statusCode(201).extract().path("id");
    }

    /** Days the tree's party group cannot host, well after the sessions made here. */
    private static Map<String, Object> blackoutBody(Tree tree) {
        return Map.of("unitId", tree.group(), "from", inDays(400).toString(), "to", inDays(410).toString(), "reason",
                "年中审计");
    }

    private static String blackout(Tree tree) {
        return admin().body(blackoutBody(tree)).post("/v1/rotations/" + tree.branch() + "/blackouts").then()
                .statusCode(201).extract().path("id");
    }

    /** A fresh feed of the tree's branch, made by an account of its own (an account keeps at most ten). */
    private static JsonPath feed(Tree tree) {
        return Api.as("feed-maker-" + UUID.randomUUID(), Roles.SECRETARY, UUID.fromString(tree.branch()))
                .body(Map.of("scope", "BRANCH", "branchId", tree.branch())).post("/v1/calendar-feeds").then()
                .statusCode(201).extract().jsonPath();
    }

    /**
     * A feed made by the caller's own account, of the tree's branch or else of the other one; for an anonymous
     * caller, an id no feed has.
     */
    private static String ownFeed(Tree tree, RequestSpecification caller) {
        Optional<String> token = token(caller);
        if (token.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        for (String branch : List.of(tree.branch(), tree.other())) {
            Response made = Api.bearer(token.get()).body(Map.of("scope", "BRANCH", "branchId", branch))
                    .post("/v1/calendar-feeds");
            if (made.statusCode() == 201) {
                return made.path("id");
            }
        }
        throw new IllegalStateException("the caller could make no feed of either branch");
    }

    private static Optional<String> token(RequestSpecification caller) {
        AuthenticationScheme scheme = SpecificationQuerier.query(caller).getAuthenticationScheme();
        return scheme instanceof PreemptiveOAuth2HeaderScheme oauth ? Optional.of(oauth.getAccessToken())
                : Optional.empty();
    }
}
