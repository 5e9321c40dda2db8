package cn.zhibu.lecture.minutes;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's latest held themed party day has archived minutes with a photo and an addendum, once. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class MinutesDemoDataTest {

    @Inject
    MinutesDemoData demo;

    @Test
    void theLatestHeldPartyDayHasArchivedMinutesWithAPhotoAndAnAddendum() {
        demo.load();
        demo.load();
        long held = Sql.count("select count(*) from party_day d join org_unit u on u.id = d.branch_id "
                + "where u.name = '示范区委组织部机关党支部' and d.state = 'HELD' and d.kind = 'THEMED_PARTY_DAY'");
        long written = Sql.count("select count(*) from minutes");
        if (held == 0) {
            assertEquals(0, written, "no session of the year is held yet: nothing to minute");
            return;
        }
        assertEquals(1, written, "added once");
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        String day = (String) Api.bearer(member).get("/v1/party-days?limit=100").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.state == 'HELD' && it.kind == 'THEMED_PARTY_DAY' }.id")
                .get((int) held - 1);
        Api.bearer(member).get("/v1/party-days/" + day + "/minutes").then().statusCode(200)
                .body("archived", equalTo(true)).body("topics", hasSize(3)).body("resolutions", hasSize(2))
                .body("addenda", hasSize(1)).body("attendance.present", equalTo(
                        (int) Sql.count("select count(*) from attendance where party_day_id = ?1 "
                                + "and status = 'PRESENT'", day)));
        String photo = Api.bearer(member).get("/v1/party-days/" + day + "/attachments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].contentType", equalTo("image/png")).extract()
                .path("items[0].id");
        byte[] served = Api.bearer(member).accept("*/*").get("/v1/party-days/" + day + "/attachments/" + photo).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(MinutesDemoData.photo(), served);
    }
}
