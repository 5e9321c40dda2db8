package cn.zhibu.annual.campaign.decision;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.annual.StarsSelected;
import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A star selection (组工之星) through its decision side: nominations by oneself and by units, the candidates' cards,
 * decisions within the quota, objections in publicity and their answers, and the closing that makes the stars
 * stand; and that a candidate never learns who objected.
 */
@QuarkusTest
class StarSelectionApiTest {

    @Inject
    CampaignRows rows;

    @Inject
    DecisionRecords records;

    @Test
    void nominatedDecidedPublicisedObjectedAnsweredAndClosed() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        StudyFixtures.Member star = StudyFixtures.member(branch);
        StudyFixtures.Member other = StudyFixtures.member(branch);
        StudyFixtures.Member third = StudyFixtures.member(branch);
        StudyFixtures.Member objector = StudyFixtures.member(branch);
        StudyFixtures.Member second = StudyFixtures.member(branch);
        Supplier<RequestSpecification> secretary = () -> Api.as("star-secretary", Roles.SECRETARY, UUID.fromString(branch));
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.STAR_SELECTION, 1, null,
                StageKind.NOMINATION);
        String path = "/v1/campaigns/" + campaign;
        List<String> seenByStar = new ArrayList<>();

        // by oneself, with a self-evaluation and deeds; by the branch and by a party group below it
        seenByStar.add(star.api().body(Map.of("selfEvaluation", "认真履职。", "deeds", "完成年度档案审核。"))
                .post(path + "/nominations").then().statusCode(201).header("ETag", notNullValue())
                .body("nominatedBy", equalTo("SELF")).body("personId", equalTo(star.personId())).extract().asString());
        secretary.get().body(Map.of("personId", other.personId(), "nominatedByUnitId", branch)).post(path + "/nominations")
                .then().statusCode(201).body("nominatedBy", equalTo("UNIT")).body("nominatedByUnitId", equalTo(branch))
                .body("selfEvaluation", nullValue());
        secretary.get().body(Map.of("personId", third.personId(), "nominatedByUnitId", group)).post(path + "/nominations")
                .then().statusCode(201).body("nominatedByUnitId", equalTo(group));
        assertEquals(3, Sql.count("select count(*) from campaign_ratee where campaign_id = ?1", campaign.toString()));

        // the cards: how nominated, their words, the year's record as one input, eligibility
        String cards = star.api().get(path + "/candidates").then().statusCode(200).body("items", hasSize(3))
                .body("items[0].personId", equalTo(star.personId())).body("items[0].deeds", equalTo("完成年度档案审核。"))
                .body("items[0].record.year", equalTo(TestTime.today().getYear()))
                .body("items[0].record.points", equalTo(0)).body("items[0].record.ratingBand", equalTo("合格"))
                .body("items[0].record.attendance.expected", equalTo(0))
                .body("items[0].record.studyHours.required", notNullValue())
                .body("items[0].eligibility", nullValue())
                .body("items[2].nominatedBy", equalTo("UNIT")).extract().asString();
        seenByStar.add(cards);
        secretary.get().get(path + "/candidates").then().statusCode(200)
                .body("items[0].eligibility.eligible", equalTo(true));

        // decisions: SELECTED within the quota of one; over it, nothing stored
        rows.open(campaign, StageKind.DECISION);
        problem(star.api().get(path + "/decisions").then(), 403, "DECISIONS_NOT_PUBLISHED");
        secretary.get().body(Map.of("outcome", "SELECTED", "reason", "事迹突出。")).put(path + "/decisions/" + star.personId())
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("outcome", equalTo("SELECTED"));
        problem(secretary.get().body(Map.of("outcome", "SELECTED", "reason", "也很好。"))
                .put(path + "/decisions/" + other.personId()).then(), 422, "DECISION_QUOTA_EXCEEDED");
        assertEquals(1, Sql.count("select count(*) from campaign_decision where campaign_id = ?1", campaign.toString()));
        secretary.get().body(Map.of("outcome", "NOT_SELECTED", "reason", "名额所限。"))
                .put(path + "/decisions/" + other.personId()).then().statusCode(200);
        secretary.get().body(Map.of("outcome", "NOT_SELECTED", "reason", "名额所限。"))
                .put(path + "/decisions/" + third.personId()).then().statusCode(200);
        // replacing takes the decision's version
        problem(secretary.get().body(Map.of("outcome", "SELECTED", "reason", "改。")).put(path + "/decisions/"
                + star.personId()).then(), 428, "PRECONDITION_REQUIRED");
        problem(secretary.get().header("If-Match", "\"7\"").body(Map.of("outcome", "SELECTED", "reason", "改。"))
                .put(path + "/decisions/" + star.personId()).then(), 412, "PRECONDITION_FAILED");
        secretary.get().header("If-Match", "\"0\"").body(Map.of("outcome", "SELECTED", "reason", "事迹突出，群众公认。"))
                .put(path + "/decisions/" + star.personId()).then().statusCode(200).body("version", equalTo(1));
        secretary.get().get(path + "/decisions").then().statusCode(200).body("items", hasSize(3))
                .body("quota.most", equalTo(1)).body("quota.given", equalTo(1));

        // publicity: members see the stars and their own decision; objections by members
        rows.open(campaign, StageKind.PUBLICITY);
        other.api().get(path + "/decisions").then().statusCode(200).body("items", hasSize(2))
                .body("quota", nullValue());
        seenByStar.add(star.api().get(path + "/decisions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].reason", equalTo("事迹突出，群众公认。")).extract().asString());
        objector.api().body(Map.of("personId", star.personId(), "text", "该同志今年两次未参加主题党日。"))
                .post(path + "/objections").then().statusCode(201).body("own", equalTo(true))
                .body("objectorId", nullValue());
        second.api().body(Map.of("personId", star.personId(), "text", "请核实事迹材料。"))
                .post(path + "/objections").then().statusCode(201);
        objector.api().get(path + "/objections").then().statusCode(200).body("items", hasSize(1));
        seenByStar.add(star.api().get(path + "/objections").then().statusCode(200).body("items", hasSize(0))
                .extract().asString());
        JsonPath all = secretary.get().get(path + "/objections").then().statusCode(200).body("items", hasSize(2))
                .body("items[0].objectorId", equalTo(objector.personId()))
                .body("items[0].objectorName", notNullValue()).extract().jsonPath();

        // closing, over the engine's endpoint: refused while publicity lasts, then while an objection is unanswered
        problem(closing(secretary, path), 409, "CLOSING_PUBLICITY_NOT_OVER");
        rows.open(campaign, null);
        problem(closing(secretary, path), 409, "CAMPAIGN_OBJECTION_UNANSWERED");
        assertEquals(1, Sql.count("select count(*) from campaign where id = ?1 and state = 'OPEN'", campaign.toString()));
        for (int i = 0; i < 2; i++) {
            secretary.get().header("If-Match", "\"" + all.getLong("items[" + i + "].version") + "\"")
                    .body(Map.of("answer", "经核实，情况属实但不影响评选。"))
                    .put(path + "/objections/" + all.getString("items[" + i + "].id") + "/answer").then().statusCode(200)
                    .body("answeredAt", notNullValue());
        }
        closing(secretary, path).statusCode(200).body("state", equalTo("CLOSED"));
        StarsSelected selected = rows.stars().stream().filter(s -> s.campaignId().equals(campaign)).findFirst()
                .orElseThrow();
        assertEquals(List.of(UUID.fromString(star.personId())), selected.people());
        assertEquals(TestTime.today().getYear() + "年度“组工之星”", selected.title());
        int year = TestTime.today().getYear();
        assertTrue(records.starOf(UUID.fromString(star.personId()), year));
        assertFalse(records.starOf(UUID.fromString(other.personId()), year));
        assertFalse(records.starOf(UUID.fromString(star.personId()), year - 1));
        // the member file shows the star and the honour the closing entered
        star.api().get("/v1/people/" + star.personId() + "/file?year=" + year).then().statusCode(200)
                .body("annual.star", equalTo(true)).body("annual.appraisalGrade", nullValue())
                .body("annual.honours.title", hasItem(year + "年度“组工之星”"))
                .body("annual.honours.level", hasItem("支部"));
        other.api().get("/v1/people/" + other.personId() + "/file?year=" + year).then().statusCode(200)
                .body("annual.star", equalTo(false)).body("annual.honours", hasSize(0));
        problem(secretary.get().header("If-Match", "\"1\"").body(Map.of("answer", "再答。"))
                .put(path + "/objections/" + all.getString("items[0].id") + "/answer").then(), 409,
                "OBJECTION_ANSWER_CLOSED");

        // secrecy: nothing the candidate was answered names who objected, or who decided
        seenByStar.add(star.api().get(path + "/candidates").then().statusCode(200).extract().asString());
        seenByStar.add(star.api().get(path + "/decisions").then().statusCode(200).extract().asString());
        seenByStar.add(star.api().get(path + "/objections").then().statusCode(200).extract().asString());
        for (String body : seenByStar) {
            assertFalse(body.contains(objector.personId()) || body.contains(second.personId()), body);
            assertFalse(body.contains("decidedBy") || body.contains("objectorName\":\""), body);
        }
    }

    @Test
    void nominationsRefuseBadInputAndNothingIsStored() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String elsewhere = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member colleague = StudyFixtures.member(branch);
        StudyFixtures.Member outsider = StudyFixtures.member(elsewhere);
        Supplier<RequestSpecification> secretary = () -> Api.as("star-secretary", Roles.SECRETARY, UUID.fromString(branch));
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.STAR_SELECTION, null, null,
                StageKind.NOMINATION);
        String path = "/v1/campaigns/" + campaign + "/nominations";

        problem(member.api().body(Map.of("selfEvaluation", "认真履职。")).post(path).then(), 422,
                "NOMINATION_SELF_TEXT_REQUIRED");
        problem(member.api().body(Map.of("selfEvaluation", " ", "deeds", "事迹。")).post(path).then(), 422,
                "NOMINATION_SELF_TEXT_REQUIRED");
        problem(member.api().body(Map.of("personId", colleague.personId(), "selfEvaluation", "好。", "deeds", "事迹。"))
                .post(path).then(), 422, "NOMINATION_NEEDS_UNIT");
        problem(secretary.get().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。")).post(path).then(), 403,
                "PARTICIPANT_NOT_A_PERSON");
        problem(secretary.get().body(Map.of("personId", member.personId(), "nominatedByUnitId", elsewhere)).post(path).then(),
                422, "NOMINATING_UNIT_INVALID");
        problem(secretary.get().body(Map.of("personId", outsider.personId(), "nominatedByUnitId", branch)).post(path).then(),
                422, "NOMINEE_NOT_MEMBER");
        member.api().body(Map.of("selfEvaluation", "x".repeat(2001), "deeds", "事迹。")).post(path).then()
                .statusCode(400);
        member.api().body(Map.of("selfEvaluation", "好。", "deeds", "x".repeat(5001))).post(path).then()
                .statusCode(400);
        member.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹\u0000。")).post(path).then().statusCode(400);
        // someone else's campaign is not found
        problem(outsider.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。")).post(path).then(), 404,
                "NOT_FOUND");
        problem(Api.as("star-secretary", Roles.SECRETARY, UUID.fromString(elsewhere))
                .body(Map.of("personId", member.personId(), "nominatedByUnitId", branch)).post(path).then(), 404,
                "NOT_FOUND");
        // a member of the branch nominates only in the branch's name if they manage it
        problem(colleague.api().body(Map.of("personId", member.personId(), "nominatedByUnitId", branch)).post(path)
                .then(), 403, "FORBIDDEN");
        assertEquals(0, Sql.count("select count(*) from campaign_nomination where campaign_id = ?1",
                campaign.toString()));

        // once per person; a disciplinary entry of the year makes a nominee ineligible
        String nomination = member.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。")).post(path).then()
                .statusCode(201).extract().path("id");
        problem(secretary.get().body(Map.of("personId", member.personId(), "nominatedByUnitId", branch)).post(path).then(),
                409, "NOMINATION_EXISTS");
        Discipline.record(colleague.personId(), branch);
        problem(secretary.get().body(Map.of("personId", colleague.personId(), "nominatedByUnitId", branch)).post(path).then(),
                422, "NOMINEE_DISCIPLINED");
        assertEquals(1, Sql.count("select count(*) from campaign_ratee where campaign_id = ?1", campaign.toString()));
        // a card shows the committee the rule a nominee fails now, and members nothing of it
        Discipline.record(member.personId(), branch);
        member.api().get("/v1/campaigns/" + campaign + "/candidates").then().statusCode(200)
                .body("items[0].eligibility", nullValue());
        secretary.get().get("/v1/campaigns/" + campaign + "/candidates").then().statusCode(200)
                .body("items[0].eligibility.eligible", equalTo(false))
                .body("items[0].eligibility.failedRules", equalTo(List.of("NO_DISCIPLINE_IN_YEAR")));

        // withdrawn by the nominee only (or the nominating unit's manager), while nominations are open
        problem(colleague.api().delete(path + "/" + nomination).then(), 403, "NOMINATION_NOT_YOURS");
        problem(secretary.get().delete(path + "/" + nomination).then(), 403, "NOMINATION_NOT_YOURS");
        problem(member.api().delete(path + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        rows.open(campaign, StageKind.PEER_EVALUATION);
        problem(member.api().delete(path + "/" + nomination).then(), 409, "NOMINATION_CLOSED");
        problem(colleague.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。")).post(path).then(), 409,
                "NOMINATION_CLOSED");
        rows.open(campaign, StageKind.NOMINATION);
        member.api().delete(path + "/" + nomination).then().statusCode(204);
        assertEquals(0, Sql.count("select count(*) from campaign_ratee where campaign_id = ?1", campaign.toString()));
        // a unit's nomination is withdrawn by its manager
        String byUnit = secretary.get().body(Map.of("personId", StudyFixtures.member(branch).personId(), "nominatedByUnitId", branch)).post(path)
                .then().statusCode(201).extract().path("id");
        secretary.get().delete(path + "/" + byUnit).then().statusCode(204);

        // other kinds of campaign take no nominations
        UUID appraisal = rows.create(UUID.fromString(branch), CampaignType.MEMBER_APPRAISAL, null, null,
                StageKind.SELF_EVALUATION);
        problem(member.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。"))
                .post("/v1/campaigns/" + appraisal + "/nominations").then(), 409, "NOMINATION_CLOSED");
    }

    @Test
    void decisionsAndObjectionsRefuseBadInput() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member candidate = StudyFixtures.member(branch);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        Supplier<RequestSpecification> secretary = () -> Api.as("star-secretary", Roles.SECRETARY, UUID.fromString(branch));
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.STAR_SELECTION, null, null,
                StageKind.NOMINATION);
        String path = "/v1/campaigns/" + campaign;
        candidate.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。")).post(path + "/nominations").then()
                .statusCode(201);
        String decide = path + "/decisions/" + candidate.personId();
        problem(secretary.get().body(Map.of("outcome", "SELECTED", "reason", "好。")).put(decide).then(), 409,
                "DECISION_CLOSED");
        rows.open(campaign, StageKind.DECISION);
        problem(secretary.get().body(Map.of("outcome", "优秀", "reason", "好。")).put(decide).then(), 422,
                "DECISION_OUTCOME_INVALID");
        problem(secretary.get().body(Map.of("outcome", "SELECTED", "reason", "好。"))
                .put(path + "/decisions/" + member.personId()).then(), 422, "DECISION_NOT_A_RATEE");
        secretary.get().body(Map.of("outcome", "SELECTED", "reason", " ")).put(decide).then().statusCode(400);
        secretary.get().body(Map.of("outcome", "SELECTED")).put(decide).then().statusCode(400);
        secretary.get().body(Map.of("outcome", "SELECTED", "reason", "x".repeat(1001))).put(decide).then().statusCode(400);
        problem(member.api().body(Map.of("outcome", "SELECTED", "reason", "好。")).put(decide).then(), 403, "FORBIDDEN");
        // a first decision with an If-Match names a version that does not exist
        problem(secretary.get().header("If-Match", "\"0\"").body(Map.of("outcome", "SELECTED", "reason", "好。")).put(decide)
                .then(), 412, "PRECONDITION_FAILED");
        assertEquals(0, Sql.count("select count(*) from campaign_decision where campaign_id = ?1", campaign.toString()));

        problem(member.api().body(Map.of("personId", candidate.personId(), "text", "异议。")).post(path + "/objections")
                .then(), 409, "OBJECTION_CLOSED");
        rows.open(campaign, StageKind.PUBLICITY);
        problem(member.api().body(Map.of("personId", member.personId(), "text", "异议。")).post(path + "/objections")
                .then(), 422, "OBJECTION_NOT_A_CANDIDATE");
        member.api().body(Map.of("personId", candidate.personId(), "text", "")).post(path + "/objections").then()
                .statusCode(400);
        member.api().body(Map.of("personId", candidate.personId(), "text", "x".repeat(2001)))
                .post(path + "/objections").then().statusCode(400);
        member.api().body(Map.of("text", "异议。")).post(path + "/objections").then().statusCode(400);
        problem(secretary.get().body(Map.of("personId", candidate.personId(), "text", "异议。")).post(path + "/objections")
                .then(), 403, "PARTICIPANT_NOT_A_PERSON");
        String objection = member.api().body(Map.of("personId", candidate.personId(), "text", "异议。"))
                .post(path + "/objections").then().statusCode(201).extract().path("id");
        problem(member.api().header("If-Match", "\"0\"").body(Map.of("answer", "答。"))
                .put(path + "/objections/" + objection + "/answer").then(), 403, "FORBIDDEN");
        problem(secretary.get().body(Map.of("answer", "答。")).put(path + "/objections/" + objection + "/answer").then(),
                428, "PRECONDITION_REQUIRED");
        secretary.get().header("If-Match", "\"0\"").body(Map.of("answer", "")).put(path + "/objections/" + objection
                + "/answer").then().statusCode(400);
        problem(secretary.get().header("If-Match", "\"0\"").body(Map.of("answer", "答。"))
                .put(path + "/objections/" + UUID.randomUUID() + "/answer").then(), 404, "NOT_FOUND");
        assertEquals(1, Sql.count("select count(*) from campaign_objection where campaign_id = ?1 "
                + "and answer is null", campaign.toString()));
    }

    @Test
    void aCandidateOnTheCommitteeNeverAnswersAnObjectionToThemself() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member candidate = StudyFixtures.member(branch);
        StudyFixtures.Member objector = StudyFixtures.member(branch);
        StudyFixtures.grant(candidate, Roles.SECRETARY, branch);
        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.STAR_SELECTION, 1, null,
                StageKind.PUBLICITY);
        rows.nominate(campaign, UUID.fromString(candidate.personId()), UUID.fromString(branch));
        UUID objection = rows.object(campaign, UUID.fromString(candidate.personId()),
                UUID.fromString(objector.personId()));
        String answer = "/v1/campaigns/" + campaign + "/objections/" + objection + "/answer";
        problem(candidate.api().header("If-Match", "\"0\"").body(Map.of("answer", "不属实。")).put(answer).then(), 403,
                "FORBIDDEN");
        assertEquals(1, Sql.count("select count(*) from campaign_objection where id = ?1 and answer is null",
                objection.toString()));
        Api.as("objection-secretary", Roles.SECRETARY, UUID.fromString(branch)).header("If-Match", "\"0\"")
                .body(Map.of("answer", "经核实，不影响评选。")).put(answer).then().statusCode(200);
    }

    /** Closes the campaign through the engine's endpoint, naming its current version. */
    private static ValidatableResponse closing(Supplier<RequestSpecification> as, String path) {
        String etag = as.get().get(path).then().statusCode(200).extract().header("ETag");
        return as.get().header("If-Match", etag).post(path + "/closing").then();
    }
}
