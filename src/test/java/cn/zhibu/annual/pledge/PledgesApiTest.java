package cn.zhibu.annual.pledge;

import static cn.zhibu.annual.pledge.PledgeFixtures.admin;
import static cn.zhibu.annual.pledge.PledgeFixtures.body;
import static cn.zhibu.annual.pledge.PledgeFixtures.etag;
import static cn.zhibu.annual.pledge.PledgeFixtures.pledgeId;
import static cn.zhibu.annual.pledge.PledgeFixtures.secretary;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pledges (承诺书): written once per branch and year, signed once by each member, never changed once signed. */
@QuarkusTest
class PledgesApiTest {

    @Test
    void aSecretaryWritesThePledgeMembersSignItAndItsTextIsFrozen() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        StudyFixtures.Member member = StudyFixtures.member(branch, group);
        StudyFixtures.Member colleague = StudyFixtures.member(branch);
        String id = secretary(branch).body(body(branch, 2026)).post("/v1/pledges").then().statusCode(201)
                .header("ETag", equalTo(etag(0))).header("Location", containsString("/v1/pledges/"))
                .body("signed", equalTo(false)).body("standards.size()", equalTo(3)).extract().path("id");
        // a second of the same branch and year names the first
        problem(secretary(branch).body(body(branch, 2026)).post("/v1/pledges").then(), 409, "PLEDGE_EXISTS")
                .header("Location", equalTo("/v1/pledges/" + id)).body("detail", containsString(id));
        // changed before anyone signs
        Map<String, Object> change = body(branch, 2026);
        change.remove("unitId");
        change.remove("year");
        change.put("standards", List.of("坚定理想信念，做到对党忠诚", "坚持公道正派，做到清正廉洁"));
        secretary(branch).header("If-Match", etag(0)).body(change).put("/v1/pledges/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag(1))).body("standards.size()", equalTo(2));
        problem(secretary(branch).header("If-Match", etag(0)).body(change).put("/v1/pledges/" + id).then(), 412,
                "PRECONDITION_FAILED");
        // a member signs what stands now
        JsonPath signature = member.api().post("/v1/pledges/" + id + "/signatures").then().statusCode(201)
                .header("Location", endsWith("/v1/pledges/" + id + "/signatures/me"))
                .body("personId", equalTo(member.personId())).extract().jsonPath();
        assertEquals(List.of("坚定理想信念，做到对党忠诚", "坚持公道正派，做到清正廉洁"), signature.getList("standards"));
        assertEquals(independentHash(id, member.personId(), signature.getString("title"),
                signature.getString("text"), signature.getList("standards")), signature.getString("sha256"));
        // the stored text hashes to the stored hash
        assertEquals(1, Sql.count("select count(*) from pledge_signature where pledge_id = ?1 and person_id = ?2 "
                + "and text = ?3 and sha256 = ?4", id, member.personId(), signature.getString("text"),
                signature.getString("sha256")));
        member.api().get("/v1/pledges/" + id + "/signatures/me").then().statusCode(200)
                .body("sha256", equalTo(signature.getString("sha256")));
        problem(colleague.api().get("/v1/pledges/" + id + "/signatures/me").then(), 404, "NOT_FOUND");
        // signed: it never changes; the signature bumped the version
        problem(secretary(branch).header("If-Match", etag(2)).body(change).put("/v1/pledges/" + id).then(), 409,
                "PLEDGE_SIGNED");
        problem(member.api().post("/v1/pledges/" + id + "/signatures").then(), 409, "PLEDGE_ALREADY_SIGNED")
                .header("Location", equalTo("/v1/pledges/" + id + "/signatures/me"));
        assertEquals(1, Sql.count("select count(*) from pledge_signature where pledge_id = ?1", id));
        // the secretary sees how many have not signed; a member only how many have
        secretary(branch).get("/v1/pledges/" + id).then().statusCode(200).header("ETag", equalTo(etag(2)))
                .body("signed", equalTo(true)).body("signatureCount", equalTo(1)).body("unsignedCount", equalTo(1));
        colleague.api().get("/v1/pledges/" + id).then().statusCode(200).body("signatureCount", equalTo(1))
                .body("unsignedCount", nullValue());
        colleague.api().header("If-None-Match", etag(2)).get("/v1/pledges/" + id).then().statusCode(304);
        colleague.api().post("/v1/pledges/" + id + "/signatures").then().statusCode(201);
        secretary(branch).get("/v1/pledges/" + id + "/signatures").then().statusCode(200)
                .body("items.personId", equalTo(List.of(member.personId(), colleague.personId())));
        secretary(branch).get("/v1/pledges/" + id).then().body("unsignedCount", equalTo(0))
                .body("signatureCount", equalTo(2));
        // listed by unit and year
        pledgeId(branch, 2025);
        member.api().queryParam("unitId", branch).get("/v1/pledges").then().statusCode(200)
                .body("items.year", equalTo(List.of(2026, 2025)));
        member.api().queryParam("unitId", branch).queryParam("year", 2025).get("/v1/pledges").then()
                .body("items.year", equalTo(List.of(2025)));
        member.api().queryParam("unitId", branch).queryParam("limit", 1).get("/v1/pledges").then()
                .body("items.year", equalTo(List.of(2026))).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badPledgesAndSignaturesAreRefusedAndNothingIsStored() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String other = OrgFixtures.unit("BRANCH", committee);
        long before = Sql.count("select count(*) from pledge");
        Map<String, Object> blank = body(branch, 2026);
        blank.put("title", " ");
        problem(secretary(branch).body(blank).post("/v1/pledges").then(), 400, "VALIDATION_FAILED");
        Map<String, Object> tooMany = body(branch, 2026);
        List<String> standards = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            standards.add("第" + i + "条");
        }
        tooMany.put("standards", standards);
        problem(secretary(branch).body(tooMany).post("/v1/pledges").then(), 400, "VALIDATION_FAILED");
        Map<String, Object> none = body(branch, 2026);
        none.put("standards", List.of());
        problem(secretary(branch).body(none).post("/v1/pledges").then(), 400, "VALIDATION_FAILED");
        Map<String, Object> longOne = body(branch, 2026);
        longOne.put("standards", List.of("长".repeat(501)));
        problem(secretary(branch).body(longOne).post("/v1/pledges").then(), 400, "VALIDATION_FAILED");
        Map<String, Object> twoLines = body(branch, 2026);
        twoLines.put("standards", List.of("一行\n两行"));
        problem(secretary(branch).body(twoLines).post("/v1/pledges").then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(body(branch, 1999)).post("/v1/pledges").then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(body(branch, 2101)).post("/v1/pledges").then(), 400, "VALIDATION_FAILED");
        problem(admin().body(body(committee, 2026)).post("/v1/pledges").then(), 422, "PLEDGE_NOT_A_BRANCH");
        problem(secretary(branch).body(body(other, 2026)).post("/v1/pledges").then(), 422, "PLEDGE_UNIT_NOT_FOUND");
        problem(admin().body(body(UUID.randomUUID().toString(), 2026)).post("/v1/pledges").then(), 422,
                "PLEDGE_UNIT_NOT_FOUND");
        assertEquals(before, Sql.count("select count(*) from pledge"));
        // signing: by a person of the unit only
        String id = pledgeId(branch, 2026);
        problem(secretary(branch).post("/v1/pledges/" + id + "/signatures").then(), 403, "PLEDGE_NOT_A_PERSON");
        StudyFixtures.Member outsider = StudyFixtures.member(other);
        problem(outsider.api().post("/v1/pledges/" + id + "/signatures").then(), 404, "NOT_FOUND");
        // a member of the branch who is also given a role on the committee sees it, but is not a member of it
        StudyFixtures.Member cadre = StudyFixtures.member(other);
        StudyFixtures.grant(cadre, "SECRETARY", committee);
        problem(cadre.api().post("/v1/pledges/" + id + "/signatures").then(), 403, "PLEDGE_NOT_A_MEMBER");
        problem(admin().post("/v1/pledges/" + UUID.randomUUID() + "/signatures").then(), 404, "NOT_FOUND");
        assertEquals(0, Sql.count("select count(*) from pledge_signature where pledge_id = ?1", id));
        problem(secretary(branch).queryParam("unitId", branch).queryParam("year", "20x6").get("/v1/pledges").then(),
                400, "INVALID_PARAMETER");
        problem(secretary(branch).get("/v1/pledges").then(), 400, "INVALID_PARAMETER");
        // a change without If-Match is refused before anything else
        Map<String, Object> change = body(branch, 2026);
        change.remove("unitId");
        change.remove("year");
        problem(secretary(branch).body(change).put("/v1/pledges/" + id).then(), 428, "PRECONDITION_REQUIRED");
    }

    /** The documented canonical form, computed here on its own: netstrings of the parts, then SHA-256. */
    static String independentHash(String pledge, String person, String title, String text, List<String> standards)
            throws Exception {
        List<String> parts = new ArrayList<>(List.of("zhibu-pledge-signature/1", pledge, person, title, text,
                String.valueOf(standards.size())));
        parts.addAll(standards);
        StringBuilder form = new StringBuilder();
        for (String part : parts) {
            form.append(part.getBytes(StandardCharsets.UTF_8).length).append(':').append(part).append(',');
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(form.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
