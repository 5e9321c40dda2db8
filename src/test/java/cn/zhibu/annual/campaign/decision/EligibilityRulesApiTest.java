package cn.zhibu.annual.campaign.decision;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The eligibility rules as settings: a minimum rating band of the year's points (here 良好, 60 points under the
 * default bands), and the rule on disciplinary entries turned off.
 */
@QuarkusTest
@TestProfile(EligibilityRulesApiTest.GoodBandNoDisciplineRule.class)
class EligibilityRulesApiTest {

    public static class GoodBandNoDisciplineRule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibu.star-selection.minimum-band", "良好",
                    "zhibu.star-selection.no-discipline-in-year", "false");
        }
    }

    @Inject
    CampaignRows rows;

    @Test
    void aNomineeBelowTheMinimumBandIsRefusedOneWithADisciplinaryEntryIsNot() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Supplier<RequestSpecification> secretary = () -> Api.as("band-secretary", Roles.SECRETARY,
                UUID.fromString(branch));
        StudyFixtures.Member member = StudyFixtures.member(branch);
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.STAR_SELECTION, null, null,
                StageKind.NOMINATION);
        String path = "/v1/campaigns/" + campaign + "/nominations";
        Map<String, Object> self = Map.of("selfEvaluation", "好。", "deeds", "事迹。");

        problem(member.api().body(self).post(path).then(), 422, "NOMINEE_BAND_TOO_LOW")
                .body("detail", org.hamcrest.Matchers.containsString("良好"));
        // 70 points of the year earn 良好
        StudyFixtures.rule(branch, "MANUAL_AWARD", 100, null, null);
        secretary.get().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", member.personId(), "points", 70, "reason", "年度重点工作"))
                .post("/v1/points/awards").then().statusCode(201);
        Discipline.record(member.personId(), branch);
        member.api().body(self).post(path).then().statusCode(201);
        member.api().get("/v1/campaigns/" + campaign + "/candidates").then().statusCode(200)
                .body("items[0].record.points", equalTo(70)).body("items[0].record.ratingBand", equalTo("良好"))
                .body("items[0].record.year", equalTo(TestTime.today().getYear()))
                .body("items[0].eligibility", nullValue());
    }
}
