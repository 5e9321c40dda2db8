package cn.zhibu.annual.campaign;

import static cn.zhibu.annual.campaign.CampaignFixtures.body;
import static cn.zhibu.annual.campaign.CampaignFixtures.secretary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.lecture.orglife.OrgLifeFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * Work done again plans no query again. Hibernate 7.2 keys a native query's cached plan by its SQL and its result
 * mapping, and a mapping to a scalar class ({@code createNativeQuery(sql, UUID.class)}) never equals the last one:
 * every run added a plan under the same hash, up to the cache's 2,048, and each lookup then compared them all
 * (requests that raise notices took ten times longer once the cache was full). Single-column native queries therefore
 * name no result class; the JDBC type gives the Java one (uuid → UUID, text → String, bigint → Long).
 */
@QuarkusTest
class RepeatedWorkPlansTest {

    @Inject
    EntityManagerFactory factory;

    @Test
    void makingCampaignsAndSessionsAgainPlansNothingNew() {
        String branch = CampaignFixtures.branch();
        CampaignFixtures.members(branch, 6);
        work(branch);
        work(branch);
        int planned = plans();
        work(branch);
        work(branch);
        work(branch);
        assertEquals(planned, plans(), "query plans cached after the same work was done again");
    }

    private void work(String branch) {
        Map<String, Object> campaign = body(branch, "MEMBER_APPRAISAL", TestTime.now().plus(Duration.ofDays(1)), 24, 24,
                24);
        campaign.put("quotaShare", 0.25);
        secretary(branch).body(campaign).post("/v1/campaigns").then().statusCode(201);
        OrgLifeFixtures.session(branch, "ORG_LIFE_MEETING", Duration.ofDays(3));
    }

    private int plans() {
        return factory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
