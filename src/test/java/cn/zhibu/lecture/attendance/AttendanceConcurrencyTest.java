package cn.zhibu.lecture.attendance;

import cn.zhibu.testing.Sql;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.code;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.secretary;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.sessionNow;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.signIn;
import static cn.zhibu.testing.Race.race;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Parallel requests: one code signs in one member; one member is credited once. */
@QuarkusTest
class AttendanceConcurrencyTest {

    @Test
    void eightMembersRaceForOneCodeAndExactlyOneSignsIn() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.rule(branch, "PARTY_DAY_ATTENDANCE", 2, null, null);
        String day = sessionNow(branch);
        List<Callable<Response>> requests = new ArrayList<>();
        String shown = code(branch, day);
        for (int i = 0; i < 8; i++) {
            RequestSpecification member = StudyFixtures.member(branch).api().body(signIn(shown));
            requests.add(() -> member.post("/v1/party-days/" + day + "/attendance/sign-in"));
        }
        List<Response> responses = race(requests);
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
        assertEquals(7, responses.stream().filter(r -> r.statusCode() == 409
                && "SIGN_IN_CODE_USED".equals(r.path("code"))).count());
        assertEquals(1, Sql.count("select count(*) from attendance where party_day_id = ?1 "
                + "and status = 'PRESENT' and method = 'CODE'", day));
        assertEquals(1, Sql.count("select count(*) from ledger_entry where source_type = 'PARTY_DAY' "
                + "and source_id = cast(?1 as varchar)", day));
    }

    @Test
    void oneMemberSigningInTwiceAtOnceAndRecordedMeanwhileIsCreditedOnce() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.rule(branch, "PARTY_DAY_ATTENDANCE", 2, null, null);
        String day = sessionNow(branch);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String shown = code(branch, day);
        RequestSpecification first = member.api().body(signIn(shown));
        RequestSpecification second = member.api().body(signIn(shown));
        RequestSpecification recording = secretary(branch).body(Map.of("status", "PRESENT"));
        List<Response> responses = race(List.of(
                () -> first.post("/v1/party-days/" + day + "/attendance/sign-in"),
                () -> second.post("/v1/party-days/" + day + "/attendance/sign-in"),
                () -> recording.put("/v1/party-days/" + day + "/attendance/" + member.personId())));
        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        responses.forEach(r -> assertEquals("PRESENT", r.path("status")));
        assertEquals(1, Sql.count("select count(*) from ledger_entry where person_id = ?1",
                member.personId()));
        assertEquals(2, Sql.count("select sum(points) from ledger_entry where person_id = ?1",
                member.personId()));
        assertEquals(1, Sql.count("select count(*) from attendance where party_day_id = ?1", day));
    }
}
