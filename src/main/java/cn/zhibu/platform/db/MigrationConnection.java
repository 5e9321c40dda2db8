package cn.zhibu.platform.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway migrates over a connection of its own, opened with the datasource's URL, user and password, not one of the
 * pool: the pool's connections carry the service's session limits ({@code zhibu.db.lock-timeout},
 * {@code zhibu.db.statement-timeout}, {@code zhibu.db.idle-in-transaction-timeout}, applied by
 * {@code quarkus.datasource.jdbc.new-connection-sql}), which a migration must not inherit (a large index build may
 * well run for minutes); each migration sets its own {@code lock_timeout}. The connection is closed when the
 * migrations end, so no pooled connection ever keeps a migration's settings.
 */
@Singleton
public class MigrationConnection implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        Config config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue(DefaultDatabase.URL_PROPERTY, String.class);
        if (url.isEmpty()) {
            return; // nothing configured: Quarkus reports the missing datasource itself
        }
        configuration.dataSource(url.get(),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }
}
