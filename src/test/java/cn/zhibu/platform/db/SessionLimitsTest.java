package cn.zhibu.platform.db;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection carries the session limits (zhibu.db.*), and a request whose statement waits for a lock
 * longer than zhibu.db.lock-timeout is answered 503 SERVICE_BUSY with Retry-After instead of hanging.
 */
@QuarkusTest
class SessionLimitsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pooledConnectionsCarryTheLimits() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("5s", show(connection, "lock_timeout"));
            assertEquals("30s", show(connection, "statement_timeout"));
            assertEquals("1min", show(connection, "idle_in_transaction_session_timeout"));
        }
    }

    @Test
    void aStatementBlockedOnALockIsAnsweredBusy() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        String today = io.quarkus.arc.Arc.container().instance(cn.zhibu.platform.time.BusinessCalendar.class).get()
                .today().toString();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "scoring-rule|" + branch + "|MANUAL_AWARD"); // a version of the rule is being made
                lock.execute();
            }
            long started = System.nanoTime();
            Response answer = CompletableFuture.supplyAsync(() -> Api.as("org-admin", Roles.ORG_ADMIN)
                    .header("Accept-Language", "en").body(Map.of("unitId", branch, "activityType", "MANUAL_AWARD",
                            "effectiveFrom", today, "points", 1)).post("/v1/scoring-rules"))
                    .get(60, TimeUnit.SECONDS);
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            holder.rollback();
            problem(answer.then(), 503, "SERVICE_BUSY").header("Retry-After", "1");
            assertTrue(waited < 30, "answered after the lock timeout, not the statement timeout: " + waited + " s");
        }
        // with the lock free, the same request succeeds: nothing was left behind
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", branch, "activityType", "MANUAL_AWARD",
                "effectiveFrom", today, "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (PreparedStatement show = connection.prepareStatement("show " + setting); ResultSet row = show.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
