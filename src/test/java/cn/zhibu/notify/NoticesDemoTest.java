package cn.zhibu.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's inboxes hold notices of several kinds, raised as the capabilities raise them. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class NoticesDemoTest {

    @Inject
    NoticeDigests digests;

    @Inject
    cn.zhibu.platform.time.BusinessCalendar calendar;

    @Test
    void demoPeopleHaveNoticesOfSeveralKinds() {
        Set<String> kinds = new HashSet<>();
        for (String externalId : List.of("DEMO-1001", "DEMO-1002", "DEMO-1010")) {
            String token = Api.anonymous().body(Map.of("externalId", externalId)).post("/v1/sessions/demo").then()
                    .statusCode(200).extract().path("accessToken");
            List<String> seen = Api.bearer(token).get("/v1/me/notifications").then().statusCode(200).extract()
                    .path("items.kind");
            kinds.addAll(seen);
        }
        System.out.println("Demo inbox kinds: " + kinds + "; notices raised: "
                + Sql.count("select count(*) from notification"));
        assertTrue(kinds.contains("REVIEWS_WAITING"), "the secretary's digest: " + kinds);
        assertTrue(kinds.size() >= 3, "several kinds: " + kinds);
    }

    @Test
    void aSecondRunOfTheDigestsOnTheSameDayRaisesNothingNew() {
        long before = Sql.count("select count(*) from notification");
        long digestsBefore = Sql.count("select count(*) from notification where kind in ('REVIEWS_WAITING', "
                + "'INTEGRITY_OVERDUE')");
        int raised = digests.raise(calendar.now(), true);
        assertTrue(raised >= 2, "the demo's digests have people to tell: " + raised);
        assertTrue(digestsBefore >= 2);
        assertEquals(before, Sql.count("select count(*) from notification"));
    }
}
