package cn.zhibu.lecture.minutes;

import static cn.zhibu.lecture.minutes.MinutesFixtures.minutes;
import static cn.zhibu.lecture.minutes.MinutesFixtures.png;
import static cn.zhibu.lecture.minutes.MinutesFixtures.secretary;
import static cn.zhibu.lecture.minutes.MinutesFixtures.setting;
import static cn.zhibu.lecture.minutes.MinutesFixtures.upload;
import static cn.zhibu.lecture.minutes.MinutesFixtures.write;
import static cn.zhibu.testing.Race.race;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.minutes.MinutesFixtures.Setting;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Archives, rewrites and uploads racing for one session's minutes: the session's lock makes them take turns. */
@QuarkusTest
class MinutesConcurrencyTest {

    @Test
    void fourArchivesOfTheSameVersionRaceAndExactlyOneWins() throws Exception {
        Setting s = setting(true);
        String tag = write(s);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(() -> secretary(s.branch()).header("If-Match", tag).post(s.minutes() + "/archive"));
        }
        List<Integer> statuses = race(requests).stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 409, 409, 409), statuses);
        assertEquals(2, Sql.count("select version from minutes where party_day_id = ?1", s.day()));
    }

    @Test
    void anArchiveAndARewriteRaceAndTheArchivedRecordIsTheOneThatWon() throws Exception {
        for (int round = 0; round < 3; round++) {
            Setting s = setting(true);
            String tag = write(s);
            Map<String, Object> change = minutes(s.members());
            change.put("notes", "改写后的记录");
            List<Response> answers = race(List.of(
                    () -> secretary(s.branch()).header("If-Match", tag).post(s.minutes() + "/archive"),
                    () -> secretary(s.branch()).header("If-Match", tag).body(change).put(s.minutes()),
                    () -> upload(secretary(s.branch()), "image/png", png(), "PHOTO", "p.png").post(s.attachments())));
            int archive = answers.get(0).statusCode();
            int rewrite = answers.get(1).statusCode();
            assertTrue((archive == 200) != (rewrite == 200), "exactly one of them wins: " + archive + ", " + rewrite);
            assertTrue(List.of(409, 412).contains(archive == 200 ? rewrite : archive));
            long rewritten = Sql.count("select count(*) from minutes where party_day_id = ?1 and notes = '改写后的记录'",
                    s.day());
            assertEquals(rewrite == 200 ? 1 : 0, rewritten);
            // the upload went in before the archive or was refused after it, never in between
            int upload = answers.get(2).statusCode();
            assertTrue(upload == 201 || upload == 409, "upload: " + upload);
            assertEquals(upload == 201 ? 1 : 0, Sql.count("select count(*) from minutes_attachment "
                    + "where party_day_id = ?1", s.day()));
        }
    }
}
