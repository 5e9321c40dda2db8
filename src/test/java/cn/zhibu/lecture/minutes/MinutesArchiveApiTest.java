package cn.zhibu.lecture.minutes;

import static cn.zhibu.lecture.minutes.MinutesFixtures.minutes;
import static cn.zhibu.lecture.minutes.MinutesFixtures.png;
import static cn.zhibu.lecture.minutes.MinutesFixtures.secretary;
import static cn.zhibu.lecture.minutes.MinutesFixtures.setting;
import static cn.zhibu.lecture.minutes.MinutesFixtures.upload;
import static cn.zhibu.lecture.minutes.MinutesFixtures.write;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.zhibu.lecture.minutes.MinutesFixtures.Setting;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Archived minutes never change, whoever tries and however; corrections are addenda with author and time. */
@QuarkusTest
class MinutesArchiveApiTest {

    /** A digest of the stored minutes row, as a number. */
    static long minutesRow(String day) {
        return Sql.count("select ('x' || substr(md5(m::text), 1, 15))::bit(60)::bigint from minutes m "
                + "where party_day_id = ?1", day);
    }

    /** A digest of the session's attachment rows, bytes included, as a number. */
    static long attachmentRows(String day) {
        return Sql.count("select ('x' || substr(md5(coalesce(string_agg(a::text, ',' order by a.id), '')), 1, 15))"
                + "::bit(60)::bigint from minutes_attachment a where party_day_id = ?1", day);
    }

    @Test
    void anArchivedRecordIsByteIdenticalAfterEveryAttemptToChangeIt() {
        Setting s = setting(true);
        String tag = write(s);
        String photo = upload(secretary(s.branch()), "image/png", png(), "PHOTO", "合影.png").post(s.attachments())
                .then().statusCode(201).extract().path("id");
        String archived = secretary(s.branch()).header("If-Match", tag).post(s.minutes() + "/archive").then()
                .statusCode(200).body("archived", equalTo(true)).body("archivedAt", notNullValue())
                .body("archivedBy", notNullValue()).extract().header("ETag");
        String before = secretary(s.branch()).get(s.minutes()).then().statusCode(200).extract().asString();
        long row = minutesRow(s.day());
        long files = attachmentRows(s.day());

        Map<String, Object> change = minutes(s.members());
        change.put("notes", "事后修改");
        problem(secretary(s.branch()).header("If-Match", archived).body(change).put(s.minutes()).then(), 409,
                "MINUTES_ARCHIVED");
        problem(MinutesFixtures.admin().header("If-Match", archived).body(change).put(s.minutes()).then(), 409,
                "MINUTES_ARCHIVED");
        problem(secretary(s.branch()).header("If-Match", archived).post(s.minutes() + "/archive").then(), 409,
                "MINUTES_ARCHIVED");
        problem(upload(secretary(s.branch()), "image/png", png(), "PHOTO", "补拍.png").post(s.attachments()).then(),
                409, "MINUTES_ARCHIVED");
        problem(secretary(s.branch()).delete(s.attachments() + "/" + photo).then(), 409, "MINUTES_ARCHIVED");
        // not even in SQL, as the service's own database role
        assertThrows(RuntimeException.class, () -> Sql.execute("update minutes set notes = 'x' where party_day_id = ?1",
                s.day()));
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from minutes_attachment where party_day_id = ?1",
                s.day()));
        assertThrows(RuntimeException.class, () -> Sql.execute("insert into minutes_attachment (party_day_id, id, "
                + "purpose, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at) select "
                + "party_day_id, gen_random_uuid(), purpose, file_name, content_type, size, sha256, content, "
                + "uploaded_by, uploaded_at from minutes_attachment where party_day_id = ?1", s.day()));

        assertEquals(before, secretary(s.branch()).get(s.minutes()).then().statusCode(200).extract().asString());
        assertEquals(row, minutesRow(s.day()));
        assertEquals(files, attachmentRows(s.day()));
    }

    @Test
    void addendaCorrectArchivedMinutesAndAreListedWithAuthorAndTime() {
        Setting s = setting(true);
        String tag = write(s);
        secretary(s.branch()).header("If-Match", tag).post(s.minutes() + "/archive").then().statusCode(200);
        long row = minutesRow(s.day());
        StudyFixtures.Member keeper = StudyFixtures.member(s.branch());
        StudyFixtures.grant(keeper, Roles.SECRETARY, s.branch());
        String first = secretary(s.branch()).body(Map.of("text", "更正：议定事项的完成时限为5月15日。"))
                .post(s.minutes() + "/addenda").then().statusCode(201).header("Location", notNullValue())
                .body("author", notNullValue()).body("authorPersonId", equalTo(null)).body("createdAt", notNullValue())
                .extract().path("id");
        String second = keeper.api().body(Map.of("text", "补充：缺席同志已补学。")).post(s.minutes() + "/addenda").then()
                .statusCode(201).body("authorPersonId", equalTo(keeper.personId()))
                .body("authorName", notNullValue()).extract().path("id");
        StudyFixtures.member(s.branch()).api().get(s.minutes()).then().statusCode(200)
                .body("addenda", hasSize(2)).body("addenda.id", equalTo(List.of(first, second)))
                .body("addenda[0].text", equalTo("更正：议定事项的完成时限为5月15日。"))
                .body("addenda[1].author", equalTo(keeper.accountId()))
                .body("addenda[1].createdAt", notNullValue()).body("notes", equalTo("会议由支部书记主持。"));
        assertEquals(row, minutesRow(s.day()), "an addendum leaves the record as it was");
        // addenda themselves are never changed or removed
        assertThrows(RuntimeException.class, () -> Sql.execute("update minutes_addendum set text = 'x' "
                + "where party_day_id = ?1", s.day()));
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from minutes_addendum where party_day_id = ?1",
                s.day()));
        assertEquals(2, Sql.count("select count(*) from minutes_addendum where party_day_id = ?1", s.day()));
        problem(secretary(s.branch()).body(Map.of("text", " ")).post(s.minutes() + "/addenda").then(), 400,
                "VALIDATION_FAILED");
    }

    @Test
    void beforeArchivingAttachmentsComeAndGo() {
        Setting s = setting(true);
        String photo = upload(secretary(s.branch()), "image/png", png(), "PHOTO", null).post(s.attachments())
                .then().statusCode(201).extract().path("id");
        secretary(s.branch()).delete(s.attachments() + "/" + photo).then().statusCode(204);
        problem(secretary(s.branch()).delete(s.attachments() + "/" + photo).then(), 404, "NOT_FOUND");
        assertEquals(0, Sql.count("select count(*) from minutes_attachment where party_day_id = ?1", s.day()));
    }
}
