package cn.zhibu.integrity.audit;

import cn.zhibu.testing.Sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.integrity.IntegrityProblem;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Audit rows leave only by the purge, after the retention and never younger than 180 days. */
@QuarkusTest
class AuditPurgeTest {

    @Inject
    AuditPurge purge;

    @Test
    void thePurgeDeletesRowsOlderThanTheRetentionAndRecordsItself() {
        String marker = "GET /test/" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            insert(marker, 401 + i);
        }
        insert(marker, 200);
        insert(marker, 10);
        long purges = Sql.count("select count(*) from integrity_audit where action = 'PURGE_AUDIT'");

        long deleted = purge.purge(TestTime.now().minus(purge.retention()));

        assertTrue(deleted >= 3, "deleted " + deleted);
        assertEquals(0, rows(marker, "at < now() - interval '399 days'"));
        assertEquals(2, rows(marker, "true"));
        assertEquals(purges + 1, Sql.count("select count(*) from integrity_audit where action = "
                + "'PURGE_AUDIT' and actor_kind = 'SYSTEM' and outcome = 'ALLOWED' and purpose_detail like "
                + "'deleted % rows recorded before %'"));

        // rows older than 180 days may go when asked for explicitly; a younger one never does
        assertTrue(purge.purge(TestTime.now().minus(Duration.ofDays(190))) >= 1);
        assertEquals(1, rows(marker, "true"));
        assertEquals(1, rows(marker, "at > now() - interval '11 days'"));
    }

    @Test
    void aPurgeOfRowsYoungerThan180DaysIsRefused() {
        String marker = "GET /test/" + UUID.randomUUID();
        insert(marker, 10);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> purge.purge(TestTime.now().minus(Duration.ofDays(10))));
        assertEquals(IntegrityProblem.INTEGRITY_AUDIT_RETAINED, refused.code());
        assertThrows(ProblemException.class, () -> purge.purge(TestTime.now().minus(Duration.ofDays(179))));
        assertEquals(1, rows(marker, "true"));
    }

    @Test
    void theDatabaseRefusesToDeleteAYoungRowOrChangeAnyRow() {
        String marker = "GET /test/" + UUID.randomUUID();
        insert(marker, 10);
        insert(marker, 401);
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from integrity_audit where request = ?1", marker));
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from integrity_audit where request = ?1 and at > "
                + "now() - interval '30 days'", marker));
        assertThrows(RuntimeException.class, () -> Sql.execute("update integrity_audit set status = 500 where request = ?1 "
                + "and at < now() - interval '300 days'", marker));
        assertThrows(RuntimeException.class, () -> Sql.execute("update integrity_audit set reason = 'X' where request = ?1",
                marker));
        assertThrows(RuntimeException.class, () -> Sql.execute("truncate integrity_audit"));
        assertEquals(2, rows(marker, "true"));
        assertEquals(0, rows(marker, "status = 500 or reason is not null"));
        // what the purge may do, the database allows too
        assertEquals(1, Sql.execute("delete from integrity_audit where request = ?1 and at < now() - interval '400 days'",
                marker));
    }

    @Test
    void aRetentionUnder180DaysIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> AuditPurge.checked(Duration.ofDays(179)));
        assertTrue(refused.getMessage().contains("180 days"), refused.getMessage());
        assertEquals(Duration.ofDays(180), AuditPurge.checked(Duration.ofDays(180)));
        assertEquals(Duration.ofDays(400), purge.retention());
    }

    private static void insert(String marker, int daysAgo) {
        // as if written then: inserted_at is the database's own time of writing, which the guard trusts
        Sql.execute("insert into integrity_audit (at, inserted_at, actor_kind, action, entry_ids, outcome, status, "
                + "request) values (now() - make_interval(days => ?2), now() - make_interval(days => ?2), 'SYSTEM', "
                + "'READ_FILE', '{}', 'ALLOWED', 200, ?1)", marker, daysAgo);
    }

    private static long rows(String marker, String condition) {
        return Sql.count("select count(*) from integrity_audit where request = ?1 and (" + condition + ")",
                marker);
    }
}
