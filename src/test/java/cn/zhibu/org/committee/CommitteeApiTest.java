package cn.zhibu.org.committee;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A branch's committee (支部委员会): set as a whole by its secretary, read by whoever sees the branch. */
@QuarkusTest
class CommitteeApiTest {

    private static RequestSpecification secretary(String branch) {
        return Api.as("committee-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    private static Map<String, Object> seat(StudyFixtures.Member member, String post) {
        return Map.of("personId", member.personId(), "post", post);
    }

    @Test
    void aSecretarySetsTheCommitteeAndMembersReadIt() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member secretary = StudyFixtures.member(branch);
        StudyFixtures.Member organisation = StudyFixtures.member(branch);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        member.api().get("/v1/org-units/" + branch + "/committee").then().statusCode(200)
                .body("branchId", equalTo(branch)).body("members", equalTo(List.of()));
        secretary(branch).body(Map.of("members", List.of(seat(secretary, "SECRETARY"), Map.of("personId",
                organisation.personId(), "post", "ORGANISATION", "since", "2026-01-01"))))
                .put("/v1/org-units/" + branch + "/committee").then().statusCode(200)
                .body("members.personId", equalTo(List.of(secretary.personId(), organisation.personId())))
                .body("members.position", equalTo(List.of(1, 2))).body("members[1].since", equalTo("2026-01-01"));
        member.api().get("/v1/org-units/" + branch + "/committee").then().statusCode(200)
                .body("members.post", equalTo(List.of("SECRETARY", "ORGANISATION")));
        problem(member.api().body(Map.of("members", List.of())).put("/v1/org-units/" + branch + "/committee").then(),
                403, "FORBIDDEN");
        // a new committee replaces the old one whole
        secretary(branch).body(Map.of("members", List.of(seat(organisation, "SECRETARY"))))
                .put("/v1/org-units/" + branch + "/committee").then().statusCode(200)
                .body("members.personId", equalTo(List.of(organisation.personId())));
    }

    @Test
    void aCommitteeOfStrangersTwoSecretariesOrRepeatsIsRefusedAndChangesNothing() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        StudyFixtures.Member first = StudyFixtures.member(branch);
        StudyFixtures.Member second = StudyFixtures.member(branch);
        StudyFixtures.Member stranger = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        String path = "/v1/org-units/" + branch + "/committee";
        secretary(branch).body(Map.of("members", List.of(seat(first, "SECRETARY")))).put(path).then().statusCode(200);
        problem(secretary(branch).body(Map.of("members", List.of(seat(first, "SECRETARY"), seat(stranger, "MEMBER"))))
                .put(path).then(), 422, "COMMITTEE_MEMBER_INVALID");
        problem(secretary(branch).body(Map.of("members", List.of(seat(first, "MEMBER"), seat(first, "PUBLICITY"))))
                .put(path).then(), 422, "COMMITTEE_MEMBER_INVALID");
        problem(secretary(branch).body(Map.of("members", List.of(seat(first, "SECRETARY"), seat(second, "SECRETARY"))))
                .put(path).then(), 422, "COMMITTEE_ONE_SECRETARY");
        problem(secretary(branch).body(Map.of("members", List.of(Map.of("personId", second.personId(),
                "post", "CHAIR")))).put(path).then(), 400, "VALIDATION_FAILED");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            many.add(seat(second, "MEMBER"));
        }
        problem(secretary(branch).body(Map.of("members", many)).put(path).then(), 400, "VALIDATION_FAILED");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("members", List.of()))
                .put("/v1/org-units/" + group + "/committee").then(), 422, "COMMITTEE_NOT_A_BRANCH");
        secretary(branch).get(path).then().statusCode(200).body("members.personId",
                equalTo(List.of(first.personId())));
    }

    @Test
    void concurrentChangesLeaveOneWholeCommittee() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        List<StudyFixtures.Member> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(StudyFixtures.member(branch));
        }
        String path = "/v1/org-units/" + branch + "/committee";
        List<Callable<Response>> changes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<Map<String, Object>> seats = List.of(seat(people.get(i), "SECRETARY"),
                    seat(people.get((i + 1) % 4), "MEMBER"), seat(people.get((i + 2) % 4), "MEMBER"));
            changes.add(() -> secretary(branch).body(Map.of("members", seats)).put(path));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Response> answer : pool.invokeAll(changes)) {
                int status = answer.get().statusCode();
                assertEquals(true, status == 200 || status == 409, "status " + status);
            }
        } finally {
            pool.shutdown();
        }
        // whichever change came last stands whole: three seats, one secretary, positions 1 to 3
        assertEquals(3, Sql.count("select count(*) from branch_committee_member where branch_id = ?1", branch));
        assertEquals(1, Sql.count("select count(*) from branch_committee_member where branch_id = ?1 "
                + "and post = 'SECRETARY'", branch));
        assertEquals(6, Sql.count("select coalesce(sum(position), 0) from branch_committee_member "
                + "where branch_id = ?1", branch));
    }
}
