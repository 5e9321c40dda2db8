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
        return Map.of(
                // integrity checkpoints are kept outside the database, beside it, and thrown away with it
                "zhibu.integrity.checkpoint-dir", database.dataDirectory().getParent().resolve("checkpoints").toString(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // the server stays up for the next application start of this test run
    }
}
