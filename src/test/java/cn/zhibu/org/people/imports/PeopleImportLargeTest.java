package cn.zhibu.org.people.imports;

import static cn.zhibu.testing.OrgFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 50,000 people from one CSV file: how long it takes, that progress can be watched while it runs,
 * and that importing the same file again changes nothing. Prints its figures; asserts no timings.
 */
@QuarkusTest
class PeopleImportLargeTest {

    static final int PEOPLE = 50_000;

    @Inject
    AgroalDataSource dataSource;

    /** Every request of this test. */
    private static RequestSpecification admin() {
        return Api.as("importer", Roles.ORG_ADMIN);
    }


    @Test
    void fiftyThousandPeopleAreImportedWithProgressAndAgainWithoutAnyChange() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String committee = unit("COMMITTEE", "大党委" + tag, null);
        String branchName = "大支部" + tag;
        String branch = unit("BRANCH", branchName, committee);
        List<String> groups = List.of("第一党小组", "第二党小组", "综合科");
        unit("PARTY_GROUP", groups.get(0), branch);
        unit("PARTY_GROUP", groups.get(1), branch);
        unit("DEPARTMENT", groups.get(2), branch);
        List<String> lines = new ArrayList<>(PEOPLE);
        String[] statuses = {"中共党员", "预备党员", "入党积极分子", "群众"};
        for (int i = 0; i < PEOPLE; i++) {
            String status = statuses[i % 4];
            String joined = i % 4 == 0 ? "2005/7/1" : i % 4 == 1 ? "2025-10-01" : "";
            lines.add(String.join(",", "L" + tag + "-" + i, "人员" + i, i % 2 == 0 ? "男" : "女",
                    (1950 + i % 30) + "-0" + (1 + i % 9) + "-1" + (i % 10), status, joined, "科员",
                    i % 50 == 0 ? "是" : "否", String.format("138%08d", i), branchName, groups.get(i % 3)));
        }
        byte[] file = ImportFiles.csv(
                "外部编号,姓名,性别,出生日期,政治面貌,入党日期,职务,领导干部,手机号,支部,党小组", lines)
                .getBytes(StandardCharsets.UTF_8);

        Map<String, Object> first = timedRun(file, "first run");
        assertEquals("SUCCEEDED", first.get("state"), first.toString());
        assertEquals(PEOPLE, first.get("created"));
        List<Object> before = figures(tag);
        assertEquals((long) PEOPLE, before.get(0));

        Map<String, Object> second = timedRun(file, "second run (same file)");
        assertEquals("SUCCEEDED", second.get("state"), second.toString());
        assertEquals(List.of(0, 0, PEOPLE), List.of(second.get("created"), second.get("updated"),
                second.get("unchanged")));
        List<Object> after = figures(tag);
        assertEquals(before, after, "people and memberships are untouched by the second run");
        System.out.printf("people import: stored people, memberships, sum of versions, last update: %s%n", after);
    }

    /** Runs the import, polling while it runs; prints the time and the progress seen. */
    private Map<String, Object> timedRun(byte[] file, String label) {
        long start = System.nanoTime();
        Response accepted = ImportFiles.upload(admin(), file, "text/csv", "false");
        accepted.then().statusCode(202);
        Set<String> seen = new LinkedHashSet<>();
        List<Boolean> between = new ArrayList<>();
        Map<String, Object> done = ImportFiles.finished(PeopleImportLargeTest::admin, accepted.header("Location"),
                job -> {
                    int processed = (Integer) job.get("processed");
                    int total = (Integer) job.get("total");
                    seen.add(job.get("state") + "/" + job.get("phase") + " " + processed + "/" + total);
                    if ("RUNNING".equals(job.get("state")) && processed > 0 && processed < total) {
                        between.add(true);
                    }
                }, 500);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("people import, %s: %d rows, %d bytes, %.1f s (accepted to finished, polled over HTTP)%n",
                label, PEOPLE, file.length, seconds);
        System.out.printf("people import, %s: %s%n", label, done);
        System.out.printf("people import, %s: progress seen (%d polls in between): %s%n", label, between.size(), seen);
        assertTrue(!between.isEmpty(), "progress between 0 and total was seen while running: " + seen);
        return done;
    }

    /** Stored people of this test, their current memberships, sum of versions, last update. */
    private List<Object> figures(String tag) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select count(*), sum(p.version), max(p.updated_at),
                            (select count(*) from membership m join person q on q.id = m.person_id
                             where q.external_id like ?)
                     from person p where p.external_id like ?""")) {
            s.setString(1, "L" + tag + "-%");
            s.setString(2, "L" + tag + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return List.of(r.getLong(1), r.getLong(4), r.getLong(2), r.getTimestamp(3).toInstant().toString());
            }
        }
    }
}
