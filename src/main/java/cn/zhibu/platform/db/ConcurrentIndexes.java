package cn.zhibu.platform.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Lets a migration build an index CONCURRENTLY. Such a file runs outside a transaction by its own script configuration
 * ({@code V49__x.sql.conf}: {@code executeInTransaction=false}; Quarkus lists it with the migrations at build time),
 * and Flyway holds its lock on the migrations as a session's advisory lock rather than inside a transaction kept open
 * on a connection of its own: CREATE INDEX CONCURRENTLY waits for every transaction older than itself to end, Flyway's
 * own included, and would wait out its {@code lock_timeout}.
 */
@ApplicationScoped
public class ConcurrentIndexes implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        apply(configuration);
    }

    /** The setting, for every Flyway the project configures (the service's, and the tests' own). */
    public static FluentConfiguration apply(FluentConfiguration configuration) {
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration;
    }
}
