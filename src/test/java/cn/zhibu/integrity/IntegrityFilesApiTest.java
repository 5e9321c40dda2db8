package cn.zhibu.integrity;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files over HTTP: opened, appended to, read for a purpose, verified; each request audited once. */
@QuarkusTest
class IntegrityFilesApiTest {

    @Test
    void anOfficerKeepsAFileAndEachRequestLeavesOneAuditRow() {
        String branch = IntegrityFixtures.branch();
        String cadre = IntegrityFixtures.cadre(branch);
        String file = IntegrityFixtures.file(branch, cadre);
        assertEquals(1, IntegrityFixtures.auditRows(file));
        String profile = IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("李建国"));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(null));
        String discipline = IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
        assertEquals(4, IntegrityFixtures.auditRows(file));

        IntegrityFixtures.officer(branch).queryParam("purpose", "PROMOTION_REVIEW")
                .queryParam("purposeDetail", "拟提任区委组织部部长").get("/v1/integrity-files/" + file)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("file.entryCount", equalTo(3)).body("file.profileDue", nullValue())
                .body("entries.id", contains(profile, discipline))
                .body("entries[0].content.idNumber", equalTo("11010519800504123X"));
        IntegrityFixtures.officer(branch).queryParam("purpose", "AUDIT").queryParam("purposeDetail", "档案检查")
                .get("/v1/integrity-files/" + file).then().statusCode(200)
                .body("entries", hasSize(3)).body("entries[0].content", nullValue());
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(3));
        assertEquals(7, IntegrityFixtures.auditRows(file));
        assertEquals(1, Sql.count("select count(*) from integrity_audit where file_id = ?1 and purpose = "
                + "'PROMOTION_REVIEW' and cardinality(entry_ids) = 2 and purpose_detail = '拟提任区委组织部部长'", file));

        // refusals: an org admin without the officer role, the cadre themself, an anonymous caller, no purpose
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("purpose", "AUDIT").queryParam("purposeDetail", "检查")
                .get("/v1/integrity-files/" + file).then().statusCode(403);
        Api.anonymous().get("/v1/integrity-files/" + file).then().statusCode(401);
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file).then().statusCode(400)
                .body("code", equalTo("INTEGRITY_PURPOSE_REQUIRED"));
        assertEquals(10, IntegrityFixtures.auditRows(file));
        assertEquals(3, Sql.count("select count(*) from integrity_audit where file_id = ?1 and outcome = "
                + "'REFUSED'", file));
    }

    @Test
    void theCadreAndADeclaredRelativeAreRecused() {
        String branch = IntegrityFixtures.branch();
        StudyFixtures.Member officerCadre = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        StudyFixtures.Member spouse = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        String file = IntegrityFixtures.file(branch, officerCadre.personId());
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(spouse.personId()));
        for (StudyFixtures.Member recused : new StudyFixtures.Member[] {officerCadre, spouse}) {
            recused.api().queryParam("purpose", "PERIODIC_REVIEW").queryParam("purposeDetail", "年度检查")
                    .get("/v1/integrity-files/" + file).then().statusCode(403)
                    .body("code", equalTo("INTEGRITY_RECUSED"));
        }
        assertEquals(2, Sql.count("select count(*) from integrity_audit where file_id = ?1 and reason = "
                + "'INTEGRITY_RECUSED'", file));
        spouse.api().get("/v1/integrity-files").then().statusCode(200).body("items.id", org.hamcrest.Matchers
                .not(org.hamcrest.Matchers.hasItem(file)));
    }

    @Test
    void anOfficersAccountOfNoKnownPersonHandlesNoFileAsNobodyCouldJudgeItsRecusal() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        var staff = Api.as("staff-officer-" + branch, Roles.INTEGRITY_OFFICER, java.util.UUID.fromString(branch));
        staff.queryParam("purpose", "AUDIT").queryParam("purposeDetail", "检查").get("/v1/integrity-files/" + file)
                .then().statusCode(403).body("code", equalTo("INTEGRITY_NOT_A_PERSON"));
        Api.as("staff-officer-" + branch, Roles.INTEGRITY_OFFICER, java.util.UUID.fromString(branch))
                .get("/v1/integrity-files").then().statusCode(403).body("code", equalTo("INTEGRITY_NOT_A_PERSON"));
        Api.as("staff-officer-" + branch, Roles.INTEGRITY_OFFICER, java.util.UUID.fromString(branch))
                .body(Map.of("content", IntegrityFixtures.discipline())).post("/v1/integrity-files/" + file + "/entries")
                .then().statusCode(403).body("code", equalTo("INTEGRITY_NOT_A_PERSON"));
        assertEquals(2, Sql.count("select count(*) from integrity_audit where file_id = ?1 and reason = "
                + "'INTEGRITY_NOT_A_PERSON'", file));
    }

    @Test
    void aPersonMadeALeadingCadreGetsAFileDueAMonthLater() {
        String branch = IntegrityFixtures.branch();
        Map<String, Object> body = cn.zhibu.testing.OrgFixtures.personBody("任命干部", branch);
        body.put("leadingCadre", true);
        String person = Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", java.util.UUID.randomUUID()
                .toString()).body(body).post("/v1/people").then().statusCode(201).extract().path("id");
        assertEquals(1, Sql.count("select count(*) from integrity_file where person_id = ?1 and "
                + "opened_reason = 'APPOINTMENT' and profile_due = appointed_on + interval '1 month'", person));
    }
}
