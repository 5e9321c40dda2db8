package cn.zhibu.annual.pledge;

import static cn.zhibu.annual.pledge.PledgeFixtures.assessment;
import static cn.zhibu.annual.pledge.PledgeFixtures.etag;
import static cn.zhibu.annual.pledge.PledgeFixtures.pledgeId;
import static cn.zhibu.annual.pledge.PledgeFixtures.secretary;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The year-end review (践诺): the member's self-assessment of each standard signed, then the secretary's comment. */
@QuarkusTest
class PledgeReviewsApiTest {

    @Inject
    PledgeRecords records;

    @Test
    void aMemberAssessesEachStandardAndTheSecretaryComments() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member colleague = StudyFixtures.member(branch);
        String id = pledgeId(branch, 2025);
        String review = "/v1/pledges/" + id + "/reviews/" + member.personId();
        member.api().post("/v1/pledges/" + id + "/signatures").then().statusCode(201);
        member.api().get(review).then().statusCode(200).body("standards", equalTo(List.of()))
                .body("assessedAt", nullValue()).body("version", equalTo(0));
        member.api().body(assessment(3)).put(review + "/self-assessment").then().statusCode(200)
                .body("standards.standard", equalTo(List.of(1, 2, 3))).body("standards[0].grade", equalTo("KEPT"))
                .header("ETag", equalTo(etag(0)));
        // assessed again, at the version read
        Map<String, Object> again = Map.of("standards", List.of(Map.of("standard", 2, "text", "部分做到。",
                "grade", "PARTLY"), Map.of("standard", 1, "text", "做到。"), Map.of("standard", 3, "text", "做到。",
                "grade", "NOT_KEPT")));
        problem(member.api().header("If-Match", etag(7)).body(again).put(review + "/self-assessment").then(), 412,
                "PRECONDITION_FAILED");
        member.api().header("If-Match", etag(0)).body(again).put(review + "/self-assessment").then().statusCode(200)
                .body("standards[0].grade", nullValue()).body("standards[1].grade", equalTo("PARTLY"))
                .header("ETag", equalTo(etag(1)));
        assertEquals(new PledgeRecords.Review(false, null), records.reviewOf(UUID.fromString(member.personId()), 2025));
        // the secretary comments at that version; then the self-assessment stands
        problem(secretary(branch).header("If-Match", etag(0)).body(Map.of("comment", "认真践诺。"))
                .put(review + "/comment").then(), 412, "PRECONDITION_FAILED");
        secretary(branch).header("If-Match", etag(1)).body(Map.of("comment", "认真践诺，表现突出。"))
                .put(review + "/comment").then().statusCode(200).body("comment", equalTo("认真践诺，表现突出。"))
                .header("ETag", equalTo(etag(2)));
        problem(member.api().body(assessment(3)).put(review + "/self-assessment").then(), 409,
                "PLEDGE_REVIEW_COMMENTED");
        secretary(branch).get(review).then().statusCode(200).body("standards.size()", equalTo(3))
                .body("personName", equalTo(nameOf(member.personId())));
        assertEquals(new PledgeRecords.Review(true, "认真践诺，表现突出。"),
                records.reviewOf(UUID.fromString(member.personId()), 2025));
        // a secretary who signed the pledge too has another manager comment on their own review
        StudyFixtures.grant(colleague, cn.zhibu.platform.security.Roles.SECRETARY, branch);
        String own = "/v1/pledges/" + id + "/reviews/" + colleague.personId();
        colleague.api().post("/v1/pledges/" + id + "/signatures").then().statusCode(201);
        colleague.api().body(assessment(3)).put(own + "/self-assessment").then().statusCode(200);
        problem(colleague.api().header("If-Match", etag(0)).body(Map.of("comment", "自评属实。")).put(own + "/comment")
                .then(), 403, "FORBIDDEN");
        secretary(branch).header("If-Match", etag(0)).body(Map.of("comment", "属实。")).put(own + "/comment").then()
                .statusCode(200);
        // another member sees neither the review nor the member's pledges
        StudyFixtures.Member plain = StudyFixtures.member(branch);
        problem(plain.api().get(review).then(), 403, "FORBIDDEN");
        problem(plain.api().get("/v1/people/" + member.personId() + "/pledges").then(), 403, "FORBIDDEN");
        // the member's pledges by year: the one signed and reviewed, and this year's of the branch unsigned
        pledgeId(branch, 2026);
        member.api().get("/v1/people/" + member.personId() + "/pledges").then().statusCode(200)
                .body("items.year", equalTo(List.of(2026, 2025))).body("items[0].signedAt", nullValue())
                .body("items[1].reviewed", equalTo(true)).body("items[1].comment", equalTo("认真践诺，表现突出。"));
        secretary(branch).get("/v1/people/" + member.personId() + "/pledges").then().statusCode(200)
                .body("items.size()", equalTo(2));
    }

    @Test
    void badAssessmentsAndCommentsAreRefusedAndNothingIsStored() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member colleague = StudyFixtures.member(branch);
        String id = pledgeId(branch, 2025);
        String review = "/v1/pledges/" + id + "/reviews/" + member.personId();
        // before signing
        problem(member.api().body(assessment(3)).put(review + "/self-assessment").then(), 409, "PLEDGE_NOT_SIGNED");
        problem(member.api().get(review).then(), 404, "NOT_FOUND");
        member.api().post("/v1/pledges/" + id + "/signatures").then().statusCode(201);
        // someone else's, by a colleague or by the secretary
        problem(colleague.api().body(assessment(3)).put(review + "/self-assessment").then(), 403,
                "PLEDGE_REVIEW_NOT_YOURS");
        problem(secretary(branch).body(assessment(3)).put(review + "/self-assessment").then(), 403,
                "PLEDGE_NOT_A_PERSON");
        // a standard that does not exist, one missing, one twice, bad fields
        problem(member.api().body(assessment(4)).put(review + "/self-assessment").then(), 422,
                "PLEDGE_STANDARD_NOT_FOUND");
        problem(member.api().body(assessment(2)).put(review + "/self-assessment").then(), 422,
                "PLEDGE_ASSESSMENT_INCOMPLETE");
        problem(member.api().body(Map.of("standards", List.of(Map.of("standard", 1, "text", "a"), Map.of("standard",
                1, "text", "b"), Map.of("standard", 2, "text", "c")))).put(review + "/self-assessment").then(), 422,
                "PLEDGE_ASSESSMENT_INCOMPLETE");
        problem(member.api().body(Map.of("standards", List.of(Map.of("standard", 0, "text", "a"))))
                .put(review + "/self-assessment").then(), 400, "VALIDATION_FAILED");
        problem(member.api().body(Map.of("standards", List.of(Map.of("standard", 1, "text", "长".repeat(1001)))))
                .put(review + "/self-assessment").then(), 400, "VALIDATION_FAILED");
        problem(member.api().body(Map.of("standards", List.of(Map.of("standard", 1, "text", "a", "grade", "GOOD"))))
                .put(review + "/self-assessment").then(), 400, "VALIDATION_FAILED");
        problem(member.api().body(Map.of("standards", List.of())).put(review + "/self-assessment").then(), 400,
                "VALIDATION_FAILED");
        assertEquals(0, Sql.count("select count(*) from pledge_review where pledge_id = ?1", id));
        assertEquals(0, Sql.count("select count(*) from pledge_assessment where pledge_id = ?1", id));
        // a comment before the self-assessment, without If-Match, too long
        problem(secretary(branch).header("If-Match", etag(0)).body(Map.of("comment", "好。"))
                .put(review + "/comment").then(), 409, "PLEDGE_NOT_ASSESSED");
        member.api().body(assessment(3)).put(review + "/self-assessment").then().statusCode(200);
        problem(secretary(branch).body(Map.of("comment", "好。")).put(review + "/comment").then(), 428,
                "PRECONDITION_REQUIRED");
        problem(secretary(branch).header("If-Match", etag(0)).body(Map.of("comment", "长".repeat(2001)))
                .put(review + "/comment").then(), 400, "VALIDATION_FAILED");
        problem(member.api().header("If-Match", etag(0)).body(Map.of("comment", "自己点评。"))
                .put(review + "/comment").then(), 403, "FORBIDDEN");
        assertEquals(0, Sql.count("select count(*) from pledge_review where pledge_id = ?1 and comment is not null",
                id));
    }

    private static String nameOf(String person) {
        return cn.zhibu.testing.Api.as("org-admin", cn.zhibu.platform.security.Roles.ORG_ADMIN)
                .get("/v1/people/" + person).then().extract().path("name");
    }
}
