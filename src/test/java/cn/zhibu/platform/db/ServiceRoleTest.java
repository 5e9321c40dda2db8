package cn.zhibu.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service connects as a role that reads and writes rows and nothing else: the append-only records only take
 * inserts, and the schema, its triggers and the migrations' history are the owner's alone.
 */
@QuarkusTest
class ServiceRoleTest {

    @Inject
    AgroalDataSource service;

    @Test
    void theServiceRunsAsItsOwnRoleAndTheMigrationsAsTheOwner() throws SQLException {
        assertEquals(ServiceRole.EMBEDDED, single("select current_user"));
        assertEquals("false", single("select rolsuper::text from pg_roles where rolname = current_user"));
        assertEquals(EmbeddedDatabase.USER, single("select distinct installed_by from flyway_schema_history"));
        assertEquals(EmbeddedDatabase.USER, single("select tableowner from pg_tables where tablename = 'ledger_entry'"));
    }

    @Test
    void theServiceCannotChangeTheLedgerOrThePublishedBoards() {
        for (String change : List.of(
                "update ledger_entry set points = 500",
                "delete from ledger_entry",
                "truncate ledger_entry cascade",
                "update published_person set points = 1",
                "delete from published_unit",
                "delete from published_week",
                "update integrity_entry set type = 'GIFT'",
                "delete from integrity_relation",
                "delete from integrity_checkpoint",
                "update published_standing set points = 1",
                "update integrity_audit set status = 500",
                "update export_file set content = content",
                "delete from flyway_schema_history")) {
            assertDenied(change);
        }
    }

    @Test
    void theServiceCannotTouchTriggersOrTheSchema() {
        for (String change : List.of(
                "alter table ledger_entry disable trigger ledger_entry_append_only",
                "alter table ledger_entry disable trigger all",
                "drop trigger ledger_entry_append_only on ledger_entry",
                "alter table ledger_entry add column note text",
                "create table smuggled (id int)",
                "drop table ledger_entry",
                "create or replace function zhibu_refuse_change() returns trigger language plpgsql as "
                        + "$$ begin return new; end $$",
                "set session_replication_role = replica")) {
            assertDenied(change);
        }
    }

    @Test
    void theServiceStillReadsAndWritesItsRows() throws SQLException {
        // an ordinary table: every row right (the application depends on it)
        try (Connection c = service.getConnection(); Statement s = c.createStatement()) {
            assertTrue(s.execute("select count(*) from ledger_entry"));
            s.executeUpdate("update server_secret set name = name where false");
            s.executeUpdate("delete from idempotency_record where false");
        }
        // and the owner still can (migrations and the tests that tamper as an owner would)
        assertEquals(0, EmbeddedPostgresResource.asOwner("update ledger_entry set points = points where false"));
    }

    private void assertDenied(String sql) {
        SQLException denied = assertThrows(SQLException.class, () -> {
            try (Connection c = service.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                try {
                    s.execute(sql);
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }, sql);
        // 42501: insufficient privilege; "must be owner" is the same code
        assertEquals("42501", denied.getSQLState(), () -> sql + ": " + denied.getMessage());
        assertFalse(denied.getMessage().contains("append-only"), () -> sql + " reached the trigger: "
                + denied.getMessage());
    }

    private String single(String sql) throws SQLException {
        try (Connection c = service.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
