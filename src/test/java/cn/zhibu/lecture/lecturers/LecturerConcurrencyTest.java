package cn.zhibu.lecture.lecturers;

import static cn.zhibu.lecture.lecturers.LecturerFixtures.guest;
import static cn.zhibu.lecture.lecturers.LecturerFixtures.lecture;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.secretary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Lecturers added at once: the session keeps at most five. */
@QuarkusTest
class LecturerConcurrencyTest {

    @Test
    void sevenLecturersAddedAtOnceLeaveFive() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        String day = lecture(branch, "PARTY_LECTURE", Duration.ofDays(3));
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                RequestSpecification request = secretary(branch).body(guest("嘉宾" + i, "专题党课"));
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.post("/v1/party-days/" + day + "/lecturers");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(2, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, Sql.count("select count(*) from party_lecturer where party_day_id = ?1", day));
    }
}
