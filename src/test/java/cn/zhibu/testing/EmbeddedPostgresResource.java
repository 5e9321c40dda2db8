package cn.zhibu.testing;

import cn.zhibu.platform.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * One embedded PostgreSQL for the whole test run, in a fresh directory, pointed to by the
 * datasource. Its commits are not flushed to disk (the data is thrown away anyway), which makes the suite
 * faster on slow disks and changes nothing else; benchmarks ({@code -Dzhibu.bench=true}) flush as in
 * production. Quarkus restarts the application (and its test resources) for a test profile; the
 * server outlives those restarts and stops when the test JVM ends.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        synchronized (EmbeddedPostgresResource.class) {
            if (database == null) {
                try {
                    java.nio.file.Path dir = Files.createTempDirectory("zhibu-test-db").resolve("pg");
                    // benchmarks measure commits flushed to disk, as in production
                    database = Boolean.getBoolean("zhibu.bench") ? EmbeddedDatabase.start(dir)
                            : EmbeddedDatabase.startThrowaway(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                EmbeddedDatabase started = database;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    TestFiles.deleteTree(started.dataDirectory().getParent());
                }, "stop test database"));
            }
        }
        Map<String, String> settings = new java.util.HashMap<>(database.datasourceSettings());
        // integrity checkpoints are kept outside the database, beside it, and thrown away with it
        settings.put("zhibu.integrity.checkpoint-dir", database.dataDirectory().getParent().resolve("checkpoints")
                .toString());
        return settings;
    }

    /**
     * A connection as the owner of the schema (the server's superuser, who runs the migrations), for tests that
     * tamper with the database as an owner could; the service itself connects as {@code zhibu_app}.
     */
    public static java.sql.Connection owner() throws java.sql.SQLException {
        EmbeddedDatabase started = database;
        if (started == null) {
            throw new IllegalStateException("The test database has not started");
        }
        return java.sql.DriverManager.getConnection(started.jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    /** Runs one statement as the owner (see {@link #owner()}), in a transaction of its own; the rows it changed. */
    public static int asOwner(String statement, Object... parameters) {
        return asOwner(false, statement, parameters);
    }

    /** As {@link #asOwner}, with every trigger off ({@code session_replication_role = replica}, superusers only). */
    public static int asOwnerWithoutTriggers(String statement, Object... parameters) {
        return asOwner(true, statement, parameters);
    }

    private static int asOwner(boolean withoutTriggers, String statement, Object... parameters) {
        // the statements use the numbered parameters of native queries (?1, ?2): JDBC takes them in order
        java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(statement);
        java.util.List<Object> ordered = new java.util.ArrayList<>();
        while (numbered.find()) {
            ordered.add(parameters[Integer.parseInt(numbered.group(1)) - 1]);
        }
        parameters = ordered.isEmpty() ? parameters : ordered.toArray();
        try (java.sql.Connection connection = owner();
                java.sql.PreparedStatement prepared = connection.prepareStatement(statement.replaceAll("\\?\\d+",
                        "?"))) {
            if (withoutTriggers) {
                try (java.sql.Statement set = connection.createStatement()) {
                    set.execute("set session_replication_role = replica");
                }
            }
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.execute();
            return Math.max(prepared.getUpdateCount(), 0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        // the server stays up for the next application start of this test run
    }
}
