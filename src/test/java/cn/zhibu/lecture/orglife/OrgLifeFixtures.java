package cn.zhibu.lecture.orglife;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Meetings, problems and rectification items for the organisational life tests. */
public final class OrgLifeFixtures {

    private OrgLifeFixtures() {
    }

    public static RequestSpecification secretary(String branch) {
        return Api.as("orglife-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    public static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    /**
     * The body of a new session of the branch (POST /v1/party-days), of this kind, starting this far from now, for
     * two hours. The one place that knows the shape of a session to create.
     */
    public static Map<String, Object> sessionBody(String branch, String kind, Duration startsIn) {
        Instant startsAt = TestTime.now().plus(startsIn).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", kind);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        body.put("theme", "2026年度组织生活会");
        body.put("lectureSlots", 0);
        return body;
    }

    /** A new session of the branch made by an org admin: its answer. */
    public static ValidatableResponse session(String branch, String kind, Duration startsIn) {
        return admin().body(sessionBody(branch, kind, startsIn)).post("/v1/party-days").then().statusCode(201);
    }

    /** An organisational life meeting of the branch that started ten minutes ago: its id. */
    public static String meeting(String branch) {
        return session(branch, "ORG_LIFE_MEETING", Duration.ofMinutes(-10)).extract().path("id");
    }

    /** The day the session is held. */
    public static LocalDate heldOn(String day) {
        return LocalDate.parse(admin().get("/v1/party-days/" + day).then().statusCode(200).extract().path("heldOn"));
    }

    public static Map<String, Object> problemBody(String subject, String person, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("personId", person);
        body.put("source", source);
        body.put("text", "理论学习不够系统，学用结合不紧密");
        return body;
    }

    public static Map<String, Object> itemBody(String owner, LocalDate dueOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("item", "制定个人学习计划，每月精读一篇重要讲话");
        body.put("ownerId", owner);
        body.put("dueOn", dueOn == null ? null : dueOn.toString());
        return body;
    }

    /** A new OPEN item of the meeting, owned by the person, due then: its answer. */
    public static ValidatableResponse item(String meeting, String owner, LocalDate dueOn) {
        return admin().body(itemBody(owner, dueOn)).post("/v1/party-days/" + meeting + "/rectifications").then()
                .statusCode(201);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static Map<String, Object> evidence() {
        return Map.of("evidence", "已制定学习计划并按月完成，学习笔记 12 篇", "links",
                java.util.List.of("https://www.12371.cn/a.shtml"));
    }
}
