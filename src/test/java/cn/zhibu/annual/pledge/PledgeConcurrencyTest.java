package cn.zhibu.annual.pledge;

import static cn.zhibu.annual.pledge.PledgeFixtures.body;
import static cn.zhibu.annual.pledge.PledgeFixtures.etag;
import static cn.zhibu.annual.pledge.PledgeFixtures.pledgeId;
import static cn.zhibu.annual.pledge.PledgeFixtures.secretary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Race;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures race each other and the pledge's last change: one signature each, never of a text that then changes. */
@QuarkusTest
class PledgeConcurrencyTest {

    @Test
    void twoSignaturesOfOneMemberAtOnceLeaveOne() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String id = pledgeId(branch, 2026);
        List<Response> answers = Race.race(List.of(
                () -> member.api().post("/v1/pledges/" + id + "/signatures"),
                () -> member.api().post("/v1/pledges/" + id + "/signatures"),
                () -> member.api().post("/v1/pledges/" + id + "/signatures")));
        List<Integer> statuses = new ArrayList<>(answers.stream().map(Response::statusCode).toList());
        statuses.sort(null);
        assertEquals(List.of(201, 409, 409), statuses);
        assertEquals(1, Sql.count("select count(*) from pledge_signature where pledge_id = ?1", id));
    }

    @Test
    void aChangeRacingTheFirstSignatureNeverLeavesASignatureOfAnotherText() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        for (int round = 0; round < 5; round++) {
            String id = pledgeId(branch, 2030 + round);
            Map<String, Object> change = body(branch, 2030 + round);
            change.remove("unitId");
            change.remove("year");
            change.put("text", "改过的倡议书正文（第" + round + "轮）");
            List<Response> answers = Race.race(List.of(
                    () -> secretary(branch).header("If-Match", etag(0)).body(change).put("/v1/pledges/" + id),
                    () -> member.api().post("/v1/pledges/" + id + "/signatures")));
            int changed = answers.get(0).statusCode();
            assertEquals(201, answers.get(1).statusCode());
            assertTrue(changed == 200 || changed == 409, "change answered " + changed);
            // whatever won, the signature holds the text the pledge has now
            assertEquals(1, Sql.count("select count(*) from pledge_signature s join pledge p on p.id = s.pledge_id "
                    + "where p.id = ?1 and s.text = p.text and s.title = p.title and s.standards = p.standards", id));
            String signed = answers.get(1).jsonPath().getString("text");
            assertEquals(changed == 200 ? change.get("text") : body(branch, 0).get("text"), signed);
        }
    }
}
