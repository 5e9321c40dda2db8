package cn.zhibu.platform.problem;

import cn.zhibu.testing.Sql;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON is read as written: no trailing content, no key twice, no numbers or strings in each other's places. */
@QuarkusTest
class StrictJsonTest {

    private static RequestSpecification admin() {
        return Api.as("strict-json-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    @Test
    void trailingContentAndDuplicateKeysAreMalformed() {
        problem(admin().body("{\"date\": \"2031-10-01\", \"kind\": \"HOLIDAY\", \"name\": \"国庆节\"} xyz")
                .post("/v1/calendar-days").then(), 400, "MALFORMED_JSON");
        problem(admin().body("{\"date\": \"2031-10-02\", \"kind\": \"HOLIDAY\", \"name\": \"国庆节\", \"name\": \"又一次\"}")
                .post("/v1/calendar-days").then(), 400, "MALFORMED_JSON");
        assertEquals(0, Sql.count("select count(*) from calendar_day where day between '2031-10-01' and "
                + "'2031-10-02'"));
    }

    @Test
    void numbersAndTextAreNotCoercedIntoEachOther() {
        problem(admin().body("{\"date\": \"2031-10-03\", \"kind\": \"HOLIDAY\", \"name\": 123}").post("/v1/calendar-days")
                .then(), 400, "VALIDATION_FAILED").body("errors[0].field", equalTo("name"));
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        for (String seconds : new String[] {"1.5", "\"900\"", "true"}) {
            problem(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"note\": \"学习\", \"studySeconds\": " + seconds + "}").post("/v1/check-ins").then(), 400,
                    "VALIDATION_FAILED").body("errors[0].field", equalTo("studySeconds"));
        }
        assertEquals(0, Sql.count("select count(*) from check_in where person_id = ?1", member.personId()));
    }

    @Test
    void idsDatesAndEnumsAreReadAsSent() {
        String[] days = {"\"+999999999-12-31\"", "12345", "\"\"", "\" 2031-10-04\"", "\"2031-10-04\\u0000\""};
        for (String day : days) {
            problem(admin().body("{\"date\": " + day + ", \"kind\": \"HOLIDAY\", \"name\": \"假日\"}")
                    .post("/v1/calendar-days").then(), 400, "VALIDATION_FAILED").body("errors[0].field", equalTo("date"));
        }
        for (String kind : new String[] {"0", "\"\"", "\"HOLIDAY \"", "\"HOLIDAY\\u0000\""}) {
            problem(admin().body("{\"date\": \"2031-10-05\", \"kind\": " + kind + ", \"name\": \"假日\"}")
                    .post("/v1/calendar-days").then(), 400, "VALIDATION_FAILED").body("errors[0].field", equalTo("kind"));
        }
        String branch = OrgFixtures.unit("BRANCH", null);
        for (String unit : new String[] {"\"\"", "\"" + branch + "\\u0000\"", "\" " + branch + "\""}) {
            problem(admin().body("{\"name\": \"看板\", \"scopes\": [\"people:read\"], \"unitId\": " + unit + "}")
                    .post("/v1/api-clients").then(), 400, "VALIDATION_FAILED").body("errors[0].field", equalTo("unitId"));
        }
        assertEquals(0, Sql.count("select count(*) from calendar_day where day between '2031-10-04' and "
                + "'2031-10-05'"));
    }

    @Test
    void flagsAndDatesInQueriesAreStrict() {
        problem(Api.as("strict-json-admin", Roles.ORG_ADMIN).urlEncodingEnabled(false)
                .get("/v1/org-units?includeArchived=maybe").then(), 400, "INVALID_PARAMETER");
        problem(Api.as("strict-json-admin", Roles.ORG_ADMIN).urlEncodingEnabled(false)
                .get("/v1/calendar-days?from=%2B999999999-12-31").then(), 400, "INVALID_PARAMETER");
        Api.as("strict-json-admin", Roles.ORG_ADMIN).get("/v1/org-units?includeArchived=true").then().statusCode(200);
    }
}
