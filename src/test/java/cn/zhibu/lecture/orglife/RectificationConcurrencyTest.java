package cn.zhibu.lecture.orglife;

import static cn.zhibu.lecture.orglife.OrgLifeFixtures.etag;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.evidence;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.heldOn;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.item;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.meeting;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.secretary;
import static cn.zhibu.testing.Race.race;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Changes of one rectification item at once: of those naming the same version, one applies. */
@QuarkusTest
class RectificationConcurrencyTest {

    @Test
    void twoClosesNamingTheSameVersionCloseOnce() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        String owner = OrgFixtures.person("整改人", branch);
        String day = meeting(branch);
        for (int round = 0; round < 5; round++) {
            String id = item(day, owner, heldOn(day).plusDays(7)).extract().path("id");
            String close = "/v1/party-days/" + day + "/rectifications/" + id + "/close";
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RequestSpecification caller = secretary(branch).header("If-Match", etag(0)).body(evidence());
                requests.add(() -> caller.post(close));
            }
            List<Response> responses = race(requests);
            assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
            assertEquals(1, responses.stream().filter(r -> r.statusCode() == 412
                    && "PRECONDITION_FAILED".equals(r.path("code"))).count());
            assertEquals(1, Sql.count("select count(*) from rectification where id = ?1 and state = 'DONE' "
                    + "and version = 1", id));
        }
    }
}
