package cn.zhibu.lecture.lecturers;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.LectureDemoData;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The demo branch's party lectures: one by a leading cadre, held; one by an invited professor, ahead. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class LecturerDemoDataTest {

    @Inject
    LectureDemoData lectures;

    @Inject
    LecturerDemoData demo;

    @Test
    void theDemoBranchHasALectureByACadreAndOneByAProfessor() {
        lectures.load();
        demo.load();
        demo.load();
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        int year = TestTime.today().getYear();
        JsonPath days = Api.bearer(member).queryParam("from", (year - 1) + "-12-01").queryParam("limit", 100)
                .get("/v1/party-days").then().statusCode(200).extract().jsonPath();
        List<String> ids = days.getList("items.findAll { it.kind == 'PARTY_LECTURE' }.id");
        assertEquals(2, ids.size(), "loaded once");
        JsonPath cadre = Api.bearer(member).get("/v1/party-days/" + ids.get(0) + "/lecturers").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(cadre.getString("items[0].personName") != null);
        JsonPath guest = Api.bearer(member).get("/v1/party-days/" + ids.get(1) + "/lecturers").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("武汉大学马克思主义学院", guest.getString("items[0].guest.organisation"));
        problem(Api.bearer(member).body(Map.of("guest", Map.of("name", "李明"), "topic", "x"))
                .post("/v1/party-days/" + ids.get(1) + "/lecturers").then(), 403, "FORBIDDEN");
    }

    @Test
    void everyCodeHasItsTextsInEachLanguage() throws IOException {
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = LecturerDemoDataTest.class.getResourceAsStream("/" + file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (LecturerProblem kind : LecturerProblem.values()) {
                for (String part : new String[] {".title", ".detail"}) {
                    assertTrue(messages.containsKey(kind.name() + part), kind.name() + part + " missing in " + file);
                }
            }
        }
    }
}
