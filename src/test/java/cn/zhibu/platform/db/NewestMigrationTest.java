package cn.zhibu.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * The newest migration is applied while the previous release keeps serving: on a database at the migration before it,
 * threads run that release's reads (every column each table had) and writes (row locks on every table, as its
 * updates take) in short transactions; the newest migration runs meanwhile, and afterwards every statement of the
 * previous release still runs and every column it knew is still there with its type, while a column the newest
 * migration added can be left out of the previous release's inserts (nullable, or with a default).
 */
class NewestMigrationTest {

    private static final int THREADS = 4;

    private static Flyway flyway(EmbeddedDatabase db, MigrationVersion target) {
        return ConcurrentIndexes.apply(Flyway.configure()).dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, "")
                .locations("classpath:db/migration").target(target).load();
    }

    @Test
    void theNewestMigrationRunsWhileThePreviousReleaseServes() throws Exception {
        Path root = Files.createTempDirectory("zhibu-migration");
        try (EmbeddedDatabase db = EmbeddedDatabase.startThrowaway(root.resolve("pg"))) {
            List<MigrationVersion> versions = Arrays.stream(flyway(db, MigrationVersion.LATEST).info().all())
                    .map(MigrationInfo::getVersion).filter(v -> v != null).sorted().toList();
            MigrationVersion newest = versions.get(versions.size() - 1);
            MigrationVersion previous = versions.get(versions.size() - 2);
            flyway(db, previous).migrate();
            Map<String, Map<String, String>> before = columns(db);

            AtomicBoolean migrating = new AtomicBoolean(true);
            AtomicLong statements = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int first = i;
                Thread thread = new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "")) {
                        List<String> tables = new ArrayList<>(before.keySet());
                        for (int round = first; migrating.get() || round < first + tables.size(); round++) {
                            String table = tables.get(round % tables.size());
                            try {
                                previousRelease(c, table, before.get(table).keySet());
                                statements.addAndGet(2);
                            } catch (SQLException e) {
                                failures.add(table + ": " + e.getMessage());
                            }
                        }
                    } catch (SQLException e) {
                        failures.add(e.getMessage());
                    }
                }, "previous-release-" + i);
                thread.start();
                threads.add(thread);
            }
            int applied;
            try {
                applied = flyway(db, MigrationVersion.LATEST).migrate().migrationsExecuted;
            } finally {
                migrating.set(false);
                for (Thread thread : threads) {
                    thread.join();
                }
            }
            System.out.printf("Migration %s applied beside %d statements of the release at %s (%d threads)%n",
                    newest, statements.get(), previous, THREADS);
            assertEquals(1, applied);
            assertTrue(failures.isEmpty(), "the previous release's statements failed:\n" + String.join("\n", failures));

            Map<String, Map<String, String>> after = columns(db);
            List<String> problems = new ArrayList<>();
            before.forEach((table, columns) -> columns.forEach((column, type) -> {
                String now = after.getOrDefault(table, Map.of()).get(column);
                if (!type.equals(now)) {
                    problems.add(table + "." + column + " was " + type + ", is " + now);
                }
            }));
            for (String required : required(db)) {
                String table = required.substring(0, required.indexOf('.'));
                if (before.containsKey(table) && !before.get(table).containsKey(required.substring(table.length() + 1))) {
                    problems.add(required + " is new, NOT NULL and has no default: the previous release's inserts fail");
                }
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        } finally {
            TestFiles.deleteTree(root);
        }
    }

    /** One read of every column the table had, and one write lock on it, each a short transaction. */
    private static void previousRelease(Connection c, String table, java.util.Set<String> columns) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("select " + String.join(", ", columns.stream().map(col -> '"' + col
                    + '"').toList()) + " from " + table + " limit 5")) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
            // the lock every insert, update and delete takes
            c.setAutoCommit(false);
            try {
                s.execute("lock table " + table + " in row exclusive mode");
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    /** Table -> column -> type, of the tables of the public schema (the migrations' history left out). */
    private static Map<String, Map<String, String>> columns(EmbeddedDatabase db) throws SQLException {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select c.table_name, c.column_name, c.data_type from "
                        + "information_schema.columns c join information_schema.tables t using (table_schema, "
                        + "table_name) where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and "
                        + "c.table_name <> 'flyway_schema_history' order by 1, c.ordinal_position")) {
            while (rows.next()) {
                tables.computeIfAbsent(rows.getString(1), t -> new java.util.LinkedHashMap<>())
                        .put(rows.getString(2), rows.getString(3));
            }
        }
        return tables;
    }

    /** table.column of every NOT NULL column without a default (identity and generated columns fill themselves). */
    private static List<String> required(EmbeddedDatabase db) throws SQLException {
        List<String> required = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select table_name || '.' || column_name from information_schema.columns "
                        + "where table_schema = 'public' and is_nullable = 'NO' and column_default is null "
                        + "and is_identity = 'NO' and is_generated = 'NEVER'")) {
            while (rows.next()) {
                required.add(rows.getString(1));
            }
        }
        return required;
    }
}
