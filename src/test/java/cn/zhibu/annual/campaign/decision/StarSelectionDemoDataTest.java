package cn.zhibu.annual.campaign.decision;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.annual.StarsSelected;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Last year's star selection of the demo branch: nominated, decided, objected to, answered and closed, once. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class StarSelectionDemoDataTest {

    @Inject
    StarSelectionDemoData demo;

    @Inject
    CampaignRows rows;

    @Inject
    DecisionRecords records;

    @Test
    void lastYearsStarsStandAndTheCampaignIsAddedOnce() {
        demo.load();
        demo.load();
        int year = TestTime.today().getYear() - 1;
        assertEquals(1, Sql.count("select count(*) from campaign where type = 'STAR_SELECTION' and year = ?1 "
                + "and state = 'CLOSED'", year));
        String campaign = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/campaigns/" + campaignId(year)
                + "/decisions").then().statusCode(200).body("items", hasSize(4)).body("quota.most", equalTo(2))
                .body("quota.given", equalTo(2)).extract().path("campaignId");
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/campaigns/" + campaign + "/candidates").then().statusCode(200)
                .body("items", hasSize(4)).body("items[0].nominatedBy", equalTo("SELF"));
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/campaigns/" + campaign + "/objections").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].answer", org.hamcrest.Matchers.notNullValue());
        StarsSelected stars = rows.stars().stream().filter(s -> s.campaignId().toString().equals(campaign))
                .findFirst().orElseThrow();
        assertEquals(2, stars.people().size());
        assertTrue(records.starOf(stars.people().get(0), year));
        assertEquals(List.of(), rows.stars().stream().filter(s -> s.campaignId().toString().equals(campaign))
                .skip(1).toList());
    }

    private static UUID campaignId(int year) {
        return UUID.fromString(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                        .createNativeQuery("select cast(id as varchar) from campaign where type = 'STAR_SELECTION' "
                                + "and year = :year").setParameter("year", year).getSingleResult().toString()));
    }
}
