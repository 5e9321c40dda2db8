package cn.zhibu.points.imports;

import cn.zhibu.testing.Sql;
import static cn.zhibu.points.PointsFixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A points import of many people racing with those people's check-ins: neither waits for the other in the database
 * (each tries the person's ledger lock and backs off), so no deadlock, every check-in is made, every record credited
 * once, and each person's points add up.
 */
@QuarkusTest
class ImportRacingCheckInsTest {

    static final int PEOPLE = 20;
    static final int RECORDS_EACH = 25;
    /** General study and two materials: three check-ins a member (a fourth within a minute would be flagged). */
    static final int CHECK_INS_EACH = 3;

    @Test
    void anImportAndCheckInsOfTheSamePeopleBothFinishAndAddUp() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        StudyFixtures.rule(branch, "CHECK_IN", 1, null, null);
        StudyFixtures.rule(branch, "EXTERNAL_IMPORT", 1, null, null);
        List<String> materials = List.of(StudyFixtures.material(branch), StudyFixtures.material(branch));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Member member = StudyFixtures.member(branch);
            for (String material : materials) {
                member.api().post("/v1/study-materials/" + material + "/open").then().statusCode(200);
            }
            members.add(member);
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int r = 0; r < RECORDS_EACH; r++) { // in file order, person after person: every chunk meets them all
            for (Member member : members) {
                Map<String, Object> item = new HashMap<>();
                item.put("externalId", "race-" + tag + "-" + member.personId() + "-" + r);
                item.put("personId", member.personId());
                item.put("points", 2);
                item.put("date", today().minusDays(1 + r % 20).toString());
                items.add(item);
            }
        }
        long deadlocksBefore = deadlocks();

        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Future<Response>> checkIns = new ArrayList<>();
        Future<Response> imported;
        try {
            String importKey = UUID.randomUUID().toString();
            imported = pool.submit(() -> untilDone(() -> Api.as("race-secretary", Roles.SECRETARY,
                    UUID.fromString(branch)).header("Idempotency-Key", importKey).body(Map.of("items", items))
                    .post("/v1/points/imports"), "POINTS_IMPORT_PEOPLE_BUSY"));
            for (Member member : members) {
                List<Map<String, Object>> bodies = new ArrayList<>(List.of(Map.of("note", "学习党章")));
                materials.forEach(material -> bodies.add(Map.of("materialId", material)));
                for (Map<String, Object> body : bodies) {
                    String key = UUID.randomUUID().toString();
                    checkIns.add(pool.submit(() -> untilDone(() -> member.api().header("Idempotency-Key", key)
                            .body(body).post("/v1/check-ins"), "CHECK_IN_BUSY")));
                }
            }
            Response result = imported.get(5, TimeUnit.MINUTES);
            assertEquals(200, result.statusCode(), result.asString());
            assertEquals(PEOPLE * RECORDS_EACH, result.<Integer>path("credited") + result.<Integer>path("unchanged"));
            for (Future<Response> checkIn : checkIns) {
                Response made = checkIn.get(5, TimeUnit.MINUTES);
                assertEquals(201, made.statusCode(), made.asString());
                assertEquals(1, made.<Integer>path("checkIn.points"), made.asString());
            }
        } finally {
            pool.shutdownNow();
        }

        for (Member member : members) {
            assertEquals(RECORDS_EACH, Sql.count("select count(*) from points_import_record where person_id = ?1",
                    member.personId()), "each record credited once");
            assertEquals(CHECK_INS_EACH, Sql.count("select count(*) from check_in where person_id = ?1 "
                    + "and status = 'CREDITED'", member.personId()));
            assertEquals(RECORDS_EACH * 2L + CHECK_INS_EACH, Sql.count(
                    "select coalesce(sum(points), 0) from ledger_entry where person_id = ?1", member.personId()),
                    "the import's points and the check-ins' add up");
        }
        assertEquals(deadlocksBefore, deadlocks(), "PostgreSQL found no deadlock (40P01)");
    }

    /**
     * Sends a request until it is no longer refused as busy (a client's retry after Retry-After, here at once); an
     * answer of 5xx (a deadlock would be one) is returned as it is.
     */
    static Response untilDone(Supplier<Response> send, String busyCode) {
        for (int tries = 0; ; tries++) {
            Response response = send.get();
            boolean busy = response.statusCode() == 409 && busyCode.equals(response.path("code"));
            assertTrue(tries < 50, "still busy after 50 tries: " + response.asString());
            if (!busy) {
                return response;
            }
        }
    }

    static long deadlocks() {
        return Sql.count("select deadlocks from pg_stat_database where datname = current_database()");
    }
}
