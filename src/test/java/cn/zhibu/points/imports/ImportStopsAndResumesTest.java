package cn.zhibu.points.imports;

import cn.zhibu.testing.Sql;
import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.points.PointsFixtures.today;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An import whose person's ledger lock stays taken (another transaction changing their points) stops after a few
 * tries instead of waiting: 409 POINTS_IMPORT_PEOPLE_BUSY telling what it credited (chunks of 50 in tests); sent
 * again, it finishes, nothing credited twice.
 */
@QuarkusTest
class ImportStopsAndResumesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anImportStoppedByABusyPersonIsFinishedBySendingItAgain() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String branch = unit("BRANCH", unit("COMMITTEE", null));
        String zhang = PointsFixtures.person("张三", "HR-" + tag + "-1", branch);
        String li = PointsFixtures.person("李四", "HR-" + tag + "-2", branch);
        rule(branch, ActivityType.EXTERNAL_IMPORT, today().minusYears(2), 1, null, null);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            items.add(item("resume-" + tag + "-" + i, i == 60 ? li : zhang, i % 7 + 1));
        }
        int asked = items.stream().mapToInt(item -> (Integer) item.get("points")).sum();
        String key = UUID.randomUUID().toString();
        RequestSpecification secretary = Api.as("resume-secretary", Roles.SECRETARY, UUID.fromString(branch));

        Response stopped;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "ledger|" + li); // li's points are being changed, for longer than an import tries
                lock.execute();
            }
            stopped = secretary.header("Idempotency-Key", key).header("Accept-Language", "en")
                    .body(Map.of("items", items)).post("/v1/points/imports");
            holder.rollback();
        }
        problem(stopped.then(), 409, "POINTS_IMPORT_PEOPLE_BUSY").header("Retry-After", "2");
        Matcher told = Pattern.compile("(\\d+) records were credited, the other (\\d+) not")
                .matcher(stopped.<String>path("detail"));
        assertTrue(told.find(), stopped.asString());
        long credited = Long.parseLong(told.group(1));
        assertEquals(120, credited + Long.parseLong(told.group(2)));
        assertTrue(credited % 50 == 0 && credited < 120, "whole chunks only, not the one with li: " + credited);
        assertEquals(credited, imported(tag), "what it says it credited stays credited");
        assertEquals(0, Sql.count("select count(*) from points_import_record where person_id = ?1", li));

        Api.as("resume-secretary", Roles.SECRETARY, UUID.fromString(branch)).header("Idempotency-Key", key)
                .body(Map.of("items", items)).post("/v1/points/imports").then().statusCode(200)
                .body("credited", equalTo((int) (120 - credited))).body("unchanged", equalTo((int) credited));
        assertEquals(120, imported(tag));
        assertEquals(asked, Sql.count("select coalesce(sum(points), 0) from ledger_entry "
                + "where source_type = 'EXTERNAL_IMPORT' and source_id like ?1", "resume-" + tag + "%"));
    }

    static Map<String, Object> item(String externalId, String person, int points) {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", externalId);
        item.put("personId", person);
        item.put("points", points);
        item.put("date", today().minusDays(1 + points).toString());
        return item;
    }

    static long imported(String tag) {
        return Sql.count("select count(*) from ledger_entry where source_type = 'EXTERNAL_IMPORT' "
                + "and source_id like ?1", "resume-" + tag + "%");
    }
}
