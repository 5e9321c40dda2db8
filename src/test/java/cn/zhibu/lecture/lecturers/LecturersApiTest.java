package cn.zhibu.lecture.lecturers;

import static cn.zhibu.lecture.lecturers.LecturerFixtures.guest;
import static cn.zhibu.lecture.lecturers.LecturerFixtures.lecture;
import static cn.zhibu.lecture.lecturers.LecturerFixtures.person;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.admin;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.etag;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.secretary;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lecturers of a party lecture: a person of zhibu (一人讲) or an invited guest, with topic and materials. */
@QuarkusTest
class LecturersApiTest {

    @Test
    void aPartyLectureHasAMemberAndAGuestAsLecturersInOrder() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String cadre = OrgFixtures.person("王部长", branch);
        String day = lecture(branch, "PARTY_LECTURE", Duration.ofDays(3));
        String path = "/v1/party-days/" + day + "/lecturers";
        String first = secretary(branch).body(person(cadre, "深入学习贯彻全会精神")).post(path).then().statusCode(201)
                .header("ETag", equalTo(etag(0))).body("personName", equalTo("王部长")).body("guest", nullValue())
                .body("order", equalTo(1)).extract().path("id");
        String second = secretary(branch).body(guest("李明", "新时代党的建设")).post(path).then().statusCode(201)
                .body("guest.organisation", equalTo("武汉大学马克思主义学院")).body("personId", nullValue())
                .body("order", equalTo(2)).extract().path("id");
        member.api().get(path).then().statusCode(200).body("items.id", equalTo(List.of(first, second)))
                .body("items[0].materials", equalTo(List.of("https://www.12371.cn/a.shtml")));
        member.api().get(path + "/" + second).then().statusCode(200).header("ETag", equalTo(etag(0)));
        member.api().header("If-None-Match", etag(0)).get(path + "/" + second).then().statusCode(304);
        // the cadre comes after the guest now
        Map<String, Object> change = person(cadre, "深入学习贯彻全会精神（修订）");
        change.put("order", 3);
        secretary(branch).header("If-Match", etag(0)).body(change).put(path + "/" + first).then().statusCode(200)
                .body("order", equalTo(3)).body("topic", equalTo("深入学习贯彻全会精神（修订）"))
                .header("ETag", equalTo(etag(1)));
        problem(secretary(branch).header("If-Match", etag(0)).body(change).put(path + "/" + first).then(), 412,
                "PRECONDITION_FAILED");
        member.api().get(path).then().body("items.id", equalTo(List.of(second, first)));
        problem(member.api().header("If-Match", etag(1)).delete(path + "/" + first).then(), 403, "FORBIDDEN");
        secretary(branch).header("If-Match", etag(1)).delete(path + "/" + first).then().statusCode(204);
        assertEquals(1, Sql.count("select count(*) from party_lecturer where party_day_id = ?1", day));
        // an integrity lecture and a field teaching session have lecturers too
        secretary(branch).body(person(cadre, "以案为鉴 警钟长鸣")).post("/v1/party-days/"
                + lecture(branch, "INTEGRITY_EDUCATION", Duration.ofDays(4)) + "/lecturers").then().statusCode(201);
        secretary(branch).body(guest("讲解员", "红色教育基地现场教学")).post("/v1/party-days/"
                + lecture(branch, "FIELD_TEACHING", Duration.ofDays(5)) + "/lecturers").then().statusCode(201);
    }

    @Test
    void aLecturerIsAPersonOrANamedGuestAndBadOnesAreRefused() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String cadre = OrgFixtures.person("张处长", branch);
        String elsewhere = OrgFixtures.person("外单位领导", OrgFixtures.unit("BRANCH", null));
        String day = lecture(branch, "PARTY_LECTURE", Duration.ofDays(3));
        String path = "/v1/party-days/" + day + "/lecturers";
        Map<String, Object> neither = person(null, "专题党课");
        problem(secretary(branch).body(neither).post(path).then(), 422, "LECTURER_PERSON_OR_GUEST");
        Map<String, Object> both = guest("李明", "专题党课");
        both.put("personId", cadre);
        problem(secretary(branch).body(both).post(path).then(), 422, "LECTURER_PERSON_OR_GUEST");
        problem(secretary(branch).body(guest(" ", "专题党课")).post(path).then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(person(cadre, "")).post(path).then(), 400, "VALIDATION_FAILED");
        Map<String, Object> badLink = person(cadre, "专题党课");
        badLink.put("materials", List.of("javascript:alert(1)"));
        problem(secretary(branch).body(badLink).post(path).then(), 400, "VALIDATION_FAILED");
        // a person of another unit: out of a branch secretary's sight, named by an org admin who sees them
        problem(secretary(branch).body(person(elsewhere, "专题党课")).post(path).then(), 422,
                "LECTURER_PERSON_NOT_FOUND");
        problem(secretary(branch).body(person(java.util.UUID.randomUUID().toString(), "专题党课")).post(path).then(),
                422, "LECTURER_PERSON_NOT_FOUND");
        Sql.execute("update person set active = false where id = ?1", cadre);
        problem(admin().body(person(cadre, "专题党课")).post(path).then(), 422, "LECTURER_PERSON_NOT_FOUND");
        assertEquals(0, Sql.count("select count(*) from party_lecturer where party_day_id = ?1", day));
        admin().body(person(elsewhere, "专题党课")).post(path).then().statusCode(201);
        problem(admin().body(person(elsewhere, "再讲一次")).post(path).then(), 409, "LECTURER_ALREADY_LISTED");
        for (int i = 0; i < 4; i++) {
            secretary(branch).body(guest("嘉宾" + i, "专题党课")).post(path).then().statusCode(201);
        }
        problem(secretary(branch).body(guest("嘉宾5", "专题党课")).post(path).then(), 422, "LECTURERS_TOO_MANY");
        assertEquals(5, Sql.count("select count(*) from party_lecturer where party_day_id = ?1", day));

        String themed = lecture(branch, "THEMED_PARTY_DAY", Duration.ofDays(3));
        problem(secretary(branch).body(guest("李明", "专题党课")).post("/v1/party-days/" + themed + "/lecturers")
                .then(), 409, "LECTURER_WRONG_KIND");
    }

    @Test
    void onceHeldOnlyTheTopicAndMaterialsChangeAndACancelledSessionTakesNone() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String day = lecture(branch, "PARTY_LECTURE", Duration.ofMinutes(-10));
        String path = "/v1/party-days/" + day + "/lecturers";
        String id = secretary(branch).body(guest("李明", "专题党课")).post(path).then().statusCode(201).extract()
                .path("id");
        long version = admin().get("/v1/party-days/" + day).then().extract().jsonPath().getLong("version");
        admin().header("If-Match", etag(version)).post("/v1/party-days/" + day + "/held").then().statusCode(200);
        Map<String, Object> change = guest("李明", "专题党课（讲稿修订）");
        change.put("order", 1);
        change.put("materials", List.of("https://www.12371.cn/b.shtml"));
        secretary(branch).header("If-Match", etag(0)).body(change).put(path + "/" + id).then().statusCode(200)
                .body("topic", equalTo("专题党课（讲稿修订）"));
        Map<String, Object> other = guest("王五", "专题党课");
        other.put("order", 1);
        problem(secretary(branch).header("If-Match", etag(1)).body(other).put(path + "/" + id).then(), 409,
                "LECTURER_SESSION_HELD");
        change.put("order", 2);
        problem(secretary(branch).header("If-Match", etag(1)).body(change).put(path + "/" + id).then(), 409,
                "LECTURER_SESSION_HELD");
        problem(secretary(branch).body(guest("王五", "专题党课")).post(path).then(), 409, "LECTURER_SESSION_HELD");
        problem(secretary(branch).header("If-Match", etag(1)).delete(path + "/" + id).then(), 409,
                "LECTURER_SESSION_HELD");

        String cancelled = lecture(branch, "PARTY_LECTURE", Duration.ofDays(2));
        long v = admin().get("/v1/party-days/" + cancelled).then().extract().jsonPath().getLong("version");
        admin().header("If-Match", etag(v)).post("/v1/party-days/" + cancelled + "/cancel").then().statusCode(200);
        problem(secretary(branch).body(guest("李明", "专题党课")).post("/v1/party-days/" + cancelled + "/lecturers")
                .then(), 409, "PARTY_DAY_CLOSED");
    }
}
