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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text with a control character (NUL, which PostgreSQL cannot store, among them) is refused in every JSON body as
 * 400 VALIDATION_FAILED naming the field, and nothing is stored; tabs and line breaks pass to the fields' own rules.
 */
@QuarkusTest
class ControlCharactersTest {

    @Test
    void aNulOrOtherControlCharacterInAnyTextIsRefusedNamingTheField() {
        String branch = OrgFixtures.unit("BRANCH", null);
        for (String bad : new String[] {"张\u0000三", "张\u0001三", "张三\u001b", "张三\u0008"}) {
            Map<String, Object> person = OrgFixtures.personBody(bad, branch);
            problem(Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(person).post("/v1/people").then(), 400, "VALIDATION_FAILED")
                    .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("CONTROL_CHARACTER"));
        }
        assertEquals(0, Sql.count("select count(*) from membership where org_unit_id = ?1", branch),
                "nobody stored");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "支部\u0000", "shortName", "支部", "kind", "BRANCH")).post("/v1/org-units").then(),
                400, "VALIDATION_FAILED").body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("CONTROL_CHARACTER"));
        // a nested field is named by its path
        StudyFixtures.Member member = StudyFixtures.member(branch);
        problem(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("note", "今天学习了\u0000")).post("/v1/check-ins").then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("note")).body("errors[0].code", equalTo("CONTROL_CHARACTER"));
        assertEquals(0, Sql.count("select count(*) from check_in where person_id = ?1", member.personId()));
    }
}
