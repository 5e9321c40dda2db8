package cn.zhibu.annual.campaign.decision;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Race;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Member appraisals (民主评议党员): grades of the campaign's scale, the best at most floor(share × ratees) or the
 * campaign's stricter quota; closing refused while a ratee is undecided; the member file's grade once closed. And
 * decisions at the quota's edge arriving at once: one wins.
 */
@QuarkusTest
class MemberAppraisalDecisionsApiTest {

    @Inject
    CampaignRows rows;

    @Inject
    DecisionRecords records;

    @Test
    void gradesWithinTheShareThenClosedIntoTheMemberFile() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Supplier<RequestSpecification> secretary = () -> Api.as("appraisal-secretary", Roles.SECRETARY, UUID.fromString(branch));
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.MEMBER_APPRAISAL, null, null,
                StageKind.DECISION);
        List<StudyFixtures.Member> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StudyFixtures.Member member = StudyFixtures.member(branch);
            members.add(member);
            rows.addRatee(campaign, UUID.fromString(member.personId()));
        }
        String path = "/v1/campaigns/" + campaign + "/decisions/";
        // 0.30 × 4 ratees: one 优秀
        secretary.get().body(Map.of("outcome", "优秀", "reason", "表现突出。")).put(path + members.get(0).personId()).then()
                .statusCode(200);
        problem(secretary.get().body(Map.of("outcome", "优秀", "reason", "也好。")).put(path + members.get(1).personId())
                .then(), 422, "DECISION_QUOTA_EXCEEDED");
        problem(secretary.get().body(Map.of("outcome", "SELECTED", "reason", "好。")).put(path + members.get(1).personId())
                .then(), 422, "DECISION_OUTCOME_INVALID");
        secretary.get().body(Map.of("outcome", "合格", "reason", "履职尽责。")).put(path + members.get(1).personId()).then()
                .statusCode(200);
        secretary.get().body(Map.of("outcome", "合格", "reason", "履职尽责。")).put(path + members.get(2).personId()).then()
                .statusCode(200);
        // the best grade moves from one to another: first given up, then given
        secretary.get().header("If-Match", "\"0\"").body(Map.of("outcome", "合格", "reason", "复议。"))
                .put(path + members.get(0).personId()).then().statusCode(200);
        secretary.get().header("If-Match", "\"0\"").body(Map.of("outcome", "优秀", "reason", "复议后评为优秀。"))
                .put(path + members.get(1).personId()).then().statusCode(200);

        assertEquals("CLOSING_DECISIONS_MISSING", assertThrows(ProblemException.class, () -> rows.close(campaign))
                .code().name());
        problem(members.get(3).api().get("/v1/campaigns/" + campaign + "/decisions").then(), 403,
                "DECISIONS_NOT_PUBLISHED");
        secretary.get().body(Map.of("outcome", "基本合格", "reason", "参加组织生活不够经常。"))
                .put(path + members.get(3).personId()).then().statusCode(200);
        rows.close(campaign);

        int year = TestTime.today().getYear();
        assertEquals("优秀", records.appraisalGradeOf(UUID.fromString(members.get(1).personId()), year));
        assertEquals("基本合格", records.appraisalGradeOf(UUID.fromString(members.get(3).personId()), year));
        assertNull(records.appraisalGradeOf(UUID.fromString(members.get(3).personId()), year - 1));
        // once closed, a member sees the best grades and their own
        members.get(3).api().get("/v1/campaigns/" + campaign + "/decisions").then().statusCode(200)
                .body("items", hasSize(2)).body("items.outcome", equalTo(List.of("优秀", "基本合格")));
        problem(secretary.get().body(Map.of("outcome", "合格", "reason", "好。")).put(path + members.get(3).personId())
                .then(), 409, "DECISION_CLOSED");
    }

    @Test
    void theCampaignsOwnQuotaAppliesWhereStricter() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Supplier<RequestSpecification> secretary = () -> Api.as("appraisal-secretary", Roles.SECRETARY, UUID.fromString(branch));
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.MEMBER_APPRAISAL, 0, new BigDecimal("0.5"),
                StageKind.DECISION);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        rows.addRatee(campaign, UUID.fromString(member.personId()));
        problem(secretary.get().body(Map.of("outcome", "优秀", "reason", "好。"))
                .put("/v1/campaigns/" + campaign + "/decisions/" + member.personId()).then(), 422,
                "DECISION_QUOTA_EXCEEDED");
        secretary.get().get("/v1/campaigns/" + campaign + "/decisions").then().statusCode(200)
                .body("quota.outcome", equalTo("优秀")).body("quota.most", equalTo(0));
    }

    @Test
    void twoSelectedAtTheQuotasEdgeAtOnceOneWins() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.STAR_SELECTION, 1, null,
                StageKind.NOMINATION);
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            StudyFixtures.Member member = StudyFixtures.member(branch);
            member.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。"))
                    .post("/v1/campaigns/" + campaign + "/nominations").then().statusCode(201);
            candidates.add(member.personId());
        }
        rows.open(campaign, StageKind.DECISION);
        String token = TestAccounts.token(TestAccounts.account("race-secretary", UUID.fromString(branch),
                Roles.SECRETARY));
        List<Callable<Response>> requests = candidates.stream().<Callable<Response>>map(person -> () ->
                Api.bearer(token)
                        .body(Map.of("outcome", "SELECTED", "reason", "事迹突出。"))
                        .put("/v1/campaigns/" + campaign + "/decisions/" + person)).toList();
        List<Integer> statuses = Race.race(requests).stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 422), statuses);
        assertEquals(1, Sql.count("select count(*) from campaign_decision where campaign_id = ?1 "
                + "and outcome = 'SELECTED'", campaign.toString()));
    }
}
