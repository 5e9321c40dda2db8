package cn.zhibu.lecture.attendance;

import cn.zhibu.testing.Sql;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Sessions, codes and ledger figures for the attendance tests. */
final class AttendanceFixtures {

    private AttendanceFixtures() {
    }

    static RequestSpecification secretary(String branch) {
        return Api.as("attendance-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** A session of the branch from {@code startsIn} from now, for two hours, with this many lecture slots. */
    static String session(String branch, Duration startsIn, int slots) {
        Instant startsAt = TestTime.now().plus(startsIn);
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", "THEMED_PARTY_DAY");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        body.put("theme", "学习贯彻党的二十届三中全会精神");
        body.put("lectureSlots", slots);
        return secretary(branch).body(body).post("/v1/party-days").then().statusCode(201).extract().path("id");
    }

    /** A session of the branch that started ten minutes ago. */
    static String sessionNow(String branch) {
        return session(branch, Duration.ofMinutes(-10), 1);
    }

    static String code(String branch, String day) {
        return secretary(branch).get("/v1/party-days/" + day + "/sign-in-code").then().statusCode(200)
                .extract().path("code");
    }

    static Map<String, Object> signIn(String code) {
        return Map.of("code", code);
    }

    static long credits(String person) {
        return Sql.count("select count(*) from ledger_entry where person_id = ?1 "
                + "and activity_type = 'PARTY_DAY_ATTENDANCE' and reverses is null", person);
    }

    static long points(String person) {
        return Sql.count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1 "
                + "and activity_type = 'PARTY_DAY_ATTENDANCE'", person);
    }

    static long attendance(String day) {
        return Sql.count("select count(*) from attendance where party_day_id = ?1", day);
    }

    static long usedCodes(String day) {
        return Sql.count("select count(*) from sign_in_code where party_day_id = ?1 and used_by is not null",
                day);
    }
}
