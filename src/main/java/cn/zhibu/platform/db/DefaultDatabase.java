package cn.zhibu.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides, before Quarkus starts, whether the service uses a configured PostgreSQL server or
 * starts the embedded one, and stops the embedded one after everything else has shut down.
 */
@Singleton
public class DefaultDatabase {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DIR_PROPERTY = "zhibu.embedded-db.dir";
    static final String DEFAULT_DIR = "data/postgres";

    private static volatile EmbeddedDatabase embedded;

    /**
     * Starts the embedded database unless a JDBC URL is configured (system property
     * {@code quarkus.datasource.jdbc.url} or environment variable
     * {@code QUARKUS_DATASOURCE_JDBC_URL}), and points the datasource at it.
     */
    public static synchronized void startUnlessConfigured() {
        if (embedded != null || setting(URL_PROPERTY).isPresent()) {
            return;
        }
        Path dir = Path.of(setting(DIR_PROPERTY).orElse(DEFAULT_DIR));
        embedded = EmbeddedDatabase.start(dir);
        System.setProperty(URL_PROPERTY, embedded.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
        System.setProperty("quarkus.datasource.password", "");
    }

    /** A setting from the system properties or, in its upper-snake form, the environment. */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /**
     * Runs last at shutdown, after requests have drained: closes the pool's connections first so
     * the server stops with no session to cut off.
     */
    void stopEmbedded(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event, AgroalDataSource dataSource) {
        if (embedded != null) {
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
            stop();
        }
    }

    static synchronized void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
