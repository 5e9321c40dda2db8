package cn.zhibu.annual.campaign.decision;

import static org.hamcrest.Matchers.equalTo;

import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A candidate card's record of the year: held sessions that expected the candidate and those attended (cancelled
 * sessions and other years left out), and micro lectures delivered.
 */
@QuarkusTest
class CandidateRecordApiTest {

    @Inject
    CampaignRows rows;

    @Test
    void attendanceAndLecturesOfTheYearsHeldSessions() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        int year = TestTime.today().getYear();
        String first = session(branch, LocalDate.of(year, 1, 5), "HELD");
        attend(first, member.personId(), "PRESENT");
        attend(session(branch, LocalDate.of(year, 1, 6), "HELD"), member.personId(), "PRESENT");
        attend(session(branch, LocalDate.of(year, 1, 7), "HELD"), member.personId(), "ABSENT");
        session(branch, LocalDate.of(year, 1, 8), "HELD"); // expected, not recorded
        attend(session(branch, LocalDate.of(year, 1, 9), "CANCELLED"), member.personId(), "PRESENT");
        attend(session(branch, LocalDate.of(year - 1, 6, 9), "HELD"), member.personId(), "PRESENT");
        Sql.execute("insert into micro_lecture (id, party_day_id, slot, speaker_id, pinned, outcome, version, "
                + "created_at, updated_at) values (?1, ?2, 1, ?3, false, 'DELIVERED', 0, now(), now())",
                UUID.randomUUID().toString(), first, member.personId());

        UUID campaign = rows.create(UUID.fromString(branch), CampaignType.STAR_SELECTION, null, null,
                StageKind.NOMINATION);
        member.api().body(Map.of("selfEvaluation", "好。", "deeds", "事迹。"))
                .post("/v1/campaigns/" + campaign + "/nominations").then().statusCode(201);
        member.api().get("/v1/campaigns/" + campaign + "/candidates").then().statusCode(200)
                .body("items[0].record.attendance.present", equalTo(2))
                .body("items[0].record.attendance.expected", equalTo(4))
                .body("items[0].record.lecturesDelivered", equalTo(1));
    }

    private static String session(String branch, LocalDate on, String state) {
        UUID id = UUID.randomUUID();
        ZonedDateTime starts = on.atTime(LocalTime.of(14, 30)).atZone(TestTime.calendar().zone());
        Sql.execute("insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, lecture_slots, "
                + "state, version, created_at, updated_at) values (?1, ?2, 'THEMED_PARTY_DAY', ?3, ?4, ?5, '主题党日', 1, "
                + "?6, 0, now(), now())", id.toString(), branch, starts.toOffsetDateTime(),
                starts.plusHours(2).toOffsetDateTime(), on, state);
        return id.toString();
    }

    private static void attend(String session, String person, String status) {
        Sql.execute("insert into attendance (party_day_id, person_id, status, method, recorded_at, recorded_by) "
                + "values (?1, ?2, ?3, 'RECORDED', now(), 'test')", session, person, status);
    }
}
