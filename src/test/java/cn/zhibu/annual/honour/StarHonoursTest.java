package cn.zhibu.annual.honour;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.annual.StarsSelected;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stars of a closed star selection (组工之星) enter the honours with the closing, once per campaign and star. */
@QuarkusTest
class StarHonoursTest {

    /** Fires the event in a transaction of its own, as the closing of a campaign does. */
    @ApplicationScoped
    static class Closing {

        @Inject
        Event<StarsSelected> stars;

        @Transactional
        void close(StarsSelected selected) {
            stars.fire(selected);
        }

        @Transactional
        void closeAndFail(StarsSelected selected) {
            stars.fire(selected);
            throw new IllegalStateException("the closing failed after its observers");
        }
    }

    @Inject
    Closing closing;

    @Test
    void eachStarGetsOneBranchHonourAwardedByTheUnitAndEnteringThemAgainAddsNothing() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member first = StudyFixtures.member(branch);
        StudyFixtures.Member second = StudyFixtures.member(branch);
        UUID campaign = campaign(branch);
        StarsSelected selected = new StarsSelected(campaign, UUID.fromString(branch), 2026, "2026年度“组工之星”",
                List.of(UUID.fromString(first.personId()), UUID.fromString(second.personId())));
        try {
            closing.closeAndFail(selected);
        } catch (IllegalStateException expected) {
            // rolled back with the closing
        }
        assertEquals(0, Sql.count("select count(*) from honour where campaign_id = ?1", campaign));
        closing.close(selected);
        closing.close(selected);
        assertEquals(2, Sql.count("select count(*) from honour where campaign_id = ?1", campaign));
        String unitName = cn.zhibu.testing.Api.as("org-admin", cn.zhibu.platform.security.Roles.ORG_ADMIN)
                        .get("/v1/org-units/" + branch).then().extract().path("name");
        first.api().get("/v1/people/" + first.personId() + "/honours").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].title", equalTo("2026年度“组工之星”"))
                .body("items[0].level", equalTo("BRANCH")).body("items[0].levelLabel", equalTo("支部"))
                .body("items[0].awardedBy", equalTo(unitName)).body("items[0].year", equalTo(2026))
                .body("items[0].campaignId", equalTo(campaign.toString()));
        // it stands as the campaign decided: the secretary neither changes nor deletes it
        String honour = first.api().get("/v1/people/" + first.personId() + "/honours").then().extract()
                .path("items[0].id");
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> secretary = () ->
                cn.zhibu.testing.Api.as("star-honour-secretary", cn.zhibu.platform.security.Roles.SECRETARY,
                        UUID.fromString(branch));
        secretary.get().delete("/v1/honours/" + honour).then().statusCode(409)
                .body("code", equalTo("HONOUR_FROM_CAMPAIGN"));
        secretary.get().header("If-Match", "\"0\"").body(java.util.Map.of("title", "改", "level", "DISTRICT",
                "year", 2025, "awardedBy", "某单位")).put("/v1/honours/" + honour).then().statusCode(409)
                .body("code", equalTo("HONOUR_FROM_CAMPAIGN"));
        assertEquals(2, Sql.count("select count(*) from honour where campaign_id = ?1 and title = '2026年度“组工之星”'",
                campaign));
    }

    /** A closed star selection of the branch. */
    static UUID campaign(String branch) {
        UUID id = UUID.randomUUID();
        Sql.execute("insert into campaign (id, unit_id, year, type, title, scale, quota_count, state, closed_at, "
                + "version, created_by, created_at, updated_at) values (?1, ?2, 2026, 'STAR_SELECTION', "
                + "'2026年度组工之星评选', array['好', '较好', '一般'], 2, 'CLOSED', now(), 0, 'test', now(), now())",
                id, branch);
        return id;
    }
}
