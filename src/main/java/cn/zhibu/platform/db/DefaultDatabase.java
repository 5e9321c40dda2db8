package cn.zhibu.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    static final String STARTUP_WAIT_PROPERTY = "zhibu.embedded-db.startup-wait";

    private static volatile EmbeddedDatabase embedded;

    /**
     * Starts the embedded database unless a JDBC URL is configured (system properties, environment,
     * {@code .env}, {@code config/application.properties}, {@code application.properties}), and offers
     * it to the datasource through {@link EmbeddedDatabaseConfigSource}, below every other setting:
     * should a URL come from a place not read here, that URL is used and the embedded server idles.
     */
    public static synchronized void startUnlessConfigured() {
        SmallRyeConfig config = settings();
        if (embedded != null || config.getOptionalValue(URL_PROPERTY, String.class).filter(v -> !v.isBlank())
                .isPresent()) {
            return;
        }
        Path dir = Path.of(config.getOptionalValue(DIR_PROPERTY, String.class).orElse(DEFAULT_DIR));
        Duration wait = config.getOptionalValue(STARTUP_WAIT_PROPERTY, String.class).filter(v -> !v.isBlank())
                .map(DurationConverter::parseDuration).orElse(EmbeddedDatabase.DEFAULT_STARTUP_WAIT);
        embedded = EmbeddedDatabase.start(dir, wait);
        EmbeddedDatabaseConfigSource.use(embedded);
    }

    /** Whether the service uses the embedded database of this machine (rather than a configured server). */
    public static boolean isEmbedded(String jdbcUrl) {
        EmbeddedDatabase database = embedded;
        return database != null && database.jdbcUrl().equals(jdbcUrl);
    }

    /** The settings as Quarkus will see them, read before Quarkus starts. */
    static SmallRyeConfig settings() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String profile = Optional.ofNullable(System.getProperty("quarkus.profile"))
                .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE"))).orElse("prod");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultSources()
                .addDefaultInterceptors()
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(loader));
        try {
            URL packaged = loader.getResource("application.properties");
            if (packaged != null) {
                builder.withSources(new PropertiesConfigSource(packaged, 250));
            }
            Path local = Path.of("config", "application.properties");
            if (Files.isRegularFile(local)) {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the settings", e);
        }
        return builder.build();
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

    /** Stops the embedded database, if one runs, when the service failed to start (and serves nothing). */
    public static void stopAfterFailedStart() {
        stop();
    }

    static synchronized void stop() {
        if (embedded != null) {
            EmbeddedDatabaseConfigSource.clear();
            embedded.close();
            embedded = null;
        }
    }
}
