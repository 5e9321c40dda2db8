package cn.zhibu.study.checkin;

import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.StudyFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Mobile retries and double taps: many parallel check-ins of one member for one thing and day make one. */
@QuarkusTest
class CheckInConcurrencyTest {

    record Answer(int status, String body) {
    }

    static List<Answer> inParallel(int count, java.util.function.IntFunction<Response> call) throws Exception {
        return inParallel(count, 25, call);
    }

    static List<Answer> inParallel(int count, int threads, java.util.function.IntFunction<Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    Response response = call.apply(n);
                    return new Answer(response.statusCode(), response.asString());
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyParallelCheckInsForOneMaterialAndDayCreditOnce() throws Exception {
        String branch = unit("BRANCH", unit("COMMITTEE", null));
        rule(branch, "CHECK_IN", 1, 10, null);
        Member member = member(branch);
        String material = material(branch);
        member.api().post("/v1/study-materials/" + material + "/open").then().statusCode(200);
        String token = TestAccounts.token(UUID.fromString(member.accountId()));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(UUID.randomUUID().toString());
        }

        List<Answer> answers = inParallel(50, i -> cn.zhibu.testing.Api.bearer(token)
                .header("Idempotency-Key", keys.get(i)).body(Map.of("materialId", material)).post("/v1/check-ins"));

        List<Answer> made = answers.stream().filter(a -> a.status() == 201).toList();
        assertEquals(1, made.size(), "exactly one check-in is made");
        String id = JsonPath.from(made.get(0).body()).getString("checkIn.id");
        assertEquals(1, JsonPath.from(made.get(0).body()).getInt("checkIn.points"));
        for (Answer answer : answers) {
            if (answer.status() != 201) {
                assertEquals(409, answer.status(), answer.body());
                // the day's check-in, or (under a long queue) "busy, retry": never a wait for a pooled connection
                String code = JsonPath.from(answer.body()).getString("code");
                assertTrue(Set.of("CHECK_IN_EXISTS", "CHECK_IN_BUSY").contains(code), answer.body());
                if (code.equals("CHECK_IN_EXISTS")) {
                    assertEquals(id, JsonPath.from(answer.body()).getString("existing.id"), "the answer shows the winner");
                }
            }
        }
        assertEquals(1, count("select count(*) from check_in where person_id = ?1 and material_id = ?2",
                member.personId(), material));
        assertEquals(1, count("select count(*) from ledger_entry where person_id = ?1", member.personId()));
        assertEquals(1, count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1",
                member.personId()));

        // the winner's retry replays its answer; a loser's retry is refused again
        int winner = answers.indexOf(made.get(0));
        cn.zhibu.testing.Api.bearer(token).header("Idempotency-Key", keys.get(winner))
                .body(Map.of("materialId", material)).post("/v1/check-ins").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("checkIn.id", org.hamcrest.Matchers.equalTo(id));
        cn.zhibu.testing.Api.bearer(token).header("Idempotency-Key", keys.get((winner + 1) % 50))
                .body(Map.of("materialId", material)).post("/v1/check-ins").then().statusCode(409);

        // twenty parallel sends of one request with one key (a double tap, retries): one check-in
        String key = UUID.randomUUID().toString();
        List<Answer> repeated = inParallel(20, i -> cn.zhibu.testing.Api.bearer(token).header("Idempotency-Key", key)
                .body(Map.of("note", "学习党章")).post("/v1/check-ins"));
        Set<String> ids = new HashSet<>();
        for (Answer answer : repeated) {
            if (answer.status() == 201) {
                ids.add(JsonPath.from(answer.body()).getString("checkIn.id"));
            } else {
                assertEquals(409, answer.status(), answer.body());
                assertEquals("IDEMPOTENCY_REQUEST_IN_PROGRESS", JsonPath.from(answer.body()).getString("code"));
            }
        }
        assertEquals(1, ids.size(), "every answer shows the same check-in");
        assertTrue(repeated.stream().anyMatch(a -> a.status() == 201));
        assertEquals(1, count("select count(*) from check_in where person_id = ?1 and material_id is null",
                member.personId()));
        assertEquals(2, count("select count(*) from ledger_entry where person_id = ?1", member.personId()));
    }

    @Test
    void oneMembersBurstOnManyMaterialsDoesNotStarveOtherMembers() throws Exception {
        String branch = unit("BRANCH", unit("COMMITTEE", null));
        rule(branch, "CHECK_IN", 1, null, null);
        Member busy = member(branch);
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            materials.add(material(branch));
        }
        List<Member> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(member(branch));
        }
        String busyToken = TestAccounts.token(UUID.fromString(busy.accountId()));
        List<String> otherTokens = others.stream().map(m -> TestAccounts.token(UUID.fromString(m.accountId()))).toList();

        // forty check-ins of one member on forty materials, and one general check-in of each of ten others, mixed
        List<Answer> answers = inParallel(50, 40, i -> {
            boolean mine = i % 5 != 0;
            int n = mine ? i - i / 5 - 1 : i / 5;
            Map<String, Object> body = mine ? Map.of("materialId", materials.get(n)) : Map.of("note", "学习党章");
            return cn.zhibu.testing.Api.bearer(mine ? busyToken : otherTokens.get(n))
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/v1/check-ins");
        });

        int credited = 0;
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            assertTrue(answer.status() < 500, answer.body());
            if (i % 5 == 0) {
                assertEquals(201, answer.status(), "another member's check-in is made: " + answer.body());
            } else if (answer.status() == 201) {
                credited++;
            } else {
                assertEquals(409, answer.status(), answer.body());
                assertEquals("CHECK_IN_BUSY", JsonPath.from(answer.body()).getString("code"));
            }
        }
        for (Member other : others) {
            assertEquals(1, count("select count(*) from check_in where person_id = ?1", other.personId()));
        }
        assertEquals(credited, count("select count(*) from check_in where person_id = ?1", busy.personId()),
                "each of the busy member's 201s is one check-in, the refused ones none");
        assertTrue(credited > 0);
    }
}
